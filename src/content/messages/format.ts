/**
 * The lab's own voice, in the learner's language: message catalogues are plain typed modules (one per
 * language, split by area), compiled and tree-shaken like any code — no runtime ICU parser. A message is a
 * string with `{name}` placeholders, or a set of plural forms chosen with `Intl.PluralRules` from the
 * `count` parameter. Sentences are whole messages, never assembled from fragments.
 *
 * This module is pure (no DOM, no Svelte): the UI, the lab runner and the tests format with it alike.
 */
export const LOCALES = ['en', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** What each language calls itself in the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', ja: '日本語' };

export type PluralForms = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;
export type Message = string | PluralForms;
export type Catalogue = Record<string, Message>;

export type MessageParams = Record<string, string | number>;

/**
 * A language's translation of an English area file: the same keys, a string where English has a string and plural
 * forms where it has them (each language chooses its own forms). Placeholders are compared by the completeness test.
 */
export type Translation<T> = { -readonly [K in keyof T]: T[K] extends string ? string : PluralForms };

/** A text in every language the lab speaks (exercise data carries its texts this way). */
export type LocalizedText = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralRule(locale: Locale): Intl.PluralRules {
  let rule = pluralRules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    pluralRules.set(locale, rule);
  }
  return rule;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

/** Fill `{name}` placeholders; numbers are formatted for the locale. An unknown placeholder stays visible. */
export function interpolate(locale: Locale, text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** The message `key` of `catalogue` in `locale`, with its placeholders filled. A missing key shows the key. */
export function formatMessage(locale: Locale, catalogue: Catalogue, key: string, params: MessageParams = {}): string {
  const message = catalogue[key];
  if (message === undefined) return key;
  if (typeof message === 'string') return interpolate(locale, message, params);
  const count = Number(params.count ?? 0);
  const form = message[pluralRule(locale).select(count)] ?? message.other;
  return interpolate(locale, form, params);
}

/** The placeholder names a message uses, in all its forms (the completeness test compares them across languages). */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\{(\w+)\}/g)) names.add(m[1]);
  if (typeof message !== 'string') names.add('count');
  return [...names].sort();
}

/** A text for the learner that the caller formats in the learner's language (checks' reasons, refusals). */
export interface Said {
  key: string;
  params?: MessageParams;
}
