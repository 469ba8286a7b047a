/**
 * The learner's language for everything in the lab's own voice (what mirrors CUCM, the phone, logs and the
 * CLI stays English, as on the real systems). `t(key, params)` formats from the loaded catalogue and
 * re-renders its readers when the language changes.
 */
import { formatMessage, isLocale, type Catalogue, type Locale, type LocalizedText, type MessageParams, type Said } from '../content/messages/format';
import { loadArea, loadCatalogue, type Area, type MessageKey, type ParamsOf } from '../content/messages';

class I18n {
  locale = $state<Locale>('en');
  catalogue = $state.raw<Catalogue>({});
  #areas = new Set<Area>();

  /** Switch to `locale` once its catalogue (and the areas already in use) have loaded. */
  async use(locale: Locale): Promise<void> {
    const [core, ...areas] = await Promise.all([loadCatalogue(locale), ...[...this.#areas].map((a) => loadArea(locale, a))]);
    this.catalogue = Object.assign({}, core, ...areas);
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  /** Make sure these areas of the catalogue are loaded (a page's own messages). */
  async need(...areas: readonly Area[]): Promise<void> {
    const missing = areas.filter((a) => !this.#areas.has(a));
    if (missing.length === 0) return;
    const locale = this.locale;
    const loaded = await Promise.all(missing.map((a) => loadArea(locale, a)));
    for (const a of missing) this.#areas.add(a);
    if (locale === this.locale) this.catalogue = Object.assign({}, this.catalogue, ...loaded);
  }
}

export const i18n = new I18n();

type Args<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [params?: MessageParams] : [params: Record<ParamsOf<K>, string | number>];

export function t<K extends MessageKey>(key: K, ...[params]: Args<K>): string {
  return formatMessage(i18n.locale, i18n.catalogue, key, params);
}

/** A text the world or the content said (a check's reason, a refusal) in the learner's language. */
export function say(said: Said): string {
  return formatMessage(i18n.locale, i18n.catalogue, said.key, said.params);
}

/** A text that data carries in every language (exercise briefs, hints). */
export function local(text: Partial<LocalizedText> & { en: string }): string {
  return text[i18n.locale] ?? text.en;
}

/** Dates in the lab's own voice, formatted for the learner's language (product screens keep their formats). */
export function formatDateTime(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(epochMs);
}

/** A virtual duration in the learner's language ("12 min", "45 s"). */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return new Intl.NumberFormat(i18n.locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return new Intl.NumberFormat(i18n.locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
  return new Intl.NumberFormat(i18n.locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(minutes / 60);
}

const LANG_KEY = 'lsc-lab:lang';

/**
 * The language to start in: `?lang=` in the address (before the #) wins over the remembered choice, which wins
 * over the browser's languages; English otherwise.
 */
export function chooseLocale(location: { search: string } | undefined = globalThis.location, storage: Pick<Storage, 'getItem'> | undefined = safeStorage(), languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  const fromUrl = new URLSearchParams(location?.search ?? '').get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  let remembered: string | null = null;
  try {
    remembered = storage?.getItem(LANG_KEY) ?? null;
  } catch {
    remembered = null;
  }
  if (isLocale(remembered)) return remembered;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Switch the lab's language (the running lab is untouched), remember it, and keep the address saying the same. */
export async function setLanguage(locale: Locale): Promise<void> {
  await i18n.use(locale);
  try {
    safeStorage()?.setItem(LANG_KEY, locale);
  } catch {
    // only not remembered
  }
  if (typeof location !== 'undefined' && typeof history !== 'undefined' && new URLSearchParams(location.search).has('lang')) {
    const params = new URLSearchParams(location.search);
    params.set('lang', locale);
    history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
