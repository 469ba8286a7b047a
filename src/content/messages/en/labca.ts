/**
 * The lab's enterprise CA (the Offline CA path): a third-party CA outside the cluster. The CUCM names it
 * refers to (CAPF-trust, Certificate Issuer to Endpoint, Offline CA, utils capf cert import) stay as CUCM
 * spells them.
 */
export default {
  'labca.intro':
    'A third-party certificate authority outside the cluster, for the Offline CA path: it signs the CSR CUCM generates for its CAPF certificate (upload its CA certificate to CAPF-trust first, then the signed certificate as CAPF), and the phone CSRs CAPF keeps when the service parameter “Certificate Issuer to Endpoint” is “Offline CA”.',
  'labca.signHeading': 'Sign a certificate signing request',
  'labca.chooseCsr': 'Choose a CSR file',
  'labca.csrField': 'Certificate Signing Request (PEM)',
  'labca.sign': 'Sign',
  'labca.signed': 'Signed certificate',
  'labca.caCertificate': 'CA certificate (LSC Lab Issuing CA)',
  'labca.download': 'Download {file}',
  'labca.importHeading': 'Import a signed phone certificate (utils capf cert import)',
  'labca.waiting': 'CAPF holds CSRs for: {devices}.',
  'labca.waitingNone': 'CAPF holds no phone CSR.',
  'labca.device': 'Device Name',
  'labca.chooseCertificate': 'Choose a certificate file',
  'labca.certificateField': 'Signed certificate (PEM)',
  'labca.import': 'Import',
  'labca.imported': 'Imported.',
} as const;
