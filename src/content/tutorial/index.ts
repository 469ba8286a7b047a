/**
 * The guided tutorials (issue: "The guided tutorial"), as data: each step says why (what CAPF, the ITL, TVS and
 * the LSC are for), where to click (the menu path and a link to the page) and what to expect, and when it is
 * done. Steps that change the world are done when the world shows it — however the learner did it (a page,
 * the CLI, a replayed lab) — and undone when the world no longer does (a reset). Steps that only look are done
 * when the learner opened that page, ran that command or saved that file (learner events, kept with the lab).
 */
import type { CheckRef } from '../checks';
import type { ExerciseText } from '../exercises/types';
import type { LabAction } from '../../sim/actions';

export type DoneRule =
  | { check: CheckRef }
  /** A page opened (params may name the lab's facts: "{publisher}"). */
  | { looked: { path: string; params?: Record<string, string> } }
  /** An admin CLI command the learner ran, on every TFTP node or on the publisher. */
  | { ran: { command: string; on: 'tftp-nodes' | 'publisher' } }
  /** A file saved from the lab, by the end of its name ("CAPF.pem"). */
  | { downloaded: string }
  /** Something the lab's history holds (the learner's or a fault's action), e.g. CAPF stopped. */
  | { did: { type: LabAction['type']; match?: Record<string, string> } }
  | { all: readonly DoneRule[] }
  | { any: readonly DoneRule[] };

export interface TutorialStep {
  id: string;
  title: ExerciseText;
  /** What this step is for, in the real system. */
  why: ExerciseText;
  /** The menu path, as the product names it. */
  where: ExerciseText;
  /** A link that opens the page. */
  link?: { path: string; params?: Record<string, string> };
  expect: ExerciseText;
  done: DoneRule;
}

export interface Tutorial {
  id: string;
  title: ExerciseText;
  intro: ExerciseText;
  steps: readonly TutorialStep[];
}

