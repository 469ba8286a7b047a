/**
 * The message catalogues: English is the reference (its keys and placeholders are the types every other
 * language must match); each language is its own chunk, loaded when chosen, so a page carries only the
 * language it shows.
 */
import type en from './en';
import type { Catalogue, Locale, PluralForms } from './format';

export type Messages = typeof en;
export type MessageKey = keyof Messages;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The parameters a message needs: its placeholders, and `count` for plural forms. */
export type ParamsOf<K extends MessageKey> = Messages[K] extends string
  ? Placeholders<Messages[K]>
  : Messages[K] extends PluralForms
    ? Placeholders<Messages[K][keyof Messages[K]]> | 'count'
    : never;

/** Languages whose catalogue exists (the others fall back to English until they are written). */
const LOADERS: Partial<Record<Locale, () => Promise<{ default: Catalogue }>>> = {
  en: () => import('./en'),
};

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const load = LOADERS[locale] ?? LOADERS.en!;
  return (await load()).default;
}
