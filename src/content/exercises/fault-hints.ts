/**
 * Each fault's hint ladder: where to look → what is wrong → the exact fix (STYLE "A check explains itself").
 * The troubleshooting exercises use a fault's ladder as it is; a mystery starts with a rung of its own and
 * goes on with the picked fault's. Product pages, labels, status strings and commands stay in English in every
 * language, as the product shows them; the lab's own pages (Logs, Message trace, Downloads) go by their name in the
 * learner's language.
 */
import type { ExerciseText } from './types';

export const FAULT_HINTS: Record<string, readonly [ExerciseText, ExerciseText, ExerciseText]> = {
  'capf.not-activated': [
    {
      en: 'Run `show itl` on the admin CLI of {phoneTftp}, the phone’s TFTP server, and look for a CAPF record.',
      de: 'Führen Sie `show itl` in der Admin-CLI von {phoneTftp} aus, dem TFTP-Server des Telefons, und suchen Sie nach einem CAPF-Eintrag.',
      ja: '電話機の TFTP サーバである {phoneTftp} の管理 CLI で `show itl` を実行し、CAPF レコードを探してください。',
    },
    {
      en: 'The ITL has no CAPF record because the Cisco Certificate Authority Proxy Function service was never activated on {publisher}: the phone does not know any CAPF to call.',
      de: 'Die ITL-Datei enthält keinen CAPF-Eintrag, weil der Dienst Cisco Certificate Authority Proxy Function auf {publisher} nie aktiviert wurde: Das Telefon kennt keinen CAPF, an den es sich wenden könnte.',
      ja: '{publisher} で Cisco Certificate Authority Proxy Function サービスが一度もアクティブ化されていないため、ITL ファイルに CAPF レコードがありません。電話機は接続先の CAPF を知りません。',
    },
    {
      en: 'Cisco Unified Serviceability > Tools > Service Activation on {publisher}: activate Cisco Certificate Authority Proxy Function. Then restart Cisco TFTP on every TFTP node (Control Center - Feature Services) so the ITLs carry the CAPF certificate, and Reset the phone (Device > Phone > {device} > Reset).',
      de: 'Cisco Unified Serviceability > Tools > Service Activation auf {publisher}: Aktivieren Sie Cisco Certificate Authority Proxy Function. Starten Sie dann Cisco TFTP auf jedem TFTP-Knoten neu (Control Center - Feature Services), damit die ITL-Dateien das CAPF-Zertifikat enthalten, und setzen Sie das Telefon zurück (Device > Phone > {device} > Reset).',
      ja: '{publisher} の Cisco Unified Serviceability > Tools > Service Activation で、Cisco Certificate Authority Proxy Function をアクティブ化します。次に、ITL ファイルに CAPF 証明書が含まれるよう、すべての TFTP ノードで Cisco TFTP を再起動し（Control Center - Feature Services）、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'capf.service-stopped': [
    {
      en: 'Read the phone’s console log (Logs) around its CAPF attempts, and look at the services of {publisher} in Cisco Unified Serviceability.',
      de: 'Lesen Sie das Konsolenprotokoll des Telefons (Protokolle) rund um seine CAPF-Versuche, und sehen Sie sich die Dienste von {publisher} in Cisco Unified Serviceability an.',
      ja: 'CAPF への接続を試みている前後の電話機のコンソール ログ（「ログ」）を読み、Cisco Unified Serviceability で {publisher} のサービスを確認してください。',
    },
    {
      en: 'Nothing accepts connections on TCP 3804: the Cisco Certificate Authority Proxy Function service is activated but stopped.',
      de: 'Auf TCP 3804 nimmt nichts Verbindungen an: Der Dienst Cisco Certificate Authority Proxy Function ist aktiviert, aber beendet.',
      ja: 'TCP 3804 で接続を受け付けるものがありません。Cisco Certificate Authority Proxy Function サービスはアクティブ化されていますが、停止しています。',
    },
    {
      en: 'Cisco Unified Serviceability > Tools > Control Center - Feature Services on {publisher}: Start Cisco Certificate Authority Proxy Function, then Reset the phone (Device > Phone > {device} > Reset).',
      de: 'Cisco Unified Serviceability > Tools > Control Center - Feature Services auf {publisher}: Starten Sie Cisco Certificate Authority Proxy Function (Start), und setzen Sie dann das Telefon zurück (Device > Phone > {device} > Reset).',
      ja: '{publisher} の Cisco Unified Serviceability > Tools > Control Center - Feature Services で Cisco Certificate Authority Proxy Function を開始（Start）し、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'capf.cert-regenerated': [
    {
      en: 'Compare the CAPF certificate in Certificate Management (its serial number and validity) with the CAPF record of `show itl` on {phoneTftp}.',
      de: 'Vergleichen Sie das CAPF-Zertifikat in Certificate Management (Seriennummer und Gültigkeit) mit dem CAPF-Eintrag von `show itl` auf {phoneTftp}.',
      ja: 'Certificate Management の CAPF 証明書（シリアル番号と有効期間）を、{phoneTftp} での `show itl` の CAPF レコードと比較してください。',
    },
    {
      en: 'The CAPF certificate was regenerated, but Cisco TFTP was not restarted: the ITLs still carry the old CAPF certificate, so the phone’s check of the CAPF server against its ITL fails.',
      de: 'Das CAPF-Zertifikat wurde neu generiert, Cisco TFTP aber nicht neu gestartet: Die ITL-Dateien enthalten noch das alte CAPF-Zertifikat, daher schlägt die Prüfung des CAPF-Servers anhand der ITL-Datei des Telefons fehl.',
      ja: 'CAPF 証明書は再生成されましたが、Cisco TFTP が再起動されていません。ITL ファイルには古い CAPF 証明書が含まれたままのため、電話機が ITL ファイルで CAPF サーバを検証すると失敗します。',
    },
    {
      en: 'Restart Cisco TFTP on every TFTP node (Cisco Unified Serviceability > Tools > Control Center - Feature Services), wait until it runs, then Reset the phone (Device > Phone > {device} > Reset).',
      de: 'Starten Sie Cisco TFTP auf jedem TFTP-Knoten neu (Cisco Unified Serviceability > Tools > Control Center - Feature Services), warten Sie, bis der Dienst läuft, und setzen Sie dann das Telefon zurück (Device > Phone > {device} > Reset).',
      ja: 'すべての TFTP ノードで Cisco TFTP を再起動し（Cisco Unified Serviceability > Tools > Control Center - Feature Services）、サービスが実行されるまで待ってから、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'network.capf-port-blocked': [
    {
      en: 'Open the Message trace and follow the phone’s connection attempts to {publisherIp} on TCP 3804: does anything answer?',
      de: 'Öffnen Sie den Nachrichtenfluss und verfolgen Sie die Verbindungsversuche des Telefons zu {publisherIp} auf TCP 3804: Antwortet etwas?',
      ja: '「メッセージ トレース」を開き、電話機から {publisherIp} の TCP 3804 への接続試行を追ってください。何か応答がありますか？',
    },
    {
      en: 'The phone’s connection requests to TCP 3804 get no answer at all: something on the path drops them. CAPF itself is running.',
      de: 'Die Verbindungsanfragen des Telefons an TCP 3804 erhalten überhaupt keine Antwort: Etwas auf dem Weg verwirft sie. CAPF selbst läuft.',
      ja: 'TCP 3804 への電話機の接続要求には、まったく応答がありません。経路上の何かが要求を破棄しています。CAPF 自体は実行されています。',
    },
    {
      en: 'On the Firewall page, remove the rule that denies TCP 3804 to {publisherIp}, then Reset the phone (Device > Phone > {device} > Reset).',
      de: 'Entfernen Sie auf der Seite Firewall die Regel, die TCP 3804 zu {publisherIp} verweigert, und setzen Sie dann das Telefon zurück (Device > Phone > {device} > Reset).',
      ja: '「ファイアウォール」ページで {publisherIp} への TCP 3804 を拒否しているルールを削除し、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'dns.capf-host-missing': [
    {
      en: 'Look at the phone’s status messages and the DNS lookups in its console log: which name does it look up for CAPF?',
      de: 'Sehen Sie sich die Statusmeldungen des Telefons und die DNS-Abfragen in seinem Konsolenprotokoll an: Welchen Namen fragt es für CAPF ab?',
      ja: '電話機のステータス メッセージと、コンソール ログ内の DNS ルックアップを確認してください。電話機は CAPF としてどの名前を問い合わせていますか？',
    },
    {
      en: 'CUCM gives the phones the publisher’s name {serverName} (System > Server), and the DNS server has no record for that name.',
      de: 'CUCM übergibt den Telefonen den Namen des Publishers, {serverName} (System > Server), und der DNS-Server hat keinen Eintrag für diesen Namen.',
      ja: 'CUCM は電話機にパブリッシャの名前 {serverName} を渡していますが（System > Server）、DNS サーバにはその名前のレコードがありません。',
    },
    {
      en: 'In DNS Manager, add a host (A) record {serverName} → {publisherIp}, then Reset the phone (Device > Phone > {device} > Reset).',
      de: 'Fügen Sie in DNS Manager einen Host-Eintrag (A) {serverName} → {publisherIp} hinzu, und setzen Sie dann das Telefon zurück (Device > Phone > {device} > Reset).',
      ja: 'DNS Manager でホスト（A）レコード {serverName} → {publisherIp} を追加し、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'capf.deadline-passed': [
    {
      en: 'Open the phone in Cisco Unified CM Administration (Device > Phone > {device}) and read its CAPF Information.',
      de: 'Öffnen Sie das Telefon in Cisco Unified CM Administration (Device > Phone > {device}) und lesen Sie seine CAPF Information.',
      ja: 'Cisco Unified CM Administration で電話機を開き（Device > Phone > {device}）、CAPF Information を確認してください。',
    },
    {
      en: 'Operation Completes By lies in the past: CAPF refuses the phone’s request as late.',
      de: 'Operation Completes By liegt in der Vergangenheit: CAPF lehnt die Anforderung des Telefons als verspätet ab.',
      ja: 'Operation Completes By が過去の日時になっています。CAPF は電話機の要求を期限切れとして拒否します。',
    },
    {
      en: 'In CAPF Information set Operation Completes By to a date and hour still ahead (at least an hour), Save, then Apply Config.',
      de: 'Setzen Sie in CAPF Information Operation Completes By auf ein Datum und eine Stunde in der Zukunft (mindestens eine Stunde voraus), klicken Sie auf Save und dann auf Apply Config.',
      ja: 'CAPF Information で Operation Completes By を 1 時間以上先の日時に設定し、Save をクリックしてから Apply Config をクリックします。',
    },
  ],
  'auth.wrong-string': [
    {
      en: 'Read the CAPF trace and CUCM’s Certificate Operation Status for {device}.',
      de: 'Lesen Sie den CAPF-Trace und den Certificate Operation Status von {device} in CUCM.',
      ja: 'CAPF のトレースと、CUCM での {device} の Certificate Operation Status を確認してください。',
    },
    {
      en: 'The string typed on the phone is not the authentication string saved in CAPF Information.',
      de: 'Die am Telefon eingegebene Zeichenfolge ist nicht die in CAPF Information gespeicherte Authentifizierungszeichenfolge.',
      ja: '電話機で入力された文字列が、CAPF Information に保存されている認証文字列と一致しません。',
    },
    {
      en: 'On the phone, open the LSC entry of Security Setup, choose Update and type the authentication string shown in CAPF Information.',
      de: 'Öffnen Sie am Telefon den Eintrag LSC unter Security Setup, wählen Sie Update und geben Sie die in CAPF Information angezeigte Authentifizierungszeichenfolge ein.',
      ja: '電話機で Security Setup の LSC を開き、Update を選択して、CAPF Information に表示されている認証文字列を入力します。',
    },
  ],
  'auth.foreign-lsc': [
    {
      en: 'Look at the phone’s LSC (Security Setup) and who issued it, and at the Authentication Mode in CAPF Information.',
      de: 'Sehen Sie sich das LSC des Telefons (Security Setup) und seinen Aussteller an, außerdem den Authentication Mode in CAPF Information.',
      ja: '電話機の LSC（Security Setup）とその発行者、および CAPF Information の Authentication Mode を確認してください。',
    },
    {
      en: 'The phone authenticates with an LSC another cluster’s CAPF issued, and CAPF-trust here does not trust that CAPF.',
      de: 'Das Telefon authentifiziert sich mit einem LSC, das der CAPF eines anderen Clusters ausgestellt hat, und CAPF-trust vertraut hier diesem CAPF nicht.',
      ja: '電話機は別のクラスタの CAPF が発行した LSC で認証していますが、このクラスタの CAPF-trust はその CAPF を信頼していません。',
    },
    {
      en: 'In CAPF Information choose Authentication Mode By Existing Certificate (precedence to MIC), Save, then Apply Config.',
      de: 'Wählen Sie in CAPF Information bei Authentication Mode By Existing Certificate (precedence to MIC), klicken Sie auf Save und dann auf Apply Config.',
      ja: 'CAPF Information の Authentication Mode で By Existing Certificate (precedence to MIC) を選択し、Save をクリックしてから Apply Config をクリックします。',
    },
  ],
  'auth.mic-untrusted': [
    {
      en: 'Read the CAPF trace for the phone’s authentication, then look at CAPF-trust in Certificate Management.',
      de: 'Lesen Sie im CAPF-Trace die Authentifizierung des Telefons nach, und sehen Sie sich dann CAPF-trust in Certificate Management an.',
      ja: 'CAPF のトレースで電話機の認証を確認し、次に Certificate Management で CAPF-trust を確認してください。',
    },
    {
      en: 'CAPF cannot verify the phone’s MIC: the Cisco Manufacturing CA certificate is missing from CAPF-trust on {publisher}.',
      de: 'CAPF kann das MIC des Telefons nicht überprüfen: Das Zertifikat der Cisco Manufacturing CA fehlt in CAPF-trust auf {publisher}.',
      ja: 'CAPF は電話機の MIC を検証できません。{publisher} の CAPF-trust に Cisco Manufacturing CA の証明書がありません。',
    },
    {
      en: 'Download the Cisco Manufacturing CA (Downloads) and upload it to CAPF-trust on {publisher} (Certificate Management > Upload Certificate/Certificate chain), restart Cisco Certificate Authority Proxy Function, then Apply Config on the phone.',
      de: 'Laden Sie die Cisco Manufacturing CA herunter (Downloads) und laden Sie sie nach CAPF-trust auf {publisher} hoch (Certificate Management > Upload Certificate/Certificate chain), starten Sie Cisco Certificate Authority Proxy Function neu und führen Sie dann für das Telefon Apply Config aus.',
      ja: 'Cisco Manufacturing CA をダウンロードし（「ダウンロード」）、{publisher} の CAPF-trust にアップロードします（Certificate Management > Upload Certificate/Certificate chain）。Cisco Certificate Authority Proxy Function を再起動してから、電話機に Apply Config を実行します。',
    },
  ],
  'itl.phone-mismatch': [
    {
      en: 'Compare the phone’s ITL (Security Setup > Trust List > ITL File) with `show itl` on {phoneTftp}.',
      de: 'Vergleichen Sie die ITL-Datei des Telefons (Security Setup > Trust List > ITL File) mit `show itl` auf {phoneTftp}.',
      ja: '電話機の ITL ファイル（Security Setup > Trust List > ITL File）を、{phoneTftp} での `show itl` の出力と比較してください。',
    },
    {
      en: 'The phone still holds an ITL with the old CAPF certificate: CAPF and TFTP were restarted after a regeneration, but the phone was never reset.',
      de: 'Das Telefon hat noch eine ITL-Datei mit dem alten CAPF-Zertifikat: CAPF und TFTP wurden nach dem Neugenerieren neu gestartet, aber das Telefon wurde nie zurückgesetzt.',
      ja: '電話機には古い CAPF 証明書を含む ITL ファイルが残っています。再生成の後に CAPF と TFTP は再起動されましたが、電話機はリセットされていません。',
    },
    {
      en: 'Reset the phone (Device > Phone > {device} > Reset) so it downloads the current ITL.',
      de: 'Setzen Sie das Telefon zurück (Device > Phone > {device} > Reset), damit es die aktuelle ITL-Datei herunterlädt.',
      ja: '電話機が現在の ITL ファイルをダウンロードするよう、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'itl.corrupted': [
    {
      en: 'Compare the phone’s ITL (Security Setup > Trust List > ITL File) with `show itl` on {phoneTftp}, and read the TFTP trace.',
      de: 'Vergleichen Sie die ITL-Datei des Telefons (Security Setup > Trust List > ITL File) mit `show itl` auf {phoneTftp}, und lesen Sie den TFTP-Trace.',
      ja: '電話機の ITL ファイル（Security Setup > Trust List > ITL File）を {phoneTftp} での `show itl` の出力と比較し、TFTP のトレースを確認してください。',
    },
    {
      en: 'The ITL file {phoneTftp} serves is damaged, so the phone keeps its old trust list — with the CAPF certificate from before the regeneration — and rejects the CAPF server it meets now.',
      de: 'Die ITL-Datei, die {phoneTftp} ausliefert, ist beschädigt. Daher behält das Telefon seine alte Vertrauensliste – mit dem CAPF-Zertifikat von vor dem Neugenerieren – und lehnt den CAPF-Server ab, auf den es jetzt trifft.',
      ja: '{phoneTftp} が配信している ITL ファイルが破損しているため、電話機は古い信頼リスト（再生成前の CAPF 証明書を含むもの）を保持したままとなり、現在の CAPF サーバを拒否します。',
    },
    {
      en: 'On {publisher} run `utils itl reset localkey`, press Reset in System > Enterprise Parameters, wait two minutes, restart Cisco TFTP on every TFTP node, then press Reset in Enterprise Parameters once more.',
      de: 'Führen Sie auf {publisher} `utils itl reset localkey` aus, klicken Sie in System > Enterprise Parameters auf Reset, warten Sie zwei Minuten, starten Sie Cisco TFTP auf jedem TFTP-Knoten neu und klicken Sie dann noch einmal in Enterprise Parameters auf Reset.',
      ja: '{publisher} で `utils itl reset localkey` を実行し、System > Enterprise Parameters で Reset をクリックします。2 分待ってからすべての TFTP ノードで Cisco TFTP を再起動し、もう一度 Enterprise Parameters で Reset をクリックします。',
    },
  ],
  'itl.cscus33755': [
    {
      en: 'Run `show itl` on {phoneTftp} and `utils dbreplication runtimestate` on {publisher}.',
      de: 'Führen Sie `show itl` auf {phoneTftp} und `utils dbreplication runtimestate` auf {publisher} aus.',
      ja: '{phoneTftp} で `show itl` を、{publisher} で `utils dbreplication runtimestate` を実行してください。',
    },
    {
      en: 'Database replication to the subscriber is broken, so its TFTP service could not build an ITL after the CAPF certificate changed (CSCus33755).',
      de: 'Die Datenbankreplikation zum Subscriber ist gestört, daher konnte dessen TFTP-Dienst nach der Änderung des CAPF-Zertifikats keine ITL-Datei erstellen (CSCus33755).',
      ja: 'サブスクライバへのデータベース レプリケーションが壊れているため、CAPF 証明書の変更後、サブスクライバの TFTP サービスが ITL ファイルを作成できませんでした（CSCus33755）。',
    },
    {
      en: 'On {publisher} run `utils dbreplication reset all`, then restart Cisco TFTP on {phoneTftp} and Reset the phone.',
      de: 'Führen Sie auf {publisher} `utils dbreplication reset all` aus, starten Sie dann Cisco TFTP auf {phoneTftp} neu und setzen Sie das Telefon zurück (Reset).',
      ja: '{publisher} で `utils dbreplication reset all` を実行し、{phoneTftp} で Cisco TFTP を再起動してから、電話機をリセット（Reset）します。',
    },
  ],
  'tvs.down': [
    {
      en: 'Read the phone’s console log around its connection to CAPF, the TVS trace, and the network services of {publisher}.',
      de: 'Lesen Sie das Konsolenprotokoll des Telefons rund um seine Verbindung zu CAPF, den TVS-Trace und die Netzwerkdienste von {publisher}.',
      ja: 'CAPF への接続前後の電話機のコンソール ログ、TVS のトレース、および {publisher} のネットワーク サービスを確認してください。',
    },
    {
      en: 'The CAPF certificate is newer than the one in the phone’s ITL, so the phone asks TVS whether to trust it — and Cisco Trust Verification Service is stopped on {publisher}, the TVS server the phone asks.',
      de: 'Das CAPF-Zertifikat ist neuer als das in der ITL-Datei des Telefons, daher fragt das Telefon TVS, ob es ihm vertrauen soll – und Cisco Trust Verification Service ist auf {publisher} beendet, dem TVS-Server, den das Telefon fragt.',
      ja: 'CAPF 証明書が電話機の ITL ファイル内の証明書より新しいため、電話機は信頼してよいかを TVS に問い合わせます。しかし、電話機の問い合わせ先の TVS サーバである {publisher} で、Cisco Trust Verification Service が停止しています。',
    },
    {
      en: 'Control Center - Network Services on {publisher}: Start Cisco Trust Verification Service, then Reset the phone (Device > Phone > {device} > Reset).',
      de: 'Control Center - Network Services auf {publisher}: Starten Sie Cisco Trust Verification Service (Start), und setzen Sie dann das Telefon zurück (Device > Phone > {device} > Reset).',
      ja: '{publisher} の Control Center - Network Services で Cisco Trust Verification Service を開始（Start）し、電話機をリセットします（Device > Phone > {device} > Reset）。',
    },
  ],
  'phone.keygen-timeout': [
    {
      en: 'Read the CAPF trace for how long the phone was given to generate its key, and the phone’s model.',
      de: 'Lesen Sie im CAPF-Trace nach, wie lange das Telefon Zeit hatte, seinen Schlüssel zu generieren, und prüfen Sie das Telefonmodell.',
      ja: 'CAPF のトレースで、電話機にキー生成のためにどれだけの時間が与えられたかを確認し、電話機のモデルも確認してください。',
    },
    {
      en: 'The operation asks this older phone for a key it cannot generate before CAPF gives up waiting.',
      de: 'Der Vorgang verlangt von diesem älteren Telefon einen Schlüssel, den es nicht generieren kann, bevor CAPF das Warten aufgibt.',
      ja: 'この操作は、この旧型の電話機に対し、CAPF が待機をやめるまでに生成できないキーを要求しています。',
    },
    {
      en: 'In CAPF Information choose Key Order RSA Only with RSA Key Size 1024, Save, then Apply Config.',
      de: 'Wählen Sie in CAPF Information Key Order RSA Only mit RSA Key Size 1024, klicken Sie auf Save und dann auf Apply Config.',
      ja: 'CAPF Information で Key Order に RSA Only、RSA Key Size に 1024 を選択し、Save をクリックしてから Apply Config をクリックします。',
    },
  ],
  'capf.ec-only-unsupported': [
    {
      en: 'Compare the Key Order in CAPF Information with the phone’s model and firmware.',
      de: 'Vergleichen Sie die Key Order in CAPF Information mit Modell und Firmware des Telefons.',
      ja: 'CAPF Information の Key Order を、電話機のモデルおよびファームウェアと照らし合わせてください。',
    },
    {
      en: 'The phone speaks CAPF version 2 and cannot generate EC keys, and the operation asks for EC Only.',
      de: 'Das Telefon spricht CAPF-Version 2 und kann keine EC-Schlüssel generieren, der Vorgang verlangt jedoch EC Only.',
      ja: '電話機は CAPF バージョン 2 にしか対応しておらず EC キーを生成できませんが、操作では EC Only が指定されています。',
    },
    {
      // RSA Key Size 1024 as in the fault's fix: an older phone times out generating the 2048-bit default (phone.keygen-timeout).
      en: 'In CAPF Information choose Key Order RSA Only with RSA Key Size 1024, Save, then Apply Config.',
      de: 'Wählen Sie in CAPF Information Key Order RSA Only mit RSA Key Size 1024, klicken Sie auf Save und dann auf Apply Config.',
      ja: 'CAPF Information の Key Order で RSA Only、RSA Key Size で 1024 を選択し、Save をクリックしてから Apply Config をクリックします。',
    },
  ],
  'capf.cert-expired': [
    {
      en: 'Open the CAPF certificate in Cisco Unified OS Administration > Security > Certificate Management and read its validity.',
      de: 'Öffnen Sie das CAPF-Zertifikat unter Cisco Unified OS Administration > Security > Certificate Management und lesen Sie seine Gültigkeit.',
      ja: 'Cisco Unified OS Administration > Security > Certificate Management で CAPF 証明書を開き、有効期間を確認してください。',
    },
    {
      en: 'The CAPF certificate has expired, and the phone will not trust an expired CAPF server.',
      de: 'Das CAPF-Zertifikat ist abgelaufen, und das Telefon vertraut keinem CAPF-Server mit abgelaufenem Zertifikat.',
      ja: 'CAPF 証明書の有効期限が切れています。電話機は期限切れの CAPF サーバを信頼しません。',
    },
    {
      en: 'Regenerate the CAPF certificate on {publisher}, restart Cisco TFTP on every TFTP node so the ITLs carry it, then Reset the phone.',
      de: 'Generieren Sie das CAPF-Zertifikat auf {publisher} neu, starten Sie Cisco TFTP auf jedem TFTP-Knoten neu, damit die ITL-Dateien es enthalten, und setzen Sie dann das Telefon zurück (Reset).',
      ja: '{publisher} で CAPF 証明書を再生成し、ITL ファイルにその証明書が含まれるよう、すべての TFTP ノードで Cisco TFTP を再起動してから、電話機をリセット（Reset）します。',
    },
  ],
  'phone.no-sbd': [
    {
      en: 'Check the phone’s model (the phone’s Model Information) against the models that support Security By Default.',
      de: 'Prüfen Sie, ob das Modell des Telefons (Model Information am Telefon) zu den Modellen gehört, die Security By Default unterstützen.',
      ja: '電話機のモデル（電話機の Model Information）が、Security By Default をサポートするモデルかどうかを確認してください。',
    },
    {
      en: 'This model has no Security By Default: it holds no ITL, so it has no CAPF certificate to trust in a non-secure cluster.',
      de: 'Dieses Modell unterstützt Security By Default nicht: Es hat keine ITL-Datei und damit in einem Cluster im Non-Secure-Modus kein CAPF-Zertifikat, dem es vertrauen könnte.',
      ja: 'このモデルは Security By Default をサポートしていません。ITL ファイルを保持しないため、非セキュア モードのクラスタでは信頼できる CAPF 証明書がありません。',
    },
    {
      en: 'Replace the handset with a model that supports Security By Default, such as a CP-8845, keeping the device record.',
      de: 'Ersetzen Sie das Gerät durch ein Modell, das Security By Default unterstützt, etwa ein CP-8845, und behalten Sie den Gerätedatensatz bei.',
      ja: 'デバイス レコードはそのままにして、電話機を Security By Default をサポートするモデル（CP-8845 など）に交換します。',
    },
  ],
  'phone.foreign-itl': [
    {
      en: 'Look at the phone’s trust list (Security Setup > Trust List > ITL File) and who signed it.',
      de: 'Sehen Sie sich die Vertrauensliste des Telefons an (Security Setup > Trust List > ITL File) und wer sie signiert hat.',
      ja: '電話機の信頼リスト（Security Setup > Trust List > ITL File）と、その署名者を確認してください。',
    },
    {
      en: 'The phone still holds the ITL of the cluster it came from, so it trusts none of this cluster’s servers.',
      de: 'Das Telefon hat noch die ITL-Datei des Clusters, aus dem es kommt, daher vertraut es keinem Server dieses Clusters.',
      ja: '電話機には移設前のクラスタの ITL ファイルが残っているため、このクラスタのどのサーバも信頼しません。',
    },
    {
      en: 'Save the phone’s CAPF Information again (a fresh Operation Completes By), then on the phone erase the trust list (Security Setup > Trust List > ITL File > Erase) and reset it.',
      de: 'Speichern Sie die CAPF Information des Telefons mit einem neuen Operation Completes By erneut (Save), löschen Sie dann am Telefon die Vertrauensliste (Security Setup > Trust List > ITL File > Erase) und setzen Sie das Telefon zurück.',
      ja: '電話機の CAPF Information を新しい Operation Completes By で再度保存（Save）し、電話機で信頼リストを消去して（Security Setup > Trust List > ITL File > Erase）、電話機をリセットします。',
    },
  ],
};
