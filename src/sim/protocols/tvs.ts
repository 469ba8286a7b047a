/**
 * The Trust Verification Service protocol (TCP 2445 inside TLS; domain.md §7, [2nd S23]): the phone asks
 * whether a certificate it does not hold in its ITL is trusted by the cluster, and in which roles.
 */
export const TVS_PORT = 2445;

export interface TvsVerifyRequest {
  kind: 'tvs.verifyRequest';
  /** "CP-8845-SEP682C7B5C2342" */
  deviceName: string;
  certificate: Uint8Array;
}

export interface TvsVerifyResponse {
  kind: 'tvs.verifyResponse';
  status: 'valid' | 'invalid';
  /** ITL function codes the certificate may act in (SAST 0, CCM 1, TFTP 3, CAPF 4, TVS 21). */
  roles: number[];
  ttlSeconds: number;
}

export const summarizeTvs = (m: TvsVerifyRequest | TvsVerifyResponse) =>
  m.kind === 'tvs.verifyRequest'
    ? `VERIFY_REQUEST ${m.deviceName} (${m.certificate.length}-byte certificate)`
    : `VERIFY_RESPONSE ${m.status === 'valid' ? 'valid' : 'invalid'}${m.roles.length ? ` roles ${m.roles.join(',')}` : ''}`;
