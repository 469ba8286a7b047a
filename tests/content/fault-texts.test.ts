/**
 * The faults panel in every language (issue 11: "the faults panel (titles and descriptions)"): the fault catalogue
 * stays English, and src/content/fault-texts.ts carries each fault's title and description with its English exactly
 * as the catalogue writes it — a fault added or reworded there fails here until its translations follow.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_TEXTS } from '../../src/content/fault-texts';
import { LOCALES } from '../../src/content/messages/format';
import { FAULTS } from '../../src/sim/faults';
import { productWordsMissing } from '../helpers/product-words';

describe('fault titles and descriptions in English, German and Japanese', () => {
  it('every fault of the catalogue has its texts, English word for word as the catalogue has it', () => {
    const differs = FAULTS.flatMap((f) => {
      const t = FAULT_TEXTS[f.id];
      if (!t) return [`${f.id}: no texts`];
      return [t.title.en === f.title ? [] : [`${f.id}: title`], t.description.en === f.description ? [] : [`${f.id}: description`]].flat();
    });
    expect(differs).toEqual([]);
  });

  it('no texts for a fault the catalogue does not have', () => {
    const ids = new Set(FAULTS.map((f) => f.id));
    expect(Object.keys(FAULT_TEXTS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('German and Japanese are written: none empty, none left in English, product words kept', () => {
    for (const [id, texts] of Object.entries(FAULT_TEXTS)) {
      for (const [field, text] of Object.entries(texts)) {
        const where = `${id} ${field}`;
        expect(Object.keys(text).sort(), where).toEqual([...LOCALES].sort());
        for (const locale of ['de', 'ja'] as const) {
          expect(text[locale].trim().length, `${where}: ${locale} is empty`).toBeGreaterThan(0);
          expect(text[locale], `${where}: ${locale} is the English`).not.toBe(text.en);
          expect(productWordsMissing(text.en, text[locale]), `${where}: ${locale}`).toEqual([]);
        }
        expect(text.ja, `${where}: Japanese has no Japanese`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });
});
