/**
 * Bench (h), inside Chromium: one phone's enrolment in the real runtime — the world booted in this page,
 * the seed procedure (RSA 2048) saved and applied, the clock run until the phone has its LSC — against the
 * raw WebCrypto and certificate-encoding work (src/pki, which replaced pkijs) that enrolment needs (one key generation and its public key, one LSC issued from
 * it), done in the same page. Runs alternate, so the page's state and the machine's noise hit both alike;
 * each enrolment is also set against the crypto it ran itself (the clock's computations), a paired figure
 * that RSA key-generation variance cannot move. tests/bench/browser.ts builds this page and reads the result.
 */
import { seedLab } from '../../../src/content/scenarios/seed-lab';
import { seedProcedure } from '../../../src/content/procedures';
import { issueLsc } from '../../../src/pki/certificates';
import { exportPublicKeySpki, generateKeyPair } from '../../../src/pki/keys';
import { LabWorld } from '../../../src/sim/world';

const START = Date.UTC(2026, 10, 24, 14);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function raw(capf: { der: Uint8Array; key: CryptoKey }, device: string): Promise<void> {
  const keys = await generateKeyPair({ kind: 'RSA', bits: 2048 });
  const subjectPublicKeyInfo = await exportPublicKeySpki(keys.publicKey);
  const serialNumber = crypto.getRandomValues(new Uint8Array(16));
  serialNumber[0] = 0x11;
  const lsc = await issueLsc({ subjectPublicKeyInfo, issuerCertificate: capf.der, issuerPrivateKey: capf.key, phone: { model: 'CP-8845', deviceName: device, serialNumber: 'FCH2229A1B2' }, serialNumber, notBefore: new Date(START), validityDays: 1825 });
  if (!lsc.ok) throw new Error(lsc.error);
}

async function run(runs: number) {
  const world = await LabWorld.create({ scenario: seedLab, seed: 1, start: START });
  await world.runUntilSettled();
  const device = seedLab.phones[0].deviceName;
  const identity = world.env.certs.identity('ao115pub', 'CAPF')!;
  const capf = { der: identity.der, key: identity.keys!.privateKey };
  await raw(capf, device);
  const enrol: number[] = [];
  const rawMs: number[] = [];
  const paired: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await raw(capf, device);
    rawMs.push(performance.now() - t);
    const work = world.clock.realWorkMs;
    t = performance.now();
    for (const a of seedProcedure(world)) await world.act(a);
    await world.runUntilSettled();
    const took = performance.now() - t;
    enrol.push(took);
    paired.push(took / (world.clock.realWorkMs - work));
    if (world.lsc(device) !== 'Installed' || world.certificateOperationStatus(device) !== 'Upgrade Success') throw new Error('the enrolment did not succeed');
  }
  world.stop();
  return { enrol: median(enrol), raw: median(rawMs), paired: median(paired), runs };
}

declare global {
  interface Window {
    benchEnrolment: (runs: number) => Promise<{ enrol: number; raw: number; paired: number; runs: number }>;
  }
}
window.benchEnrolment = run;
