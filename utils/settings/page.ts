import { browser } from 'wxt/browser';

/**
 * The settings the content script reads and writes, with their schema: the part of the reader's
 * settings that needs no engine catalog (the full schema, `schema.ts`, builds on these entries),
 * read straight from `browser.storage` without WXT's storage item and its migration code, so the
 * script on every news page carries neither.
 */

/** Where the settings are stored, and their version: `store.ts` migrates older ones. */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 3;

/**
 * Per site: `always` translates on load, `ask` offers on the page and waits, `never` does nothing.
 * Sites the reader has not chosen for are `ask`.
 */
export const SITE_MODES = ['always', 'ask', 'never'] as const;
export type SiteMode = (typeof SITE_MODES)[number];
export const DEFAULT_SITE_MODE: SiteMode = 'ask';

/** Bilingual: the translation under each block. Replace: the translation in its place. */
export const DISPLAY_MODES = ['bilingual', 'replace'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

/** How a translation on the page is set apart from the original: a thin rule at its start edge, a tint, italics, or not at all. */
export const TRANSLATION_STYLES = ['rule', 'tint', 'italic', 'none'] as const;
export type TranslationStyle = (typeof TRANSLATION_STYLES)[number];

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LANGUAGE = /^[a-z]{2,3}$/;

export interface PageSettings {
  targetLang: string;
  displayMode: DisplayMode;
  translationStyle: TranslationStyle;
  /** Source languages translated on every site the reader has not set to `never`. */
  alwaysTranslateFrom: string[];
  /** Per-site mode, keyed by registry site id (or hostname for sites outside the registry). */
  sites: Record<string, SiteMode>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates stored settings for the page, each field on its own: one corrupt value resets that
 * field alone, an unknown site mode drops that site alone, and anything that is not an object
 * gives the defaults. By hand, not with valibot, which would cost the script on every news page
 * 5 KB for five fields; `schema.ts` validates the rest and takes these as they are. `reset`, if
 * given, hears the name of each field that was stored but could not be read.
 */
export function parsePageSettings(raw: unknown, reset?: string[]): PageSettings {
  const stored = isRecord(raw) ? raw : {};
  const { targetLang, alwaysTranslateFrom, sites } = stored;
  const checked = <T>(name: string, valid: boolean, value: T, fallback: T): T => {
    if (valid) return value;
    if (stored[name] !== undefined) reset?.push(name);
    return fallback;
  };
  /** What passes `keep`; `name` is reported when something was dropped. */
  const kept = <T, U extends T>(name: string, items: T[], keep: (item: T) => item is U): U[] => {
    const passing = items.filter(keep);
    if (passing.length < items.length) reset?.push(name);
    return passing;
  };
  const isLanguage = (l: unknown): l is string => typeof l === 'string' && LANGUAGE.test(l);
  const isSiteMode = (entry: [string, unknown]): entry is [string, SiteMode] =>
    SITE_MODES.includes(entry[1] as SiteMode);
  return {
    targetLang: checked(
      'targetLang',
      typeof targetLang === 'string' && LANGUAGE_TAG.test(targetLang),
      targetLang as string,
      'en',
    ),
    displayMode: checked(
      'displayMode',
      DISPLAY_MODES.includes(stored.displayMode as DisplayMode),
      stored.displayMode as DisplayMode,
      'bilingual',
    ),
    translationStyle: checked(
      'translationStyle',
      TRANSLATION_STYLES.includes(stored.translationStyle as TranslationStyle),
      stored.translationStyle as TranslationStyle,
      'rule',
    ),
    alwaysTranslateFrom: Array.isArray(alwaysTranslateFrom)
      ? kept('alwaysTranslateFrom', alwaysTranslateFrom as unknown[], isLanguage)
      : checked('alwaysTranslateFrom', false, [], []),
    sites: isRecord(sites)
      ? Object.fromEntries(kept('sites', Object.entries(sites), isSiteMode))
      : checked('sites', false, {}, {}),
  };
}

/** The mode for a site: the reader's choice, else `ask`. */
export function siteModeOf(settings: Pick<PageSettings, 'sites'>, key: string): SiteMode {
  return settings.sites[key] ?? DEFAULT_SITE_MODE;
}

/**
 * The page's settings as stored. Stored settings are brought to the current version by the
 * background when it starts (`store.ts`), which is before a page can ask.
 */
export async function getPageSettings(): Promise<PageSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parsePageSettings(stored[SETTINGS_KEY]);
}

export function watchPageSettings(callback: (settings: PageSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      callback(parsePageSettings(changes[SETTINGS_KEY]?.newValue));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Sets one site's mode and leaves the other settings as stored (every reader validates them), so
 * the page control can do it without the engines' schema.
 */
export async function setSiteMode(siteKey: string, mode: SiteMode): Promise<void> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const others = typeof stored === 'object' && stored !== null ? stored : {};
  const { sites } = parsePageSettings(stored);
  await browser.storage.local.set({
    [SETTINGS_KEY]: { ...others, sites: { ...sites, [siteKey]: mode } },
  });
}
