/**
 * Trust Verification Service: a phone that meets an ITL signer it does not hold queries TVS about it
 * (TVS_MSG_QUERY_CERT_REQ with its device name and the signer's subject, issuer and serial number; TVS answers
 * QUERY_CERT_RES with the certificate — TAC 213407's TVS SDI trace, domain.md §14.3), and accepts the new
 * ITL when the certificate TVS returns is the one it holds ("Hashes match... authentication successful.",
 * TAC 214535).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';

describe('TVS vouches for a new ITL signer', () => {
  let world: LabWorld;

  beforeAll(async () => {
    world = await LabWorld.create({ scenario: seedLab, seed: 7, start: Date.UTC(2026, 2, 16, 13, 0), keySource: pooledKeys });
    await world.runUntilSettled();
    // The subscriber's CallManager certificate is regenerated (CUCM resets the phones), then — as the
    // regeneration procedure says (TAC 214231) — TVS and TFTP are restarted: the new ITL has a new signer.
    await world.act({ type: 'os.certificate.regenerate', node: 'ao115sub', purpose: 'CallManager' });
    await world.act({ type: 'serviceability.restart', node: 'ao115pub', service: 'tvs' });
    await world.act({ type: 'serviceability.restart', node: 'ao115sub', service: 'tftp' });
    await world.run(20_000);
    await world.act({ type: 'cucm.phone.reset', device: PHONE });
    await world.runUntilSettled();
  });

  it('the phone sends a certificate query (57 01 03 …) naming the signer, and TVS answers with the certificate', () => {
    const tvs = world.trace.packets.filter((p) => p.protocol === 'TVS');
    expect(tvs.map((p) => p.summary.split(' ')[0])).toEqual(['QUERY_REQUEST', 'QUERY_RESPONSE']);
    const [query, answer] = tvs;
    expect(Array.from(query.bytes!.subarray(0, 4))).toEqual([0x57, 0x01, 0x03, 0x00]);
    expect(query.detail).toMatchObject({ DEVICE_NAME: 'CP-8845-SEP682C7B5C2342', SUBJECT_NAME: 'CN=ao115sub;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US' });
    const signer = world.env.certs.identity('ao115sub', 'CallManager')!;
    expect(answer.bytes![2]).toBe(0x04);
    expect(answer.summary).toBe(`QUERY_RESPONSE valid (${signer.der.length}-byte certificate) roles 0,1,3`);
  });

  it('the phone console and the TVS SDI trace read as in TAC 213407 and 214535; the phone takes the new ITL', () => {
    const console = world.env.log.text('phone-console', PHONE);
    expect(console).toContain('SECUREAPP-TVS process request - processing TVS Query Certificate request.');
    expect(console).toMatch(/SECUREAPP-TVS process request - Successfully sent the TVS request to TVS server, bytes written : \d+/);
    expect(console).toContain('SECUREAPP-Hashes match... authentication successful.');
    const trace = world.env.log.text('tvs-trace', 'ao115pub');
    for (const line of ['debug MsgType : TVS_MSG_QUERY_CERT_REQ', 'debug Protocol Discriminator: 57', 'debug TVS CORE: Rcvd Event: TVS_EV_QUERY_CERT_REQ in State: TVS_STATE_AWAIT_REQ', 'debug tvsHandleQueryCertReq : Subject Name is: CN=ao115sub;', 'debug Sending QUERY_CERT_RES msg', 'debug MsgType : TVS_MSG_QUERY_CERT_RES']) {
      expect(trace).toContain(line);
    }
    expect(world.env.log.text('phone-status', PHONE)).toMatch(/\] Trust List updated$/m);
    expect(world.phoneContext(PHONE)!.flash.itl).toEqual(world.servedItl('ao115sub')!.bytes);
  });
});
