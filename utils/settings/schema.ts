import * as v from 'valibot';
import { CONFIGURABLE_ENGINES, ENGINE_CHOICES, type EngineSettings } from '../engines/catalog';
import { fieldSchema, type EngineField } from '../engines/descriptor';
import type { MessageKey } from '../i18n';

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

const languageCode = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/**
 * The settings `inspectSettings` found stored but unreadable, by path (`targetLang`,
 * `apertium.baseUrl`): collected while one parse runs (valibot parses synchronously).
 */
let resetPaths: string[] | null = null;

/** `schema`, or `fallback` when the stored value does not fit it (reported, unless it is absent). */
function orReset<S extends v.GenericSchema>(path: string, schema: S, fallback: v.InferOutput<S>) {
  return v.fallback(schema, (dataset?: { value: unknown }) => {
    // An absent field is one an older version did not have, not a broken one.
    if (dataset?.value !== undefined) resetPaths?.push(path);
    return fallback;
  });
}

/** Keeps what passes `keep`, reporting `path` when something was dropped. */
function dropping<T, U extends T>(path: string, items: T[], keep: (item: T) => item is U): U[] {
  const kept = items.filter(keep);
  if (kept.length < items.length) resetPaths?.push(path);
  return kept;
}

/**
 * Each engine's own settings, from its descriptor: every field trimmed and validated on its own,
 * falling back to its default, so one bad address never resets the engine's other fields.
 * API keys are not settings: content scripts can read extension storage, so keys live in the
 * extension's own IndexedDB (utils/engines/keys.ts), out of their reach.
 */
const ENGINE_SETTINGS_ENTRIES = Object.fromEntries(
  CONFIGURABLE_ENGINES.map((engine) => {
    const fields = Object.entries<EngineField>(engine.fields);
    const defaults = Object.fromEntries(fields.map(([name, field]) => [name, field.default]));
    const entries = Object.fromEntries(
      fields.map(([name, field]) => [
        name,
        orReset(`${engine.settingsKey}.${name}`, fieldSchema(field), field.default),
      ]),
    );
    return [engine.settingsKey, orReset(engine.settingsKey, v.object(entries), defaults)];
  }),
) as unknown as { [K in keyof EngineSettings]: v.GenericSchema<unknown, EngineSettings[K]> };

export const SettingsSchema = v.object({
  targetLang: orReset('targetLang', languageCode, 'en'),
  engine: orReset('engine', v.picklist(ENGINE_CHOICES), 'auto'),
  /** Used for what the first engine could not translate (quota, 429, down); `none`: no fallback. */
  fallbackEngine: orReset('fallbackEngine', v.picklist([...ENGINE_CHOICES, 'none']), 'none'),
  ...ENGINE_SETTINGS_ENTRIES,
  displayMode: orReset('displayMode', v.picklist(DISPLAY_MODES), 'bilingual'),
  translationStyle: orReset('translationStyle', v.picklist(TRANSLATION_STYLES), 'rule'),
  /** Source languages translated on every site the reader has not set to `never`. */
  alwaysTranslateFrom: orReset(
    'alwaysTranslateFrom',
    v.pipe(
      v.array(v.unknown()),
      v.transform((langs) =>
        dropping(
          'alwaysTranslateFrom',
          langs,
          (l): l is string => typeof l === 'string' && /^[a-z]{2,3}$/.test(l),
        ),
      ),
    ),
    [],
  ),
  /** Per-site mode, keyed by registry site id (or hostname for sites outside the registry). */
  sites: orReset(
    'sites',
    v.pipe(
      v.record(v.string(), v.unknown()),
      // Drop unknown modes one by one instead of losing the whole list.
      v.transform((sites) =>
        Object.fromEntries(
          dropping('sites', Object.entries(sites), (entry): entry is [string, SiteMode] =>
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

/** An engine's stored settings by field name (none for engines without fields). */
export function engineValues(
  engine: { settingsKey: string },
  settings: Settings,
): Record<string, string> {
  return engine.settingsKey === ''
    ? {}
    : (settings[engine.settingsKey as keyof Settings] as Record<string, string>);
}

/** Validates stored settings; anything that is not an object gives the defaults. */
export function parseSettings(raw: unknown): Settings {
  return inspectSettings(raw).settings;
}

/**
 * Validates stored settings and says which were there but could not be read, and so were reset
 * to their default (each field on its own). Stored data that is not an object at all resets
 * everything; nothing stored is not a reset.
 */
export function inspectSettings(raw: unknown): { settings: Settings; reset: string[] } {
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  resetPaths = [];
  try {
    const settings = v.parse(SettingsSchema, isObject ? raw : {});
    const reset = raw === undefined || raw === null || isObject ? resetPaths : ['*'];
    return { settings, reset: [...new Set(reset)] };
  } finally {
    resetPaths = null;
  }
}

/** The names a reader knows a setting by (`*`: all of them), for the notice that it was reset. */
export function settingLabels(path: string): MessageKey[] {
  const [key = '', field] = path.split('.');
  const engine = CONFIGURABLE_ENGINES.find((e) => e.settingsKey === key);
  if (engine) {
    const fieldLabel = field && (engine.fields as Record<string, EngineField>)[field]?.label;
    return fieldLabel ? [engine.label, fieldLabel] : [engine.label];
  }
  return [SETTING_LABELS[key as keyof typeof SETTING_LABELS] ?? 'settingsAll'];
}

const SETTING_LABELS = {
  '*': 'settingsAll',
  targetLang: 'targetLanguage',
  engine: 'engineFirst',
  fallbackEngine: 'engineFallback',
  displayMode: 'displayModeLegend',
  translationStyle: 'translationStyleLegend',
  alwaysTranslateFrom: 'alwaysFromLegend',
  sites: 'sectionSites',
} satisfies Record<string, MessageKey>;