export const INSTALL_TUTORIAL: Tutorial = {
  id: 'install-lsc',
  title: {
    en: 'Install an LSC, step by step (TAC 213295)',
    de: 'Ein LSC Schritt für Schritt installieren (TAC 213295)',
    ja: 'LSC のインストール手順（TAC 213295）',
  },
  intro: {
    en: 'The procedure of Cisco’s article 213295 on the live lab. Each step says why it matters, where to click and what you should see. A step is marked Done when the lab shows it — however you did it.',
    de: 'Das Verfahren aus Cisco-Artikel 213295 im laufenden Lab. Jeder Schritt erklärt, warum er wichtig ist, wo Sie klicken und was Sie sehen sollten. Ein Schritt wird als Erledigt markiert, sobald das Lab ihn zeigt – ganz gleich, wie Sie ihn ausgeführt haben.',
    ja: 'Cisco の記事 213295 の手順を、動作中のラボで実行します。各ステップでは、その目的、クリックする場所、表示される内容を説明します。ラボに結果が現れると、どの方法で行ったかにかかわらず、ステップは「完了」になります。',
  },
  steps: [
    {
      id: 'capf-certificate',
      title: {
        en: 'Check the CAPF certificate',
        de: 'CAPF-Zertifikat prüfen',
        ja: 'CAPF 証明書の確認',
      },
      why: {
        en: 'CAPF (Certificate Authority Proxy Function) signs the phones’ LSCs with its own certificate. The phone trusts CAPF only if that certificate is valid and is the one in its trust list, so the article starts by checking it.',
        de: 'CAPF (Certificate Authority Proxy Function) signiert die LSCs der Telefone mit seinem eigenen Zertifikat. Das Telefon vertraut CAPF nur, wenn dieses Zertifikat gültig ist und mit dem in seiner Vertrauensliste übereinstimmt. Deshalb prüft der Artikel es zuerst.',
        ja: 'CAPF（認証局プロキシ機能）は、自身の証明書で電話機の LSC に署名します。電話機が CAPF を信頼するのは、その証明書が有効で、かつ電話機の信頼リストにあるものと同じ場合だけです。そのため、記事ではまずこの証明書を確認します。',
      },
      where: {
        en: 'Cisco Unified OS Administration > Security > Certificate Management > Find > CAPF.pem of {publisher}',
        de: 'Cisco Unified OS Administration > Security > Certificate Management > Find > CAPF.pem von {publisher}',
        ja: 'Cisco Unified OS Administration > Security > Certificate Management > Find > {publisher} の CAPF.pem',
      },
      link: { path: '/os/certificate', params: { node: '{publisher}', purpose: 'CAPF', file: 'CAPF.pem' } },
      expect: {
        en: 'Certificate Details for the CAPF certificate: read Validity From and To — it must not have expired.',
        de: 'Certificate Details (Zertifikatdetails) des CAPF-Zertifikats: Lesen Sie Validity From und To – das Zertifikat darf nicht abgelaufen sein.',
        ja: 'CAPF 証明書の Certificate Details（証明書の詳細）が表示されます。Validity From と To を確認してください。有効期限が切れていてはいけません。',
      },
      done: { looked: { path: '/os/certificate', params: { node: '{publisher}', purpose: 'CAPF' } } },
    },
    {
      id: 'show-itl',
      title: {
        en: 'Find the CAPF record in the ITL of every TFTP server',
        de: 'Den CAPF-Eintrag in der ITL-Datei jedes TFTP-Servers finden',
        ja: 'すべての TFTP サーバの ITL ファイルで CAPF レコードを確認',
      },
      why: {
        en: 'The phone downloads the ITL (Identity Trust List) from its TFTP server. The ITL’s CAPF record is what the phone later compares the CAPF server’s certificate with: without it, or with an old one, the phone will not talk to CAPF.',
        de: 'Das Telefon lädt die ITL-Datei (Identity Trust List) von seinem TFTP-Server herunter. Mit dem CAPF-Eintrag der ITL-Datei vergleicht das Telefon später das Zertifikat des CAPF-Servers: Fehlt der Eintrag oder ist er veraltet, kommuniziert das Telefon nicht mit CAPF.',
        ja: '電話機は TFTP サーバから ITL ファイル（Identity Trust List）をダウンロードします。電話機は後で、ITL ファイルの CAPF レコードと CAPF サーバの証明書を比較します。このレコードがない場合や古い場合、電話機は CAPF と通信しません。',
      },
      where: {
        en: 'Admin CLI of each TFTP node (here {publisher} and {phoneTftp}): show itl',
        de: 'Admin-CLI jedes TFTP-Knotens (hier {publisher} und {phoneTftp}): show itl',
        ja: '各 TFTP ノード（ここでは {publisher} と {phoneTftp}）の管理 CLI：show itl',
      },
      link: { path: '/cli', params: { node: '{phoneTftp}' } },
      expect: {
        en: 'A record whose FUNCTION is CAPF, with the same serial number as the CAPF certificate, on every node; the output ends “The ITL file was verified successfully.”',
        de: 'Auf jedem Knoten ein Eintrag mit FUNCTION CAPF und derselben Seriennummer wie das CAPF-Zertifikat; die Ausgabe endet mit „The ITL file was verified successfully.“',
        ja: 'すべてのノードに、FUNCTION が CAPF で、CAPF 証明書と同じシリアル番号のレコードがあります。出力の最後は「The ITL file was verified successfully.」です。',
      },
      done: { ran: { command: 'show itl', on: 'tftp-nodes' } },
    },
    {
      id: 'capf-information',
      title: {
        en: 'Fill in CAPF Information on the phone’s page, and Save',
        de: 'CAPF Information auf der Seite des Telefons ausfüllen und speichern (Save)',
        ja: '電話機のページで CAPF Information を入力して保存（Save）',
      },
      why: {
        en: 'CUCM tells the phone what to do with its certificate through the phone’s configuration: Install/Upgrade asks it to get an LSC (Locally Significant Certificate), and the authentication mode says how CAPF checks that the phone is genuine.',
        de: 'CUCM teilt dem Telefon über dessen Konfiguration mit, was es mit seinem Zertifikat tun soll: Install/Upgrade fordert es auf, ein LSC (Locally Significant Certificate) zu beziehen, und der Authentifizierungsmodus legt fest, wie CAPF prüft, ob das Telefon echt ist.',
        ja: 'CUCM は電話機の設定を通じて、証明書をどう扱うかを電話機に指示します。Install/Upgrade は LSC（ローカルで有効な証明書）の取得を指示し、認証モードは電話機が本物であることを CAPF がどのように確認するかを指定します。',
      },
      where: {
        en: 'Cisco Unified CM Administration > Device > Phone > Find > {device} > Certification Authority Proxy Function (CAPF) Information',
        de: 'Cisco Unified CM Administration > Device > Phone > Find > {device} > Certification Authority Proxy Function (CAPF) Information',
        ja: 'Cisco Unified CM Administration > Device > Phone > Find > {device} > Certification Authority Proxy Function (CAPF) Information',
      },
      link: { path: '/cucm/phone', params: { device: '{device}' } },
      expect: {
        en: 'Certificate Operation Install/Upgrade, Authentication Mode By Null String, the key settings as they are, Operation Completes By at least an hour ahead; after Save, Certificate Operation Status reads Operation Pending.',
        de: 'Certificate Operation (Zertifikatvorgang) Install/Upgrade, Authentication Mode (Authentifizierungsmodus) By Null String, die Schlüsseleinstellungen unverändert, Operation Completes By (Vorgang abgeschlossen bis) mindestens eine Stunde in der Zukunft; nach Save zeigt Certificate Operation Status (Status des Zertifikatvorgangs) Operation Pending.',
        ja: 'Certificate Operation（証明書の操作）は Install/Upgrade、Authentication Mode（認証モード）は By Null String、キーの設定はそのまま、Operation Completes By（操作完了期限）は 1 時間以上先にします。Save の後、Certificate Operation Status（証明書操作のステータス）は Operation Pending になります。',
      },
      done: { check: { check: 'phone.operationSaved', args: { authenticationMode: 'By Null String' } } },
    },
    {
      id: 'apply-config',
      title: {
        en: 'Apply Config',
        de: 'Apply Config (Konfiguration anwenden)',
        ja: 'Apply Config（設定の適用）',
      },
      why: {
        en: 'Saving changes only the database. Apply Config makes CUCM tell the phone to fetch its configuration again, which now carries the CAPF operation.',
        de: 'Save ändert nur die Datenbank. Mit Apply Config weist CUCM das Telefon an, seine Konfiguration erneut abzurufen, die nun den CAPF-Vorgang enthält.',
        ja: '保存（Save）で変更されるのはデータベースだけです。Apply Config を実行すると、CUCM は電話機に設定を再取得するよう指示します。その設定に CAPF の操作が含まれています。',
      },
      where: {
        en: 'The same page: Apply Config, then OK',
        de: 'Dieselbe Seite: Apply Config, dann OK',
        ja: '同じページ：Apply Config、次に OK',
      },
      link: { path: '/cucm/phone', params: { device: '{device}' } },
      expect: {
        en: 'The phone downloads its configuration file and starts a CAPF session by itself.',
        de: 'Das Telefon lädt seine Konfigurationsdatei herunter und startet selbstständig eine CAPF-Sitzung.',
        ja: '電話機が設定ファイルをダウンロードし、自動的に CAPF セッションを開始します。',
      },
      done: { check: { check: 'phone.configHasOperation' } },
    },
    {
      id: 'watch',
      title: {
        en: 'Watch the phone get its LSC',
        de: 'Beobachten, wie das Telefon sein LSC erhält',
        ja: '電話機が LSC を取得する様子を確認',
      },
      why: {
        en: 'The phone resolves the CAPF server’s name, opens TCP 3804, checks the server against the ITL, generates a key pair and receives its LSC, signed by CAPF. Each step leaves a trace; reading them is how you troubleshoot later.',
        de: 'Das Telefon löst den Namen des CAPF-Servers auf, öffnet TCP 3804, prüft den Server anhand der ITL-Datei, generiert ein Schlüsselpaar und erhält sein von CAPF signiertes LSC. Jeder Schritt hinterlässt Spuren; wer sie lesen kann, kann später Fehler beheben.',
        ja: '電話機は CAPF サーバの名前を解決し、TCP 3804 で接続し、ITL ファイルでサーバを検証し、キー ペアを生成して、CAPF が署名した LSC を受け取ります。各ステップは記録に残ります。後のトラブルシューティングでは、この記録を読み解きます。',
      },
      where: {
        en: 'Logs (the phone’s status messages, the CAPF trace) and Message trace (the CAPF exchange on the wire)',
        de: 'Protokolle (die Statusmeldungen des Telefons, der CAPF-Trace) und Nachrichtenfluss (der CAPF-Austausch auf der Leitung)',
        ja: '「ログ」（電話機のステータス メッセージ、CAPF のトレース）と「メッセージ トレース」（ネットワーク上の CAPF のやり取り）',
      },
      link: { path: '/logs' },
      expect: {
        en: 'Status messages go from the configuration download to the LSC; the message trace shows AUTH_REQUEST … STORE_CERTIFICATE … END_SESSION; the LSC field goes from Pending to Installed. Speed the clock up (60×) if you like.',
        de: 'Die Statusmeldungen reichen vom Download der Konfiguration bis zum LSC; der Nachrichtenfluss zeigt AUTH_REQUEST … STORE_CERTIFICATE … END_SESSION; das Feld LSC wechselt von Pending zu Installed. Beschleunigen Sie die Uhr (60×), wenn Sie möchten.',
        ja: 'ステータス メッセージは設定のダウンロードから LSC まで進み、メッセージ トレースには AUTH_REQUEST … STORE_CERTIFICATE … END_SESSION が表示され、LSC フィールドは Pending から Installed に変わります。必要に応じて時計を速めてください（60×）。',
      },
      done: { all: [{ looked: { path: '/logs' } }, { looked: { path: '/trace' } }, { check: { check: 'phone.lscFromThisCapf' } }] },
    },
    {
      id: 'verify',
      title: {
        en: 'Verify it like an engineer',
        de: 'Wie ein Techniker überprüfen',
        ja: 'エンジニアとして検証',
      },
      why: {
        en: 'An LSC is only useful if others can check it: 802.1X, VPN or secure registration trust it because it chains to this cluster’s CAPF certificate.',
        de: 'Ein LSC nützt nur, wenn andere es prüfen können: 802.1X, VPN oder die sichere Registrierung vertrauen ihm, weil seine Zertifikatskette zum CAPF-Zertifikat dieses Clusters führt.',
        ja: 'LSC は、他のシステムが検証できてはじめて役に立ちます。802.1X、VPN、セキュアな登録で LSC が信頼されるのは、その証明書チェーンがこのクラスタの CAPF 証明書につながっているからです。',
      },
      where: {
        en: 'On the phone: Applications > Admin Settings > Security Setup (LSC Installed); in CUCM the phone’s Certificate Operation Status; Downloads: CAPF.pem and LSC.pem',
        de: 'Am Telefon: Applications > Admin Settings > Security Setup (LSC Installed); in CUCM der Certificate Operation Status des Telefons; Downloads: CAPF.pem und LSC.pem',
        ja: '電話機：Applications > Admin Settings > Security Setup（LSC Installed）、CUCM：電話機の Certificate Operation Status、「ダウンロード」：CAPF.pem と LSC.pem',
      },
      link: { path: '/downloads' },
      expect: {
        en: 'LSC Installed on the phone, Upgrade Success in CUCM; then on your own computer: openssl verify -CAfile CAPF.pem LSC.pem answers “LSC.pem: OK”.',
        de: 'LSC Installed am Telefon, Upgrade Success in CUCM; dann auf Ihrem eigenen Computer: openssl verify -CAfile CAPF.pem LSC.pem antwortet „LSC.pem: OK“.',
        ja: '電話機に LSC Installed、CUCM に Upgrade Success と表示されます。次に自分のコンピュータで openssl verify -CAfile CAPF.pem LSC.pem を実行すると、「LSC.pem: OK」と表示されます。',
      },
      done: {
        all: [{ looked: { path: '/phone' } }, { check: { check: 'phone.operationStatus', args: { status: 'Upgrade Success' } } }, { downloaded: 'CAPF.pem' }, { downloaded: 'LSC.pem' }],
      },
    },
  ],
};

