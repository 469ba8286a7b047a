/**
 * The message catalogues: English is the reference (its keys and placeholders are the types every other
 * language must match). A language loads in parts — the frame and the home page at once, every other area
 * (exercises, the inspector, the pictures …) with the page that speaks it — so a page carries only the language
 * it shows, and only the parts it needs.
 */
import type en from './en/all';
import type { AREA_CATALOGUES } from './en/all';
import type { Catalogue, Locale, PluralForms } from './format';

export type Messages = typeof en;
export type MessageKey = keyof Messages;
export type Area = keyof typeof AREA_CATALOGUES;
export const AREAS: readonly Area[] = ['checks', 'cli', 'codes', 'exercises', 'faults', 'fleet', 'inspect', 'labca', 'observe', 'phone', 'pictures', 'progress', 'share', 'teacher', 'tutorial', 'upload'];

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The parameters a message needs: its placeholders, and `count` for plural forms. */
export type ParamsOf<K extends MessageKey> = Messages[K] extends string
  ? Placeholders<Messages[K]>
  : Messages[K] extends PluralForms
    ? Placeholders<Messages[K][keyof Messages[K]]> | 'count'
    : never;

/** Languages whose catalogue exists (the others fall back to English until they are written). */
export const WRITTEN: readonly Locale[] = ['en', 'de', 'ja'];
const written = (locale: Locale): Locale => (WRITTEN.includes(locale) ? locale : 'en');

/** The part every page needs. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return (await import(`./${written(locale)}/index.ts`)).default as Catalogue;
}

/** One area of a language. */
export async function loadArea(locale: Locale, area: Area): Promise<Catalogue> {
  return (await import(`./${written(locale)}/${area}.ts`)).default as Catalogue;
}
