import type { MessageKey } from '../i18n';
import type { EngineDescriptor } from './descriptor';

/**
 * Every engine by id, as its file in `providers/` declares it (`declare module '../catalog'`):
 * an engine adds itself here, so its id, settings and key are typed everywhere, without a list
 * to edit.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each provider
export interface EngineCatalog {}

type AnyEngine = EngineCatalog[keyof EngineCatalog];

/**
 * Every engine, in the order the options list them: each file in `providers/` is one engine,
 * its default export the descriptor. The only list of engines: ids, choices, keyed engines, the
 * settings schema's engine part and the options' engine panels derive from it.
 */
export const ENGINES: readonly AnyEngine[] = Object.values(
  import.meta.glob<AnyEngine>('./providers/*.ts', { eager: true, import: 'default' }),
).sort((a, b) => a.position - b.position);

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
