/** The home page's Start here and the glossary in Japanese: loaded with the page's first paint. */
import type en from '../en/start';
import type { Translation } from '../format';

export default {
  'start.title': 'はじめに',
  'start.goal': 'このラボでは、Cisco のテクニカル ノート 213295 と同じ手順で、CUCM の CAPF サービスを使用して Cisco IP Phone に LSC（自分のクラスタが発行する証明書）をインストールします。その後、意図的に障害を起こし、失敗の理由を読み解く方法を学びます。',
  'start.tutorialLink': 'チュートリアルを進める',
  'start.exercisesLink': '演習に取り組む',
  'start.speedHint': 'ラボは独自の時計で実時間（1×）で動作します。電話機の起動には約 1 分かかります。上部の「速度」で 60× を選択すると、数分が数秒で経過します。',
  'start.glossary': 'このラボで使用する用語',
  'glossary.lsc': 'LSC',
  'glossary.lsc.text': 'Locally Significant Certificate（ローカルで有効な証明書）：自分のクラスタの CAPF（または企業 CA）が発行する電話機の証明書です。802.1X、VPN、セキュアな電話機がこの証明書を信頼します。',
  'glossary.mic': 'MIC',
  'glossary.mic.text': 'Manufacturing Installed Certificate（製造時にインストールされた証明書）：工場で Cisco の Manufacturing CA が電話機に組み込む証明書です。CAPF はこの証明書を使用して、電話機が正規品であることを確認できます。',
  'glossary.capf': 'CAPF',
  'glossary.capf.text': 'Certificate Authority Proxy Function（認証局プロキシ機能）：電話機に LSC を発行する CUCM のサービスです（パブリッシャ上、TCP 3804）。',
  'glossary.itl': 'ITL',
  'glossary.itl.text': 'Identity Trust List：電話機が TFTP サーバからダウンロードするファイルで、電話機が信頼してよい証明書（CAPF の証明書を含む）が含まれています。',
  'glossary.tvs': 'TVS',
  'glossary.tvs.text': 'Trust Verification Service（信頼検証サービス）：ITL ファイルにない証明書について、電話機が問い合わせる CUCM のサービスです。',
  'glossary.sast': 'SAST',
  'glossary.sast.text': 'System Administrator Security Token：ITL ファイルに署名する証明書の役割です（CUCM 11.5 では TFTP ノードの CallManager 証明書、12.0 以降は ITLRecovery）。',
  'glossary.deadline': 'Operation Completes By（操作完了期限）',
  'glossary.deadline.text': 'CAPF Information で設定する日時で、電話機はこの日時までに操作を完了する必要があります。これを過ぎると、CAPF は要求を期限切れとして拒否します。',
} satisfies Translation<typeof en>;
