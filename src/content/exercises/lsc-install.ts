/** The seed procedure itself (TAC 213295): install an LSC with null-string authentication. */
import { EXERCISE_LOCKS, LSC_FROM_CAPF, procedureSteps, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const lscInstall: Exercise = {
  id: 'lsc-install',
  version: 1,
  kind: 'procedure',
  title: {
    en: 'Install an LSC (TAC 213295)',
    de: 'Ein LSC installieren (TAC 213295)',
    ja: 'LSC のインストール（TAC 213295）',
  },
  brief: {
    en: 'The cluster and the phone {device} are ready. Install a 2048-bit RSA LSC through CAPF with null-string authentication, as Cisco’s article 213295 does, and watch the phone get it.',
    de: 'Der Cluster und das Telefon {device} sind bereit. Installieren Sie wie in Cisco-Artikel 213295 über CAPF ein 2048-Bit-RSA-LSC mit Null-String-Authentifizierung, und beobachten Sie, wie das Telefon es erhält.',
    ja: 'クラスタと電話機 {device} の準備はできています。Cisco の記事 213295 と同じく、ヌル文字列認証で CAPF 経由で 2048 ビット RSA の LSC をインストールし、電話機が LSC を取得する様子を確認してください。',
  },
  scenario: 'seed-lab',
  startsWithProcedure: false,
  locks: EXERCISE_LOCKS,
  goals: [LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    {
      en: 'Open the phone in Cisco Unified CM Administration: Device > Phone > Find > {device}, and scroll to Certification Authority Proxy Function (CAPF) Information.',
      de: 'Öffnen Sie das Telefon in Cisco Unified CM Administration: Device > Phone > Find > {device}, und scrollen Sie zu Certification Authority Proxy Function (CAPF) Information.',
      ja: 'Cisco Unified CM Administration で電話機を開き（Device > Phone > Find > {device}）、Certification Authority Proxy Function (CAPF) Information までスクロールします。',
    },
    {
      en: 'Choose Certificate Operation Install/Upgrade and Authentication Mode By Null String; leave the key settings; set Operation Completes By at least an hour ahead.',
      de: 'Wählen Sie bei Certificate Operation Install/Upgrade und bei Authentication Mode By Null String; lassen Sie die Schlüsseleinstellungen unverändert; setzen Sie Operation Completes By mindestens eine Stunde in die Zukunft.',
      ja: 'Certificate Operation で Install/Upgrade を、Authentication Mode で By Null String を選択します。キーの設定はそのままにし、Operation Completes By を 1 時間以上先に設定します。',
    },
    {
      en: 'Save (the status reads Operation Pending), then Apply Config, and let the lab run (60× helps) until CUCM shows Upgrade Success.',
      de: 'Klicken Sie auf Save (der Status lautet dann Operation Pending), danach auf Apply Config, und lassen Sie das Lab laufen (60× hilft), bis CUCM Upgrade Success anzeigt.',
      ja: 'Save をクリックし（ステータスは Operation Pending になります）、Apply Config をクリックします。CUCM に Upgrade Success と表示されるまでラボを実行します（60× にすると早く進みます）。',
    },
  ],
  solution: (world) => procedureSteps(world),
};
