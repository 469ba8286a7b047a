/**
 * The message catalogues: every written language has every key of the English reference and no other, the same
 * placeholders in every message, and an area file for every area; a language loads only its own messages.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS, loadArea, loadCatalogue, WRITTEN } from '../../src/content/messages';
import { LOCALES, placeholdersOf, type Catalogue } from '../../src/content/messages/format';
import en, { AREA_CATALOGUES } from '../../src/content/messages/en/all';

const dir = new URL('../../src/content/messages/', import.meta.url);

describe('the message catalogues', () => {
  it('English has an area file for every area, and the areas are all the files there are', () => {
    const files = readdirSync(new URL('en/', dir)).map((f) => f.replace(/\.ts$/, '')).filter((f) => !['index', 'all', 'shell', 'start', 'topology'].includes(f));
    expect([...AREAS].sort()).toEqual(files.sort());
    expect(Object.keys(AREA_CATALOGUES).sort()).toEqual([...AREAS].sort());
  });

  it('every language the header offers is written: none falls back to English', () => {
    expect([...WRITTEN].sort()).toEqual([...LOCALES].sort());
  });

  it('no key is defined twice across English areas', () => {
    const seen = new Map<string, string>();
    for (const area of ['index', ...AREAS]) {
      const keys = area === 'index' ? Object.keys(en).filter((k) => !AREAS.some((a) => k in (AREA_CATALOGUES as Record<string, Catalogue>)[a])) : Object.keys((AREA_CATALOGUES as Record<string, Catalogue>)[area]);
      for (const k of keys) {
        expect(seen.get(k), `${k} in ${area} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, area);
      }
    }
  });

  for (const locale of WRITTEN.filter((l) => l !== 'en')) {
    it(`${locale}: every key of English and no other, with the same placeholders, in every area`, async () => {
      const parts: Array<[string, Catalogue, Catalogue]> = [['core', await loadCatalogue(locale), await loadCatalogue('en')]];
      for (const area of AREAS) parts.push([area, await loadArea(locale, area), await loadArea('en', area)]);
      for (const [area, translated, english] of parts) {
        expect(Object.keys(translated).sort(), `${locale}/${area}: keys`).toEqual(Object.keys(english).sort());
        for (const key of Object.keys(english)) {
          expect(placeholdersOf(translated[key]), `${locale} ${key}: placeholders`).toEqual(placeholdersOf(english[key]));
          const forms = typeof translated[key] === 'string' ? [translated[key] as string] : Object.values(translated[key]);
          for (const form of forms) expect(form.trim().length, `${locale} ${key}: empty`).toBeGreaterThan(0);
        }
      }
    });
  }
});
