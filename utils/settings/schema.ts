import * as v from 'valibot';
import { CONFIGURABLE_ENGINES, ENGINE_CHOICES, type EngineSettings } from '../engines/catalog';
import { fieldSchema, type EngineField } from '../engines/descriptor';
import type { MessageKey } from '../i18n';
import { parsePageSettings, type PageSettings } from './page';

export {
  DEFAULT_SITE_MODE,
  DISPLAY_MODES,
  SETTINGS_VERSION,
  SITE_MODES,
  TRANSLATION_STYLES,
  type DisplayMode,
  type SiteMode,
  type TranslationStyle,
} from './page';

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

/** The engines' part of the settings: which engine, its fallback, and each engine's own. */
const EngineSettingsSchema = v.object({
  engine: orReset('engine', v.picklist(ENGINE_CHOICES), 'auto'),
  /** Used for what the first engine could not translate (quota, 429, down); `none`: no fallback. */
  fallbackEngine: orReset('fallbackEngine', v.picklist([...ENGINE_CHOICES, 'none']), 'none'),
  ...ENGINE_SETTINGS_ENTRIES,
});

/**
 * The reader's settings, as stored: the page's (`page.ts`) and the engines'. Every field has its
 * own fallback so that one corrupt value (an old build, a hand-edited profile) resets that field
 * alone, never the reader's site list.
 */
export type Settings = PageSettings & v.InferOutput<typeof EngineSettingsSchema>;

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
  const stored = isObject ? raw : {};
  resetPaths = [];
  try {
    const settings = {
      ...parsePageSettings(stored, resetPaths),
      ...v.parse(EngineSettingsSchema, stored),
    };
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

export const DEFAULT_SETTINGS: Settings = parseSettings({});
