import * as v from 'valibot';
import { CONFIGURABLE_ENGINES, ENGINE_CHOICES, type EngineSettings } from '../engines/catalog';
import { fieldSchema, type EngineField } from '../engines/descriptor';
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
      fields.map(([name, field]) => [name, v.fallback(fieldSchema(field), field.default)]),
    );
    return [engine.settingsKey, v.fallback(v.object(entries), defaults)];
  }),
) as unknown as { [K in keyof EngineSettings]: v.GenericSchema<unknown, EngineSettings[K]> };

/** The engines' part of the settings: which engine, its fallback, and each engine's own. */
const EngineSettingsSchema = v.object({
  engine: v.fallback(v.picklist(ENGINE_CHOICES), 'auto'),
  /** Used for what the first engine could not translate (quota, 429, down); `none`: no fallback. */
  fallbackEngine: v.fallback(v.picklist([...ENGINE_CHOICES, 'none']), 'none'),
  ...ENGINE_SETTINGS_ENTRIES,
});

/**
 * The reader's settings, as stored: the page's (`page.ts`) and the engines'. Every field has its
 * own fallback so that one corrupt value (an old build, a hand-edited profile) resets that field
 * alone, never the reader's site list.
 */
export type Settings = PageSettings & v.InferOutput<typeof EngineSettingsSchema>;

/** Validates stored settings; anything that is not an object gives the defaults. */
export function parseSettings(raw: unknown): Settings {
  const stored = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  return { ...parsePageSettings(stored), ...v.parse(EngineSettingsSchema, stored) };
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});
