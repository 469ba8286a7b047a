/**
 * What a learner reads about a scenario names the real source (Cisco's TAC article, the release), never an
 * internal note such as "the seed lab" (issue "Fidelity", item 13).
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/content/scenarios';
import { RELEASES } from '../../src/sim/scenario';

describe('scenarios', () => {
  it.each(Object.values(SCENARIOS).map((s) => [s.id, s] as const))('%s: its title and description name no internal note, and its release is one the lab models', (_id, scenario) => {
    for (const text of [scenario.title, scenario.description]) expect(text).not.toMatch(/\bseed\b|domain\.md|§/i);
    expect(Object.keys(RELEASES)).toContain(scenario.release);
  });

  it('the 802.1X scenario names TAC 213295 instead of "the seed lab"', () => {
    expect(SCENARIOS['dot1x-lab'].description).toMatch(/^The cluster and phone of Cisco TAC 213295/);
  });
});
