import type en from '../en/upload';
import type { Translation } from '../format';

/**
 * What the pages that take a certificate or CSR from the learner (OS Administration's Upload Certificate,
 * the Enterprise CA) say about the input before it reaches the simulated CUCM. The PEM armour lines stay as written.
 */
export default {
  'upload.tooLarge': '{name} ist {size} Byte groß; diese Seite nimmt Dateien bis {cap} Byte (1 MB) an, daher wurde sie nicht gelesen. Ein Zertifikat ist wenige Kilobyte groß.',
  'upload.textTooLarge': 'Der Text ist {size} Byte groß; diese Seite nimmt bis zu {cap} Byte (1 MB) an. Ein Zertifikat ist wenige Kilobyte groß.',
  'upload.privateKey':
    'Dies ist ein privater Schlüssel, kein Zertifikat: Er wurde nicht geladen und wird nicht angezeigt. Halten Sie private Schlüssel geheim; laden Sie das Zertifikat hoch („-----BEGIN CERTIFICATE-----“).',
  'upload.binary': '{name} ist kein Zertifikat: {message}',
  'upload.notCertificate': 'Dies ist kein Zertifikat: {message}',
  'upload.csrNotCertificate': 'Dies ist eine Zertifikatsignieranforderung (CSR), kein Zertifikat. Lassen Sie sie zuerst signieren (Unternehmens-CA), und laden Sie dann das signierte Zertifikat hoch.',
  'upload.certificateNotCsr': 'Dies ist ein Zertifikat, keine Zertifikatsignieranforderung: Fügen Sie die CSR ein („-----BEGIN CERTIFICATE REQUEST-----“).',
  'upload.converted': {
    one: '{name} ({size} Byte) wurde als {format} gelesen und wird hier als PEM angezeigt.',
    other: '{name} ({size} Byte) wurde als {format} gelesen: {count} Zertifikate, hier als PEM angezeigt.',
  },
  'upload.loaded': '{name} geladen ({size} Byte).',
  'upload.reading': '{name} wird gelesen…',
} satisfies Translation<typeof en>;
