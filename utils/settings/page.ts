import * as v from 'valibot';

/**
 * The settings the content script reads, and their schema: the part of the reader's settings
 * that needs no engine catalog, so the script on every news page carries none of the engines'
 * code (the full schema, `schema.ts`, builds on these entries).
 */

/** Stored settings' version: `storage.ts` migrates older ones. */
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

const languageCode = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/** Each with its own fallback: one corrupt value resets that field alone. */
export const PAGE_SETTINGS_ENTRIES = {
  targetLang: v.fallback(languageCode, 'en'),
  displayMode: v.fallback(v.picklist(DISPLAY_MODES), 'bilingual'),
  translationStyle: v.fallback(v.picklist(TRANSLATION_STYLES), 'rule'),
  /** Source languages translated on every site the reader has not set to `never`. */
  alwaysTranslateFrom: v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((langs) =>
        langs.filter((l): l is string => typeof l === 'string' && /^[a-z]{2,3}$/.test(l)),
      ),
    ),
    [],
  ),
  /** Per-site mode, keyed by registry site id (or hostname for sites outside the registry). */
  sites: v.fallback(
    v.pipe(
      v.record(v.string(), v.unknown()),
      // Drop unknown modes one by one instead of losing the whole list.
      v.transform((sites) =>
        Object.fromEntries(
          Object.entries(sites).filter((entry): entry is [string, SiteMode] =>
            SITE_MODES.includes(entry[1] as SiteMode),
          ),
        ),
      ),
    ),
    {},
  ),
};

const PageSettingsSchema = v.object(PAGE_SETTINGS_ENTRIES);

export type PageSettings = v.InferOutput<typeof PageSettingsSchema>;

/** Validates stored settings for the page; anything that is not an object gives the defaults. */
export function parsePageSettings(raw: unknown): PageSettings {
  return v.parse(PageSettingsSchema, typeof raw === 'object' && raw !== null ? raw : {});
}

/** The mode for a site: the reader's choice, else `ask`. */
export function siteModeOf(settings: Pick<PageSettings, 'sites'>, key: string): SiteMode {
  return settings.sites[key] ?? DEFAULT_SITE_MODE;
}
