import * as v from 'valibot';

/**
 * The reader's settings, as stored. Every field has its own fallback so that one corrupt value
 * (an old build, a hand-edited profile) resets that field alone, never the reader's site list.
 */
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

/** Apertium's public instance; readers who run their own APy point this at it. */
export const DEFAULT_APERTIUM_URL = 'https://apertium.org/apy';

const httpUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((url) => /^https?:\/\//i.test(url), 'Only http and https engine URLs are allowed'),
);

const languageCode = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/**
 * `auto`: Chrome's on-device translator where it has the pair, else a self-hosted Apertium the
 * reader pointed Foreign Desk at, else Google Translate's keyless web endpoint.
 */
export const ENGINE_CHOICES = [
  'auto',
  'chrome',
  'google-web',
  'apertium',
  'libretranslate',
  'deepl',
  'google-cloud',
  'microsoft',
  'openai',
] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

const DEFAULT_LIBRETRANSLATE_URL = 'https://libretranslate.com';
const DEFAULT_OPENAI_URL = 'https://api.openai.com/v1';
const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

/** An empty string means "use the engine's own address". */
const optionalUrl = v.union([v.literal(''), httpUrl]);
const trimmed = v.pipe(v.string(), v.trim());

export const SettingsSchema = v.object({
  targetLang: v.fallback(languageCode, 'en'),
  engine: v.fallback(v.picklist(ENGINE_CHOICES), 'auto'),
  /** Used for what the first engine could not translate (quota, 429, down); `none`: no fallback. */
  fallbackEngine: v.fallback(v.picklist([...ENGINE_CHOICES, 'none']), 'none'),
  apertium: v.fallback(v.object({ baseUrl: httpUrl }), { baseUrl: DEFAULT_APERTIUM_URL }),
  // API keys are not settings: content scripts can read extension storage, so keys live in the
  // extension's own IndexedDB (utils/engines/keys.ts), out of their reach.
  libretranslate: v.fallback(v.object({ baseUrl: httpUrl }), {
    baseUrl: DEFAULT_LIBRETRANSLATE_URL,
  }),
  deepl: v.fallback(v.object({ baseUrl: v.fallback(optionalUrl, '') }), { baseUrl: '' }),
  googleCloud: v.fallback(v.object({ baseUrl: v.fallback(optionalUrl, '') }), { baseUrl: '' }),
  microsoft: v.fallback(
    v.object({
      /** The Azure resource's region (e.g. `westeurope`); empty for global resources. */
      region: v.fallback(v.pipe(trimmed, v.regex(/^[a-z0-9]*$/i)), ''),
      baseUrl: v.fallback(optionalUrl, ''),
    }),
    { region: '', baseUrl: '' },
  ),
  openai: v.fallback(
    v.object({
      baseUrl: v.fallback(httpUrl, DEFAULT_OPENAI_URL),
      model: v.fallback(v.pipe(trimmed, v.minLength(1)), DEFAULT_OPENAI_MODEL),
    }),
    { baseUrl: DEFAULT_OPENAI_URL, model: DEFAULT_OPENAI_MODEL },
  ),
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
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Validates stored settings; anything that is not an object gives the defaults. */
export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, typeof raw === 'object' && raw !== null ? raw : {});
}
