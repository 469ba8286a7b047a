import type en from '../en/start';
import type { Translation } from '../format';

/** The home page's Start here and the glossary: loaded with the page's first paint. */
export default {
  'start.title': 'Erste Schritte',
  'start.goal': 'In diesem Lab installieren Sie ein LSC – ein Zertifikat, das Ihr eigener Cluster ausstellt – über den CAPF-Dienst von CUCM auf einem Cisco IP-Telefon, so wie es Ciscos Artikel 213295 beschreibt. Danach bauen Sie absichtlich Fehler ein und lernen zu erkennen, warum die Installation scheitert.',
  'start.tutorialLink': 'Dem Tutorial folgen',
  'start.exercisesLink': 'Übungen bearbeiten',
  'start.speedHint': 'Das Lab läuft auf seiner eigenen Uhr in Echtzeit (1×): Ein Telefon braucht etwa eine Minute zum Starten. Wählen Sie oben unter Tempo 60×, damit Minuten in Sekunden vergehen.',
  'start.glossary': 'Begriffe, die Ihnen begegnen',
  'glossary.lsc': 'LSC',
  'glossary.lsc.text': 'Locally Significant Certificate: das Zertifikat des Telefons, ausgestellt von CAPF Ihres eigenen Clusters (oder von Ihrer Unternehmens-CA). 802.1X, VPN und sichere Telefone stützen sich darauf.',
  'glossary.mic': 'MIC',
  'glossary.mic.text': 'Manufacturing Installed Certificate (werkseitig installiertes Zertifikat): im Werk von Ciscos Manufacturing CA auf das Telefon gebracht. CAPF kann damit prüfen, ob das Telefon echt ist.',
  'glossary.capf': 'CAPF',
  'glossary.capf.text': 'Certificate Authority Proxy Function: der CUCM-Dienst (auf dem Publisher, TCP 3804), der Telefonen LSCs ausstellt.',
  'glossary.itl': 'ITL',
  'glossary.itl.text': 'Identity Trust List: die Datei, die das Telefon von seinem TFTP-Server lädt, mit den Zertifikaten, denen es vertrauen darf – darunter dem von CAPF.',
  'glossary.tvs': 'TVS',
  'glossary.tvs.text': 'Trust Verification Service: der CUCM-Dienst, den ein Telefon zu einem Zertifikat befragt, das seine ITL-Datei nicht enthält.',
  'glossary.sast': 'SAST',
  'glossary.sast.text': 'System Administrator Security Token: die Rolle des Zertifikats, das die ITL-Datei signiert (in CUCM 11.5 das CallManager-Zertifikat des TFTP-Knotens, ab 12.0 ITLRecovery).',
  'glossary.deadline': 'Operation Completes By (Vorgang abgeschlossen bis)',
  'glossary.deadline.text': 'Datum und Stunde in CAPF Information, bis zu denen das Telefon den Vorgang abschließen muss; danach lehnt CAPF die Anfrage als verspätet ab.',
} satisfies Translation<typeof en>;
