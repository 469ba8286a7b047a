import { describe, expect, it } from 'vitest';
import { derChildren } from '../../src/pki/der';
import { clusterSubject, formatCucmName, formatItlName, fromRdns, toRdns } from '../../src/pki/names';

describe('distinguished names as CUCM writes them', () => {
  const capf = clusterSubject('CAPF-7f0ae8d7');

  it('prints the Certificate File Data form in encoded order', () => {
    expect(formatCucmName(capf)).toBe('L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US');
  });

  it('prints the ITL form CN-first and semicolon-separated, 63 characters for the seed CAPF', () => {
    const itl = formatItlName(capf);
    expect(itl).toBe('CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(itl.length + 1).toBe(64); // SUBJECTNAME 64 in the seed's `show itl`, NUL included
  });

  it('encodes one attribute per RDN and reads it back in the same order', () => {
    const rdns = toRdns(capf);
    // SEQUENCE of six SETs, each holding one SEQUENCE { type, value }
    expect(derChildren(rdns, 0)!.map((rdn) => derChildren(rdns, rdn.offset)!.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(fromRdns(rdns)).toEqual(capf);
  });
});