export const TROUBLESHOOT_TUTORIAL: Tutorial = {
  id: 'troubleshoot',
  title: {
    en: 'Troubleshoot a failing LSC',
    de: 'Fehlerbehebung bei einem fehlschlagenden LSC',
    ja: 'LSC の失敗のトラブルシューティング',
  },
  intro: {
    en: 'Break the lab on purpose, read the symptom, find the cause in the logs and fix it — the way you will on a real cluster. The fault here is one of the article’s: the CAPF service stopped.',
    de: 'Stören Sie das Lab absichtlich, lesen Sie das Symptom, finden Sie die Ursache in den Protokollen und beheben Sie sie – so, wie Sie es in einem echten Cluster tun werden. Der Fehler hier stammt aus dem Artikel: Der CAPF-Dienst ist beendet.',
    ja: 'ラボを意図的に壊し、症状を読み取り、ログから原因を見つけて修正します。実際のクラスタで行うのと同じ手順です。ここで扱う障害は記事に記載されているもので、CAPF サービスの停止です。',
  },
  steps: [
    {
      id: 'break',
      title: {
        en: 'Break it: stop CAPF',
        de: 'Stören: CAPF beenden',
        ja: '障害を起こす：CAPF を停止',
      },
      why: {
        en: 'A fault is a change to the world; the phone then fails for the real reason. Here nothing will answer the phone on TCP 3804.',
        de: 'Ein Fehler ist eine Änderung an der Lab-Umgebung; das Telefon scheitert dann aus dem echten Grund. Hier wird dem Telefon auf TCP 3804 nichts antworten.',
        ja: '障害とはラボ環境への変更です。電話機は、実際のシステムと同じ理由で失敗します。ここでは、TCP 3804 で電話機に応答するものがなくなります。',
      },
      where: {
        en: 'Faults > CAPF service stopped > Inject (or stop Cisco Certificate Authority Proxy Function yourself in Control Center - Feature Services)',
        de: 'Fehler > CAPF-Dienst beendet > Auslösen (oder beenden Sie Cisco Certificate Authority Proxy Function selbst in Control Center - Feature Services)',
        ja: '「障害」>「CAPF サービスの停止」>「注入」（または Control Center - Feature Services で Cisco Certificate Authority Proxy Function を自分で停止）',
      },
      link: { path: '/faults' },
      expect: {
        en: 'The service shows as stopped; the lab keeps running.',
        de: 'Der Dienst wird als beendet angezeigt; das Lab läuft weiter.',
        ja: 'サービスが停止と表示されます。ラボは動作し続けます。',
      },
      done: { did: { type: 'serviceability.stop', match: { service: 'capf' } } },
    },
    {
      id: 'procedure',
      title: {
        en: 'Ask the phone for an LSC',
        de: 'Das Telefon ein LSC anfordern lassen',
        ja: '電話機に LSC の取得を指示',
      },
      why: {
        en: 'With the operation saved and applied, the phone tries to reach CAPF by itself — and fails.',
        de: 'Sobald der Vorgang gespeichert und angewendet ist, versucht das Telefon selbstständig, CAPF zu erreichen – und scheitert.',
        ja: '操作を保存して適用すると、電話機は自動的に CAPF への接続を試みますが、失敗します。',
      },
      where: {
        en: 'Cisco Unified CM Administration > Device > Phone > {device}: CAPF Information Install/Upgrade, By Null String, Save, Apply Config',
        de: 'Cisco Unified CM Administration > Device > Phone > {device}: in CAPF Information Install/Upgrade, By Null String, Save, Apply Config',
        ja: 'Cisco Unified CM Administration > Device > Phone > {device}：CAPF Information で Install/Upgrade、By Null String、Save、Apply Config',
      },
      link: { path: '/cucm/phone', params: { device: '{device}' } },
      expect: {
        en: 'Certificate Operation Status stays Operation Pending.',
        de: 'Certificate Operation Status bleibt auf Operation Pending.',
        ja: 'Certificate Operation Status は Operation Pending のままです。',
      },
      done: { check: { check: 'phone.configHasOperation' } },
    },
    {
      id: 'symptom',
      title: {
        en: 'Read the symptom',
        de: 'Das Symptom lesen',
        ja: '症状の読み取り',
      },
      why: {
        en: 'The phone reports what it sees, not why: its status messages are where every investigation starts.',
        de: 'Das Telefon meldet, was es sieht, nicht warum: Jede Untersuchung beginnt bei seinen Statusmeldungen.',
        ja: '電話機が報告するのは見えている事象であり、その理由ではありません。調査はすべて電話機のステータス メッセージから始まります。',
      },
      where: {
        en: 'Logs > phone status messages (or on the phone: Settings > Status > Status Messages)',
        de: 'Protokolle > Statusmeldungen des Telefons (oder am Telefon: Settings > Status > Status Messages)',
        ja: '「ログ」> 電話機のステータス メッセージ（または電話機で Settings > Status > Status Messages）',
      },
      link: { path: '/logs' },
      expect: {
        en: 'A status message about the LSC connection, repeated as the phone retries every 30 seconds.',
        de: 'Eine Statusmeldung zur LSC-Verbindung, die sich wiederholt, weil das Telefon es alle 30 Sekunden erneut versucht.',
        ja: 'LSC の接続に関するステータス メッセージが表示され、電話機が 30 秒ごとに再試行するたびに繰り返されます。',
      },
      done: { any: [{ looked: { path: '/logs' } }, { looked: { path: '/phone' } }] },
    },
    {
      id: 'cause',
      title: {
        en: 'Find the cause',
        de: 'Die Ursache finden',
        ja: '原因の特定',
      },
      why: {
        en: 'The phone’s console log shows its connection to TCP 3804 being refused; the question is why nothing listens there.',
        de: 'Das Konsolenprotokoll des Telefons zeigt, dass seine Verbindung zu TCP 3804 abgewiesen wird; die Frage ist, warum dort nichts lauscht.',
        ja: '電話機のコンソール ログには、TCP 3804 への接続が拒否されたことが示されています。問題は、なぜそこで待ち受けているものがないのかです。',
      },
      where: {
        en: 'Admin CLI of {publisher}: utils service list — or Cisco Unified Serviceability > Tools > Control Center - Feature Services',
        de: 'Admin-CLI von {publisher}: utils service list – oder Cisco Unified Serviceability > Tools > Control Center - Feature Services',
        ja: '{publisher} の管理 CLI：utils service list、または Cisco Unified Serviceability > Tools > Control Center - Feature Services',
      },
      link: { path: '/cli', params: { node: '{publisher}' } },
      expect: {
        en: 'Cisco Certificate Authority Proxy Function is STOPPED.',
        de: 'Cisco Certificate Authority Proxy Function ist STOPPED.',
        ja: 'Cisco Certificate Authority Proxy Function が STOPPED と表示されます。',
      },
      done: { any: [{ ran: { command: 'utils service list', on: 'publisher' } }, { looked: { path: '/serviceability/feature' } }] },
    },
    {
      id: 'fix',
      title: {
        en: 'Fix it and let the phone finish',
        de: 'Beheben und das Telefon den Vorgang abschließen lassen',
        ja: '修正して電話機の操作を完了',
      },
      why: {
        en: 'Starting the service removes the cause; a reset makes the phone try again at once instead of waiting.',
        de: 'Das Starten des Dienstes beseitigt die Ursache; ein Zurücksetzen lässt das Telefon sofort einen neuen Versuch starten, statt zu warten.',
        ja: 'サービスを開始すると原因が取り除かれます。リセットすると、電話機は待たずにすぐ再試行します。',
      },
      where: {
        en: 'Control Center - Feature Services on {publisher}: Start; then Device > Phone > {device} > Reset',
        de: 'Control Center - Feature Services auf {publisher}: Start; dann Device > Phone > {device} > Reset',
        ja: '{publisher} の Control Center - Feature Services：Start、次に Device > Phone > {device} > Reset',
      },
      link: { path: '/serviceability/feature' },
      expect: {
        en: 'The phone connects, gets its LSC, and CUCM shows Upgrade Success.',
        de: 'Das Telefon verbindet sich, erhält sein LSC, und CUCM zeigt Upgrade Success an.',
        ja: '電話機が接続して LSC を取得し、CUCM に Upgrade Success と表示されます。',
      },
      done: {
        all: [
          { did: { type: 'serviceability.stop', match: { service: 'capf' } } },
          { check: { check: 'service.running', args: { service: 'capf' } } },
          { check: { check: 'phone.lscFromThisCapf' } },
          { check: { check: 'phone.operationStatus', args: { status: 'Upgrade Success' } } },
        ],
      },
    },
  ],
};

export const TUTORIALS: readonly Tutorial[] = [INSTALL_TUTORIAL, TROUBLESHOOT_TUTORIAL];

export function findTutorial(id: string): Tutorial | undefined {
  return TUTORIALS.find((t) => t.id === id);
}
