import type en from '../en/labca';
import type { Translation } from '../format';

/** Die Unternehmens-CA des Labs (Offline-CA-Pfad); CUCM-Namen bleiben, wie CUCM sie schreibt. */
export default {
  'labca.intro':
    'Eine Zertifizierungsstelle eines Drittanbieters außerhalb des Clusters, für den Offline-CA-Pfad: Sie signiert die CSR, die CUCM für sein CAPF-Zertifikat erzeugt (laden Sie zuerst ihr CA-Zertifikat als CAPF-trust hoch, dann das signierte Zertifikat als CAPF), und die Telefon-CSRs, die CAPF aufbewahrt, wenn der Serviceparameter „Certificate Issuer to Endpoint“ auf „Offline CA“ steht.',
  'labca.signHeading': 'Eine Zertifikatsignieranforderung signieren',
  'labca.chooseCsr': 'CSR-Datei auswählen',
  'labca.csrField': 'Zertifikatsignieranforderung (PEM)',
  'labca.sign': 'Signieren',
  'labca.signed': 'Signiertes Zertifikat',
  'labca.caCertificate': 'CA-Zertifikat (LSC Lab Issuing CA)',
  'labca.download': '{file} herunterladen',
  'labca.importHeading': 'Ein signiertes Telefonzertifikat importieren (utils capf cert import)',
  'labca.waiting': 'CAPF hält CSRs für: {devices}.',
  'labca.waitingNone': 'CAPF hält keine Telefon-CSR.',
  'labca.device': 'Gerätename (Device Name)',
  'labca.chooseCertificate': 'Zertifikatsdatei auswählen',
  'labca.certificateField': 'Signiertes Zertifikat (PEM)',
  'labca.import': 'Importieren',
  'labca.imported': 'Importiert.',
} satisfies Translation<typeof en>;
