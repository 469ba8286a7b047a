/**
 * Exercise and tutorial texts in every language the lab speaks (issue 11: "Exercise data carries its texts for
 * all three languages"): each text has English, German and Japanese, none empty and none left in English; each
 * language names the same lab facts ({device}, {publisher} …), which exerciseText() fills in; and what mirrors
 * the product — labels, status strings, commands — stays English in every language.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../src/content/exercises';
import { FAULT_HINTS } from '../../src/content/exercises/fault-hints';
import { exerciseText, textFacts } from '../../src/content/exercises/run';
import type { ExerciseText } from '../../src/content/exercises/types';
import { LOCALES, placeholdersOf } from '../../src/content/messages/format';
import { SCENARIOS } from '../../src/content/scenarios';
import { TUTORIALS } from '../../src/content/tutorial';
import { STATUS } from '../../src/sim/phone/screens';
import type { LabWorld } from '../../src/sim/world';
import { productWordsMissing } from '../helpers/product-words';

/** Every text a piece of content carries, with where it sits (solutions and checks are functions and refs, not texts). */
function textsIn(value: unknown, where: string, found: Array<[string, ExerciseText]> = []): Array<[string, ExerciseText]> {
  if (Array.isArray(value)) value.forEach((v, i) => textsIn(v, `${where}[${i}]`, found));
  else if (value && typeof value === 'object') {
    if ('en' in value) found.push([where, value as ExerciseText]);
    else for (const [k, v] of Object.entries(value)) textsIn(v, `${where}.${k}`, found);
  }
  return found;
}

const EXERCISE_TEXTS = EXERCISES.flatMap((e) => textsIn(e, e.id));
const TEXTS = [
  ...EXERCISE_TEXTS,
  ...Object.entries(FAULT_HINTS).flatMap(([id, ladder]) => textsIn(ladder, `hints of ${id}`)),
  ...TUTORIALS.flatMap((t) => textsIn(t, `tutorial ${t.id}`)),
];

/** A menu path and nothing else is the product's words in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Cisco Unified CM Administration > Device > Phone > Find > {device} > Certification Authority Proxy Function (CAPF) Information']);

describe('exercise and tutorial texts in English, German and Japanese', () => {
  it('finds the texts: every exercise, every fault’s hint ladder and every tutorial step', () => {
    expect(EXERCISE_TEXTS.length).toBeGreaterThanOrEqual(EXERCISES.length * 5);
    expect(TEXTS.filter(([where]) => where.startsWith('hints of')).length).toBe(Object.keys(FAULT_HINTS).length * 3);
    const steps = TUTORIALS.reduce((n, t) => n + t.steps.length, 0);
    expect(TEXTS.filter(([where]) => where.startsWith('tutorial')).length).toBe(TUTORIALS.length * 2 + steps * 4);
  });

  it('every text is written in every language, none empty, none left in English', () => {
    for (const [where, text] of TEXTS) {
      expect(Object.keys(text).sort(), where).toEqual([...LOCALES].sort());
      for (const locale of LOCALES) expect(typeof text[locale] === 'string' && text[locale].trim().length > 0, `${where}: ${locale} is empty`).toBe(true);
      if (SAME_IN_EVERY_LANGUAGE.has(text.en)) continue;
      expect(text.de, `${where}: German is the English`).not.toBe(text.en);
      expect(text.ja, `${where}: Japanese is the English`).not.toBe(text.en);
      expect(text.ja, `${where}: Japanese has no Japanese`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('every language names the same lab facts', () => {
    for (const [where, text] of TEXTS) {
      const english = placeholdersOf(text.en);
      for (const locale of LOCALES) expect(placeholdersOf(text[locale]), `${where}: ${locale} placeholders`).toEqual(english);
    }
  });

  it('exerciseText fills every fact in every language, with the lab’s own names', () => {
    for (const scenario of Object.values(SCENARIOS)) {
      // textFacts reads the scenario only: the lab's names, before any key is made.
      const facts = textFacts({ env: { scenario } } as unknown as LabWorld);
      for (const [where, text] of TEXTS) {
        for (const locale of LOCALES) {
          const said = exerciseText(text, locale, facts);
          expect(said, `${where} (${locale}, ${scenario.id})`).not.toMatch(/\{\w+\}/);
          if (text.en.includes('{device}')) expect(said, `${where} (${locale})`).toContain(facts.device);
        }
      }
    }
  });

  it('what mirrors the product — labels, status strings, commands — stays English in every language', () => {
    const missing = TEXTS.flatMap(([where, text]) => (['de', 'ja'] as const).flatMap((locale) => productWordsMissing(text.en, text[locale]).map((w) => `${where} (${locale}): ${w}`)));
    expect(missing).toEqual([]);
  });

  it('say no symptom in any language: no status message of the phone appears in an exercise’s texts', () => {
    const symptoms = (Object.values(STATUS) as unknown[]).filter((s): s is string => typeof s === 'string');
    for (const [where, text] of EXERCISE_TEXTS) {
      for (const locale of LOCALES) for (const s of symptoms) expect(text[locale], `${where} (${locale}) quotes "${s}"`).not.toContain(s);
    }
  });
});
