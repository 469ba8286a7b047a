/**
 * The catalogue itself: every fault has a symptom and a fix test, and every Certificate Operation Status a
 * fault produces is one of AXL's exact strings (domain.md §2.2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_OPERATION_STATUSES } from '../../../src/sim/cucm/database';
import { FAULTS } from '../../../src/sim/faults';
import { FAULT_FIXED } from '../../../src/content/fault-fixed';
import { CHECKS } from '../../../src/content/checks';

const dir = new URL('.', import.meta.url);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts') && f !== 'catalogue.test.ts')
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .join('\n');

describe('the fault catalogue', () => {
  it('has the issue\'s faults, each with a title, a description, a source and a fix', () => {
    const ids = FAULTS.map((f) => f.id);
    for (const id of [
      'capf.not-activated', 'capf.service-stopped', 'capf.cert-regenerated', 'network.capf-port-blocked', 'dns.capf-host-missing',
      'capf.deadline-passed', 'auth.wrong-string', 'auth.foreign-lsc', 'auth.mic-untrusted', 'itl.phone-mismatch', 'itl.corrupted',
      'tvs.down', 'phone.keygen-timeout', 'capf.ec-only-unsupported', 'capf.cert-expired', 'phone.no-sbd', 'phone.foreign-itl',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FAULTS) {
      expect(f.title.length, f.id).toBeGreaterThan(5);
      expect(f.description.length, f.id).toBeGreaterThan(20);
      expect(f.source.length, f.id).toBeGreaterThan(5);
      expect(f.patchScenario || f.inject || f.procedure, `${f.id} changes something`).toBeTruthy();
    }
  });

  it('every fault says when it is fixed, with checks of the one registry', () => {
    expect(Object.keys(FAULT_FIXED).sort()).toEqual(FAULTS.map((f) => f.id).sort());
    for (const [id, checks] of Object.entries(FAULT_FIXED)) {
      expect(checks.length, id).toBeGreaterThan(0);
      for (const c of checks) expect(Object.keys(CHECKS), id).toContain(c.check);
    }
  });

  it('what learners read names real sources — a Cisco document, a bug id, a guide or the protocol — never an internal note', () => {
    for (const f of FAULTS) {
      for (const text of [f.source, f.description]) {
        expect(text, f.id).not.toMatch(/domain\.md|§|\bseed\b|\bF\d+\b|\bS\d+\b/i);
      }
      expect(f.source, f.id).toMatch(/TAC \d{6}|CSC[a-z]{2}\d{5}|Guide|AXL|Release Notes|RFC \d+/);
    }
  });

  it('every fault has its own symptom-and-fix test', () => {
    for (const f of FAULTS) expect(sources, f.id).toContain(`describeFault('${f.id}'`);
  });

  it('every status a fault test expects is an exact AXL Certificate Operation Status', () => {
    const expected = [...sources.matchAll(/\.toBe\('((?:Upgrade|Delete|Troubleshoot|Operation)[^']*)'\)/g)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(10);
    for (const status of expected) expect(CERTIFICATE_OPERATION_STATUSES as readonly string[]).toContain(status);
  });
});
