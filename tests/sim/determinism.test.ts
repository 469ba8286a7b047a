/**
 * DESIGN principle 3: the same scenario, seed and actions give the same run — the same logs, the same
 * packet trace and the same bytes everywhere except key material (keys, signatures, and the lengths and
 * hashes that follow from them). Each run generates fresh keys, so key-dependent bytes really differ.
 */
import { describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { seedProcedure } from '../../src/content/procedures';
import { parseItl } from '../../src/itl';
import { describeCertificate } from '../../src/pki/parse';
import { LabWorld } from '../../src/sim/world';

const START = Date.UTC(2026, 10, 24, 14);

async function run(seed: number, realJitter?: () => number) {
  const world = await LabWorld.create({ scenario: seedLab, seed, start: START, realJitter });
  await world.runUntilSettled();
  for (const action of seedProcedure(world)) await world.act(action);
  await world.runUntilSettled();
  return world;
}

/** A certificate without its key material: everything an engineer reads off it but the key and signature. */
function certificateFacts(der: Uint8Array | undefined) {
  if (!der) return undefined;
  const info = describeCertificate(der);
  if (!info.ok) throw new Error(info.error);
  const { der: _d, spki: _s, signatureValue: _v, publicKey, ...facts } = info.value;
  return { ...facts, keyKind: publicKey.kind };
}

function itlFacts(bytes: Uint8Array) {
  const parsed = parseItl(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { bytes: _b, signature: _sig, headerTlvs: _h, signatureOffset: _o, records, ...header } = parsed.value;
  return {
    header,
    records: records.map((r) => ({
      dnsName: r.dnsName,
      subjectName: r.subjectName,
      issuerName: r.issuerName,
      function: r.function,
      serialNumber: Array.from(r.serialNumber),
      tags: r.tlvs.map((t) => t.tag),
      certificate: certificateFacts(r.certificate),
    })),
  };
}

/** The packet trace; the size of an ITL download depends on the ECDSA signature inside it, the rest does not. */
function traceFacts(world: LabWorld) {
  return world.trace.packets.map((p) => ({
    time: p.time,
    from: p.from,
    to: p.to,
    protocol: p.protocol,
    outcome: p.outcome,
    summary: String(p.detail?.file ?? '').endsWith('.tlv') ? p.summary.replace(/\(\d+ bytes\)/, '(ITL bytes)') : p.summary,
  }));
}

describe('same scenario + seed + actions ⇒ same run', () => {
  it('two runs with seed 7 write identical logs, an identical packet trace and ITLs that differ only in key material', async () => {
    const a = await run(7);
    const b = await run(7);
    const lines = (w: LabWorld) => w.env.log.records.map((r) => `${r.source} ${r.host} ${r.level} ${r.line}`);
    expect(lines(a).length).toBeGreaterThan(80);
    expect(lines(b)).toEqual(lines(a));
    expect(traceFacts(b)).toEqual(traceFacts(a));
    for (const node of ['ao115pub', 'ao115sub']) {
      const itlA = a.servedItl(node)!.bytes;
      const itlB = b.servedItl(node)!.bytes;
      expect(itlFacts(itlB)).toEqual(itlFacts(itlA));
      // Key material really differs: the test would not notice a run that reused keys.
      expect(Buffer.from(itlB).equals(Buffer.from(itlA))).toBe(false);
    }
    const lscA = a.phoneContext('SEP682C7B5C2342')!.flash.lsc!.der;
    const lscB = b.phoneContext('SEP682C7B5C2342')!.flash.lsc!.der;
    expect(certificateFacts(lscB)).toEqual(certificateFacts(lscA));
    expect(a.lsc('SEP682C7B5C2342')).toBe('Installed');
    expect(b.actions).toEqual(a.actions);
  });

  it('real computations finishing in another order (random real delays) change nothing in the run', async () => {
    const a = await run(7);
    const b = await run(7, () => Math.random() * 15);
    const lines = (w: LabWorld) => w.env.log.records.map((r) => `${r.source} ${r.host} ${r.level} ${r.line}`);
    expect(lines(b)).toEqual(lines(a));
    expect(traceFacts(b)).toEqual(traceFacts(a));
  });

  it('another seed gives other serial numbers, process ids and ports', async () => {
    const a = await run(7);
    const c = await run(8);
    expect(c.env.certs.identity('ao115pub', 'CAPF')!.info.serialNumber).not.toEqual(a.env.certs.identity('ao115pub', 'CAPF')!.info.serialNumber);
    expect(c.env.log.text('phone-console')).not.toEqual(a.env.log.text('phone-console'));
    expect(c.lsc('SEP682C7B5C2342')).toBe('Installed');
  });
});
