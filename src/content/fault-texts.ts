/**
 * The faults panel's titles and descriptions in every language the lab speaks. The fault catalogue
 * (src/sim/faults.ts) stays English — the simulator has no language —, so its texts are carried here: English
 * copied verbatim (tests/content/fault-texts.test.ts compares them with the catalogue, so a changed fault text
 * shows up as a failing test), German and Japanese beside it. Product labels, menu paths and status strings stay
 * in English in every language, as the product shows them (glossary: src/content/messages/glossary.csv).
 */
import type { LocalizedText } from './messages/format';

export interface FaultText {
  title: LocalizedText;
  description: LocalizedText;
}

export const FAULT_TEXTS: Record<string, FaultText> = {
  'capf.not-activated': {
    title: {
      en: 'CAPF service never activated',
      de: 'CAPF-Dienst nie aktiviert',
      ja: 'CAPF サービスの未アクティブ化',
    },
    description: {
      en: 'The Cisco Certificate Authority Proxy Function service was never activated on the publisher, so the ITL the TFTP servers built has no CAPF record.',
      de: 'Der Dienst Cisco Certificate Authority Proxy Function wurde auf dem Publisher nie aktiviert, daher enthält die ITL-Datei, die die TFTP-Server erstellt haben, keinen CAPF-Eintrag.',
      ja: 'パブリッシャで Cisco Certificate Authority Proxy Function サービスが一度もアクティブ化されていないため、TFTP サーバが作成した ITL ファイルに CAPF レコードがありません。',
    },
  },
  'capf.service-stopped': {
    title: {
      en: 'CAPF service stopped',
      de: 'CAPF-Dienst beendet',
      ja: 'CAPF サービスの停止',
    },
    description: {
      en: 'The Cisco Certificate Authority Proxy Function service is activated but stopped: nothing listens on TCP 3804.',
      de: 'Der Dienst Cisco Certificate Authority Proxy Function ist aktiviert, aber beendet: Auf TCP 3804 lauscht nichts.',
      ja: 'Cisco Certificate Authority Proxy Function サービスはアクティブ化されていますが、停止しています。TCP 3804 で待ち受けているものはありません。',
    },
  },
  'capf.cert-regenerated': {
    title: {
      en: 'CAPF certificate regenerated, TFTP not restarted',
      de: 'CAPF-Zertifikat neu generiert, TFTP nicht neu gestartet',
      ja: 'CAPF 証明書を再生成、TFTP は未再起動',
    },
    description: {
      en: 'Someone regenerated the CAPF certificate (a new key) while the service was running; the TFTP servers were not restarted, so their ITLs still carry the old CAPF certificate.',
      de: 'Jemand hat das CAPF-Zertifikat (mit neuem Schlüssel) neu generiert, während der Dienst lief; die TFTP-Server wurden nicht neu gestartet, daher enthalten ihre ITL-Dateien noch das alte CAPF-Zertifikat.',
      ja: 'サービスの実行中に、誰かが CAPF 証明書を再生成しました（新しいキー）。TFTP サーバが再起動されていないため、その ITL ファイルには古い CAPF 証明書が含まれたままです。',
    },
  },
  'network.capf-port-blocked': {
    title: {
      en: 'Firewall blocks TCP 3804',
      de: 'Firewall blockiert TCP 3804',
      ja: 'ファイアウォールによる TCP 3804 のブロック',
    },
    description: {
      en: 'A firewall between the phone and the publisher drops TCP port 3804 (CAPF) without answering.',
      de: 'Eine Firewall zwischen Telefon und Publisher verwirft Pakete an TCP-Port 3804 (CAPF), ohne zu antworten.',
      ja: '電話機とパブリッシャの間のファイアウォールが、TCP ポート 3804（CAPF）宛てのパケットを応答せずに破棄します。',
    },
  },
  'dns.capf-host-missing': {
    title: {
      en: 'Publisher known by a name DNS does not have',
      de: 'Publisher unter einem Namen, den DNS nicht kennt',
      ja: 'DNS に登録されていない名前のパブリッシャ',
    },
    description: {
      en: 'As in the DNS lab of TAC 213295: the publisher is defined in System > Server as PUB11.brianw2.lab, and the DNS server has no A record for that name.',
      de: 'Wie im DNS-Lab von TAC 213295: Der Publisher ist unter System > Server als PUB11.brianw2.lab definiert, und der DNS-Server hat keinen A-Eintrag für diesen Namen.',
      ja: 'TAC 213295 の DNS ラボと同じく、パブリッシャは System > Server で PUB11.brianw2.lab として定義されていますが、DNS サーバにはその名前の A レコードがありません。',
    },
  },
  'capf.deadline-passed': {
    title: {
      en: 'Operation Completes By in the past',
      de: 'Operation Completes By in der Vergangenheit',
      ja: 'Operation Completes By が過去の日時',
    },
    description: {
      en: 'The Install/Upgrade operation is saved with an "Operation Completes By" date that has already passed.',
      de: 'Der Vorgang Install/Upgrade ist mit einem Datum für „Operation Completes By“ gespeichert, das bereits verstrichen ist.',
      ja: 'Install/Upgrade の操作が、すでに過ぎた「Operation Completes By」の日時で保存されています。',
    },
  },
  'auth.wrong-string': {
    title: {
      en: 'Wrong authentication string typed on the phone',
      de: 'Falsche Authentifizierungszeichenfolge am Telefon eingegeben',
      ja: '電話機で誤った認証文字列を入力',
    },
    description: {
      en: 'The operation uses By Authentication String (135790); at the phone, someone types 246801 under Security Setup > LSC > Update.',
      de: 'Der Vorgang verwendet By Authentication String (135790); am Telefon gibt jemand unter Security Setup > LSC > Update 246801 ein.',
      ja: '操作では By Authentication String（135790）が使用されていますが、電話機で誰かが Security Setup > LSC > Update に 246801 と入力します。',
    },
  },
  'auth.foreign-lsc': {
    title: {
      en: 'Phone holds an LSC from another cluster',
      de: 'Telefon hat ein LSC aus einem anderen Cluster',
      ja: '別のクラスタの LSC を持つ電話機',
    },
    description: {
      en: 'The phone was registered to another cluster before and still holds the LSC that cluster\'s CAPF issued; the operation uses By Existing Certificate (precedence to LSC).',
      de: 'Das Telefon war zuvor bei einem anderen Cluster registriert und hat noch das LSC, das der CAPF jenes Clusters ausgestellt hat; der Vorgang verwendet By Existing Certificate (precedence to LSC).',
      ja: '電話機は以前別のクラスタに登録されており、そのクラスタの CAPF が発行した LSC を保持したままです。操作では By Existing Certificate (precedence to LSC) が使用されています。',
    },
  },
  'auth.mic-untrusted': {
    title: {
      en: 'Manufacturing CA missing from CAPF-trust',
      de: 'Manufacturing CA fehlt in CAPF-trust',
      ja: 'CAPF-trust に Manufacturing CA がない',
    },
    description: {
      en: 'The Cisco Manufacturing CA certificate was deleted from CAPF-trust; the operation uses By Existing Certificate (precedence to MIC).',
      de: 'Das Zertifikat der Cisco Manufacturing CA wurde aus CAPF-trust gelöscht; der Vorgang verwendet By Existing Certificate (precedence to MIC).',
      ja: 'Cisco Manufacturing CA の証明書が CAPF-trust から削除されています。操作では By Existing Certificate (precedence to MIC) が使用されています。',
    },
  },
  'itl.phone-mismatch': {
    title: {
      en: 'Phone still holds the old ITL',
      de: 'Telefon hat noch die alte ITL-Datei',
      ja: '電話機に古い ITL ファイルが残っている',
    },
    description: {
      en: 'While CAPF was stopped its certificate was regenerated; CAPF and every TFTP service were restarted, but the phone was not reset, so it still holds the ITL with the old CAPF certificate.',
      de: 'Während CAPF beendet war, wurde sein Zertifikat neu generiert; CAPF und alle TFTP-Dienste wurden neu gestartet, das Telefon aber nicht zurückgesetzt. Daher hat es noch die ITL-Datei mit dem alten CAPF-Zertifikat.',
      ja: 'CAPF の停止中にその証明書が再生成され、CAPF とすべての TFTP サービスが再起動されましたが、電話機はリセットされていません。そのため、電話機には古い CAPF 証明書を含む ITL ファイルが残っています。',
    },
  },
  'itl.corrupted': {
    title: {
      en: 'Corrupt ITL on the phone\'s TFTP server',
      de: 'Beschädigte ITL-Datei auf dem TFTP-Server des Telefons',
      ja: '電話機の TFTP サーバ上の ITL ファイルの破損',
    },
    description: {
      en: 'The CAPF certificate was regenerated (with CAPF stopped) and Cisco TFTP restarted everywhere, but the ITL file the phone\'s TFTP server now serves was damaged on disk; then the phone was reset.',
      de: 'Das CAPF-Zertifikat wurde (bei beendetem CAPF) neu generiert und Cisco TFTP überall neu gestartet, doch die ITL-Datei, die der TFTP-Server des Telefons jetzt ausliefert, wurde auf der Festplatte beschädigt; danach wurde das Telefon zurückgesetzt.',
      ja: 'CAPF 証明書が（CAPF の停止中に）再生成され、すべてのノードで Cisco TFTP が再起動されましたが、電話機の TFTP サーバが現在配信している ITL ファイルがディスク上で破損しています。その後、電話機がリセットされました。',
    },
  },
  'itl.cscus33755': {
    title: {
      en: 'Database replication broken (CSCus33755)',
      de: 'Datenbankreplikation gestört (CSCus33755)',
      ja: 'データベース レプリケーションの障害（CSCus33755）',
    },
    description: {
      en: 'Database replication to the subscriber is broken and the CAPF certificate was regenerated while CAPF was stopped; the subscriber\'s TFTP restarted and could not build an ITL.',
      de: 'Die Datenbankreplikation zum Subscriber ist gestört, und das CAPF-Zertifikat wurde neu generiert, während CAPF beendet war; der TFTP-Dienst des Subscribers wurde neu gestartet und konnte keine ITL-Datei erstellen.',
      ja: 'サブスクライバへのデータベース レプリケーションが壊れており、CAPF の停止中に CAPF 証明書が再生成されました。サブスクライバの TFTP は再起動されましたが、ITL ファイルを作成できませんでした。',
    },
  },
  'tvs.down': {
    title: {
      en: 'TVS stopped where the phone asks',
      de: 'TVS beendet, wo das Telefon nachfragt',
      ja: '電話機の問い合わせ先の TVS が停止',
    },
    description: {
      en: 'The CAPF certificate was regenerated while CAPF was stopped and the TFTP servers were not restarted, so the phone\'s ITL still holds the old one and only TVS could vouch for the new one — and Cisco Trust Verification Service is stopped on the publisher, the TVS server the phone asks.',
      de: 'Das CAPF-Zertifikat wurde neu generiert, während CAPF beendet war, und die TFTP-Server wurden nicht neu gestartet. Die ITL-Datei des Telefons enthält daher noch das alte Zertifikat, und nur TVS könnte für das neue bürgen – doch Cisco Trust Verification Service ist auf dem Publisher beendet, dem TVS-Server, den das Telefon fragt.',
      ja: 'CAPF の停止中に CAPF 証明書が再生成され、TFTP サーバは再起動されていません。そのため電話機の ITL ファイルには古い証明書が残っており、新しい証明書の正当性を保証できるのは TVS だけです。しかし、電話機の問い合わせ先の TVS サーバであるパブリッシャで、Cisco Trust Verification Service が停止しています。',
    },
  },
  'phone.keygen-timeout': {
    title: {
      en: 'Key generation outlasts CAPF',
      de: 'Schlüsselgenerierung dauert länger, als CAPF wartet',
      ja: 'キー生成が CAPF の待機時間を超過',
    },
    description: {
      en: 'The phone is an older CP-7965. It generates keys at low priority, and a 2048-bit RSA key — the size the procedure leaves at its default — takes it longer than CAPF waits; 3072 and 4096 bits it cannot make at all.',
      de: 'Das Telefon ist ein älteres CP-7965. Es generiert Schlüssel mit niedriger Priorität, und für einen 2048-Bit-RSA-Schlüssel – die Größe, die das Verfahren als Standard belässt – braucht es länger, als CAPF wartet; 3072 und 4096 Bit kann es gar nicht erzeugen.',
      ja: '電話機は旧型の CP-7965 です。キーの生成は低い優先度で行われ、2048 ビットの RSA キー（手順でデフォルトのままにするサイズ）の生成には CAPF の待機時間より長くかかります。3072 ビットと 4096 ビットのキーはまったく生成できません。',
    },
  },
  'capf.ec-only-unsupported': {
    title: {
      en: 'EC Only for a phone without CAPF v3',
      de: 'EC Only für ein Telefon ohne CAPF v3',
      ja: 'CAPF v3 非対応の電話機に EC Only',
    },
    description: {
      en: 'The phone is a CP-7965, whose firmware speaks CAPF version 2; the operation asks for EC Only.',
      de: 'Das Telefon ist ein CP-7965, dessen Firmware CAPF-Version 2 spricht; der Vorgang verlangt EC Only.',
      ja: '電話機は CP-7965 で、そのファームウェアは CAPF バージョン 2 にしか対応していませんが、操作では EC Only が指定されています。',
    },
  },
  'capf.cert-expired': {
    title: {
      en: 'CAPF certificate expired',
      de: 'CAPF-Zertifikat abgelaufen',
      ja: 'CAPF 証明書の期限切れ',
    },
    description: {
      en: 'The CAPF certificate expired a month ago and was never regenerated (the first check in TAC 213295).',
      de: 'Das CAPF-Zertifikat ist vor einem Monat abgelaufen und wurde nie neu generiert (die erste Prüfung in TAC 213295).',
      ja: 'CAPF 証明書は 1 か月前に期限が切れており、再生成されていません（TAC 213295 の最初の確認項目）。',
    },
  },
  'phone.no-sbd': {
    title: {
      en: 'A 7960 on the desk',
      de: 'Ein 7960 auf dem Schreibtisch',
      ja: '机の上の 7960',
    },
    description: {
      en: 'The phone is a Cisco 7960: it does not support Security By Default (no ITL), so it has no CAPF certificate to trust in a non-secure cluster — the procedure of TAC 213295 cannot work for it. The fix swaps the handset for a CP-8845 (same device record).',
      de: 'Das Telefon ist ein Cisco 7960: Es unterstützt Security By Default nicht (keine ITL-Datei) und hat daher in einem Cluster im Non-Secure-Modus kein CAPF-Zertifikat, dem es vertrauen könnte – das Verfahren aus TAC 213295 kann bei ihm nicht funktionieren. Die Behebung tauscht das Gerät gegen ein CP-8845 aus (derselbe Gerätedatensatz).',
      ja: '電話機は Cisco 7960 です。Security By Default をサポートしていない（ITL ファイルがない）ため、非セキュア モードのクラスタでは信頼できる CAPF 証明書がなく、TAC 213295 の手順は機能しません。修正では、電話機を CP-8845 に交換します（デバイス レコードは同じ）。',
    },
  },
  'phone.foreign-itl': {
    title: {
      en: 'Phone moved from another cluster',
      de: 'Telefon aus einem anderen Cluster umgezogen',
      ja: '別のクラスタから移設された電話機',
    },
    description: {
      en: 'The phone was registered to another cluster before and still holds that cluster\'s ITL; its TVS server is the old cluster\'s.',
      de: 'Das Telefon war zuvor bei einem anderen Cluster registriert und hat noch dessen ITL-Datei; sein TVS-Server ist der des alten Clusters.',
      ja: '電話機は以前別のクラスタに登録されており、そのクラスタの ITL ファイルを保持したままです。TVS サーバも以前のクラスタのものです。',
    },
  },
};
