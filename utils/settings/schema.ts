import * as v from 'valibot';

/**
 * The reader's settings, as stored. Every field has its own fallback so that one corrupt value
 * (an old build, a hand-edited profile) resets that field alone, never the reader's site list.
 */
export const SETTINGS_VERSION = 1;

export const SITE_MODES = ['on', 'off'] as const;
export type SiteMode = (typeof SITE_MODES)[number];

/** Apertium's public instance; readers who run their own APy point this at it. */
export const DEFAULT_APERTIUM_URL = 'https://apertium.org/apy';

const httpUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((url) => /^https?:\/\//i.test(url), 'Only http and https engine URLs are allowed'),
);

const languageCode = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

export const SettingsSchema = v.object({
  targetLang: v.fallback(languageCode, 'en'),
  engine: v.fallback(v.picklist(['apertium']), 'apertium'),
  apertium: v.fallback(v.object({ baseUrl: httpUrl }), { baseUrl: DEFAULT_APERTIUM_URL }),
  /** Per-site switch, keyed by registry site id (or hostname for sites outside the registry). */
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
