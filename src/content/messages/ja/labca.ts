import type en from '../en/labca';
import type { Translation } from '../format';

/** ラボの企業 CA（オフライン CA の手順）。CUCM の名称は CUCM の表記のまま。 */
export default {
  'labca.intro':
    'クラスタ外のサードパーティ認証局で、オフライン CA の手順に使います。CUCM が CAPF 証明書用に生成する CSR に署名します（先にこの CA の証明書を CAPF-trust として、次に署名済みの証明書を CAPF としてアップロードします）。また、サービス パラメータ「Certificate Issuer to Endpoint」が「Offline CA」のときに CAPF が保持する電話機の CSR にも署名します。',
  'labca.signHeading': '証明書署名要求に署名する',
  'labca.chooseCsr': 'CSR ファイルを選択',
  'labca.csrField': '証明書署名要求（PEM）',
  'labca.sign': '署名',
  'labca.signed': '署名済みの証明書',
  'labca.caCertificate': 'CA 証明書（LSC Lab Issuing CA）',
  'labca.download': '{file} をダウンロード',
  'labca.importHeading': '署名済みの電話機証明書をインポートする（utils capf cert import）',
  'labca.waiting': 'CAPF が CSR を保持している電話機：{devices}。',
  'labca.waitingNone': 'CAPF は電話機の CSR を保持していません。',
  'labca.device': 'デバイス名（Device Name）',
  'labca.chooseCertificate': '証明書ファイルを選択',
  'labca.certificateField': '署名済みの証明書（PEM）',
  'labca.import': 'インポート',
  'labca.imported': 'インポートしました。',
} satisfies Translation<typeof en>;
