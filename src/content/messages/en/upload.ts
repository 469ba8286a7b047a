/**
 * What the pages that take a certificate or CSR from the learner (OS Administration's Upload Certificate,
 * the Enterprise CA) say about the input before it reaches the simulated CUCM: too large, a private key,
 * binary data, the wrong kind of object.
 */
export default {
  'upload.tooLarge': '{name} is {size} bytes; this page takes files up to {cap} bytes (1 MB), so it was not read. A certificate is a few kilobytes.',
  'upload.textTooLarge': 'The text is {size} bytes; this page takes up to {cap} bytes (1 MB). A certificate is a few kilobytes.',
  'upload.privateKey':
    'This is a private key, not a certificate: it was not loaded and is not shown. Keep private keys secret; upload the certificate (“-----BEGIN CERTIFICATE-----”).',
  'upload.binary': '{name} is not a certificate: {message}',
  'upload.notCertificate': 'This is not a certificate: {message}',
  'upload.csrNotCertificate': 'This is a certificate signing request, not a certificate. Sign it first (Enterprise CA), then upload the signed certificate.',
  'upload.certificateNotCsr': 'This is a certificate, not a certificate signing request: paste the CSR (“-----BEGIN CERTIFICATE REQUEST-----”).',
  'upload.converted': {
    one: '{name} ({size} bytes) was read as {format} and is shown here as PEM.',
    other: '{name} ({size} bytes) was read as {format}: {count} certificates, shown here as PEM.',
  },
  'upload.loaded': '{name} loaded ({size} bytes).',
  'upload.reading': 'Reading {name}…',
} as const;
