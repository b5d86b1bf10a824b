import { baseLanguage } from '../languages';
import type { Settings } from '../settings/schema';
import { DEFAULT_APERTIUM_URL } from './providers/apertium';
import { engineById, type EngineChoice, type EngineId } from './catalog';
import type { ChromeTranslatorEngine } from './providers/chrome';
import type { EngineDeps } from './descriptor';
import type { EngineKeys } from './keys';
import type { TranslationEngine } from './types';

export type { EngineDeps };

/** What an engine is built from: its own settings (if any) and its key (if it takes one). */
function configOf(id: EngineId, settings: Settings, keys: EngineKeys) {
  const engine = engineById(id);
  const values =
    engine.settingsKey === '' ? {} : (settings[engine.settingsKey as keyof Settings] as object);
  const key = engine.takesKey ? keys[id as keyof EngineKeys] : '';
  return { engine, values: values as Record<string, string>, key };
}

/**
 * Engine instances, kept while their settings stay the same: what they learned (pair lists)
 * and their rate-limit lanes outlive one request.
 */
export class EngineRegistry {
  private readonly instances = new Map<string, TranslationEngine>();

  constructor(private readonly deps: EngineDeps = {}) {}

  get(id: EngineId, settings: Settings, keys: EngineKeys): TranslationEngine {
    const { engine, values, key } = configOf(id, settings, keys);
    // A kept instance is rebuilt when anything it is built from changes.
    const cacheKey = JSON.stringify([id, values, key]);
    let instance = this.instances.get(cacheKey);
    if (!instance) {
      instance = engine.create(values, key, this.deps);
      this.instances.set(cacheKey, instance);
    }
    return instance;
  }

  /**
   * The engines to try, in order, for a pair: the reader's choice then their fallback. `auto`
   * is Chrome's on-device translator when it has the pair ready, then a self-hosted Apertium if
   * the reader set one up (their text stays on their server), else Google's keyless endpoint.
   */
  async chain(
    settings: Settings,
    keys: EngineKeys,
    source: string,
    target: string,
  ): Promise<TranslationEngine[]> {
    const ids: EngineId[] = [];
    for (const choice of [settings.engine, settings.fallbackEngine]) {
      if (choice === 'none') continue;
      for (const id of await this.resolve(choice, settings, keys, source, target)) {
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids.map((id) => this.get(id, settings, keys));
  }

  /**
   * What `auto` uses now for articles into `target`: whether this browser's on-device translator
   * translates into it (it is tried first, for the pairs whose pack is ready), then which server.
   */
  async automatic(settings: Settings, keys: EngineKeys, target: string): Promise<AutomaticChoice> {
    const chrome = this.get('chrome', settings, keys) as ChromeTranslatorEngine;
    // Any other language will do as the source: the question is about the target.
    const probe = baseLanguage(target) === 'en' ? 'es' : 'en';
    const onDevice = await chrome.availability(probe, target).catch(() => 'unavailable');
    return { onDevice: onDevice !== 'unavailable', server: automaticServer(settings) };
  }

  private async resolve(
    choice: EngineChoice,
    settings: Settings,
    keys: EngineKeys,
    source: string,
    target: string,
  ): Promise<EngineId[]> {
    if (choice !== 'auto') return [choice];
    const chrome = this.get('chrome', settings, keys) as ChromeTranslatorEngine;
    const onDevice = await chrome.availability(source, target).catch(() => 'unavailable');
    return [...(onDevice === 'available' ? (['chrome'] as const) : []), automaticServer(settings)];
  }
}

export interface AutomaticChoice {
  onDevice: boolean;
  server: EngineId;
}

/** What `auto` uses when the on-device translator lacks the pair: the reader's own APy, else Google. */
export function automaticServer(settings: Settings): EngineId {
  const selfHosted = settings.apertium.baseUrl.replace(/\/+$/, '') !== DEFAULT_APERTIUM_URL;
  return selfHosted ? 'apertium' : 'google-web';
}
