/**
 * The parts of a TLS handshake the lab needs to show (RFC 5246 §7.3): the server's certificate, which the
 * phone checks against the certificate it pinned from its ITL (CAPF and TVS roles — domain.md §6.1), and
 * the alert it sends when the check fails. Record-layer encryption is not modelled; what follows the
 * handshake travels as the application's own messages.
 */
export interface TlsClientHello {
  kind: 'tls.clientHello';
  version: 'TLSv1.2';
}
export interface TlsServerHello {
  kind: 'tls.serverHello';
  /** The DER certificate the server presents. */
  certificate: Uint8Array;
}
export interface TlsFinished {
  kind: 'tls.finished';
}
export interface TlsAlert {
  kind: 'tls.alert';
  description: 'bad_certificate' | 'unknown_ca' | 'handshake_failure' | 'certificate_expired';
}
export type TlsMessage = TlsClientHello | TlsServerHello | TlsFinished | TlsAlert;

const ALERT_NAMES: Record<TlsAlert['description'], string> = {
  bad_certificate: 'Bad Certificate',
  unknown_ca: 'Unknown CA',
  handshake_failure: 'Handshake Failure',
  certificate_expired: 'Certificate Expired',
};

export function summarizeTls(m: TlsMessage): string {
  switch (m.kind) {
    case 'tls.clientHello':
      return 'Client Hello';
    case 'tls.serverHello':
      return `Server Hello, Certificate (${m.certificate.length} bytes), Server Hello Done`;
    case 'tls.finished':
      return 'Client Key Exchange, Change Cipher Spec, Finished';
    case 'tls.alert':
      return `Alert (Level: Fatal, Description: ${ALERT_NAMES[m.description]})`;
  }
}
