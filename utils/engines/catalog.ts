import type { MessageKey } from '../i18n';
import { apertiumEngine } from './apertium';
import { chromeEngine } from './chrome';
import { deeplEngine } from './deepl';
import type { EngineDescriptor } from './descriptor';
import { googleCloudEngine } from './google-cloud';
import { googleWebEngine } from './google-web';
import { libreTranslateEngine } from './libretranslate';
import { microsoftEngine } from './microsoft';
import { openAiEngine } from './openai';

/**
 * Every engine, in the order the options list them. The only list of engines: ids, choices,
 * keyed engines, the settings schema's engine part and the options' engine panels derive from it.
 */
export const ENGINES = [
  chromeEngine,
  googleWebEngine,
  apertiumEngine,
  libreTranslateEngine,
  deeplEngine,
  googleCloudEngine,
  microsoftEngine,
  openAiEngine,
] as const;

type AnyEngine = (typeof ENGINES)[number];
export type EngineId = AnyEngine['id'];
export const ENGINE_IDS: readonly EngineId[] = ENGINES.map((engine) => engine.id);

/** The engines that take an API key. */
export type KeyedEngine = Extract<AnyEngine, { takesKey: true }>['id'];
export const KEYED_ENGINES = ENGINES.filter((engine) => engine.takesKey).map(
  (engine) => engine.id as KeyedEngine,
);

/** Each engine's stored settings by its settings key, e.g. `googleCloud: { baseUrl }`. */
export type EngineSettings = {
  [E in AnyEngine as E['settingsKey'] extends '' ? never : E['settingsKey']]: Record<
    keyof E['fields'],
    string
  >;
};

/** The engines with settings of their own, as the settings schema sees them. */
export const CONFIGURABLE_ENGINES = ENGINES.filter(
  (engine): engine is Extract<AnyEngine, { settingsKey: keyof EngineSettings }> =>
    engine.settingsKey !== '',
);

export function engineById(id: EngineId): EngineDescriptor<EngineId> {
  return ENGINES.find((engine) => engine.id === id) as EngineDescriptor<EngineId>;
}

/**
 * `auto`: Chrome's on-device translator where it has the pair, else a self-hosted Apertium the
 * reader pointed Foreign Desk at, else Google Translate's keyless web endpoint.
 */
export const ENGINE_CHOICES = ['auto', ...ENGINE_IDS] as const;
export type EngineChoice = 'auto' | EngineId;
/** `none`: no fallback engine. */
export type FallbackChoice = EngineChoice | 'none';

/** The name of an engine choice in the reader's language. */
export function choiceLabel(choice: FallbackChoice): MessageKey {
  if (choice === 'auto') return 'engineAuto';
  if (choice === 'none') return 'engineNone';
  return engineById(choice).label;
}
