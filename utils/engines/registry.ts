import { DEFAULT_APERTIUM_URL, type EngineChoice, type Settings } from '../settings/schema';
import { ApertiumEngine } from './apertium';
import { ChromeTranslatorEngine, type TranslatorHost } from './chrome';
import { DeepLEngine } from './deepl';
import { GoogleCloudEngine } from './google-cloud';
import { GoogleWebEngine } from './google-web';
import type { EngineKeys } from './keys';
import { LibreTranslateEngine } from './libretranslate';
import { MicrosoftEngine } from './microsoft';
import { OpenAiEngine } from './openai';
import type { EngineId, TranslationEngine } from './types';

/** The one place engines are registered: each builds from the reader's settings and keys. */
const FACTORIES: Record<
  EngineId,
  (settings: Settings, keys: EngineKeys, deps: EngineDeps) => TranslationEngine
> = {
  chrome: (_s, _k, deps) => new ChromeTranslatorEngine(deps.chromeHost),
  'google-web': (_s, _k, deps) => new GoogleWebEngine(undefined, deps.fetchImpl),
  apertium: (s, _k, deps) => new ApertiumEngine(s.apertium.baseUrl, deps.fetchImpl),
  libretranslate: (s, k, deps) =>
    new LibreTranslateEngine(s.libretranslate.baseUrl, k.libretranslate, deps.fetchImpl),
  deepl: (s, k, deps) => new DeepLEngine(k.deepl, s.deepl.baseUrl || undefined, deps.fetchImpl),
  'google-cloud': (s, k, deps) =>
    new GoogleCloudEngine(k['google-cloud'], s.googleCloud.baseUrl || undefined, deps.fetchImpl),
  microsoft: (s, k, deps) =>
    new MicrosoftEngine(
      k.microsoft,
      s.microsoft.region,
      s.microsoft.baseUrl || undefined,
      deps.fetchImpl,
    ),
  openai: (s, k, deps) =>
    new OpenAiEngine(s.openai.baseUrl, s.openai.model, k.openai, deps.fetchImpl),
};

export const ENGINE_IDS = Object.keys(FACTORIES) as EngineId[];

export interface EngineDeps {
  chromeHost?: TranslatorHost;
  fetchImpl?: typeof fetch;
}

/** What an engine is built from, so a kept instance is rebuilt when any of it changes. */
function configOf(id: EngineId, s: Settings, k: EngineKeys): unknown {
  const byId: Record<EngineId, unknown> = {
    chrome: null,
    'google-web': null,
    apertium: s.apertium,
    libretranslate: [s.libretranslate, k.libretranslate],
    deepl: [s.deepl, k.deepl],
    'google-cloud': [s.googleCloud, k['google-cloud']],
    microsoft: [s.microsoft, k.microsoft],
    openai: [s.openai, k.openai],
  };
  return byId[id];
}

/**
 * Engine instances, kept while their settings stay the same: what they learned (pair lists)
 * and their rate-limit lanes outlive one request.
 */
export class EngineRegistry {
  private readonly instances = new Map<string, TranslationEngine>();

  constructor(private readonly deps: EngineDeps = {}) {}

  get(id: EngineId, settings: Settings, keys: EngineKeys): TranslationEngine {
    const key = JSON.stringify([id, configOf(id, settings, keys)]);
    let engine = this.instances.get(key);
    if (!engine) {
      engine = FACTORIES[id](settings, keys, this.deps);
      this.instances.set(key, engine);
    }
    return engine;
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
    const selfHosted = settings.apertium.baseUrl.replace(/\/+$/, '') !== DEFAULT_APERTIUM_URL;
    return [
      ...(onDevice === 'available' ? (['chrome'] as const) : []),
      selfHosted ? 'apertium' : 'google-web',
    ];
  }
}
