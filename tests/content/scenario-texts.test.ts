/**
 * Every scenario's title and description in English, German and Japanese for the scenario box: English exactly
 * as the scenario has it, German and Japanese written (not empty, not English).
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/content/scenarios';
import { SCENARIO_TEXTS } from '../../src/content/scenario-texts';

describe('the scenarios in every language', () => {
  it.each(Object.values(SCENARIOS).map((s) => [s.id, s] as const))('%s: English as the scenario says it, German and Japanese written', (id, scenario) => {
    const text = SCENARIO_TEXTS[id];
    expect(text, `no texts for ${id}`).toBeDefined();
    expect(text.title.en).toBe(scenario.title);
    expect(text.description.en).toBe(scenario.description);
    for (const lang of ['de', 'ja'] as const) {
      for (const t of [text.title, text.description]) {
        expect(t[lang].trim()).not.toBe('');
        expect(t[lang]).not.toBe(t.en);
      }
    }
    expect(text.title.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
