import { DEFAULT_APERTIUM_URL, type EngineChoice, type Settings } from '../settings/schema';
import { ApertiumEngine } from './apertium';
import { ChromeTranslatorEngine, type TranslatorHost } from './chrome';
import { DeepLEngine } from './deepl';
import { GoogleCloudEngine } from './google-cloud';
import { GoogleWebEngine } from './google-web';
import { LibreTranslateEngine } from './libretranslate';
import { MicrosoftEngine } from './microsoft';
import { OpenAiEngine } from './openai';
import type { EngineId, TranslationEngine } from './types';

/** The one place engines are registered: each builds from the reader's settings. */
const FACTORIES: Record<EngineId, (settings: Settings, deps: EngineDeps) => TranslationEngine> = {
  chrome: (_s, deps) => new ChromeTranslatorEngine(deps.chromeHost),
  'google-web': (_s, deps) => new GoogleWebEngine(undefined, deps.fetchImpl),
  apertium: (s, deps) => new ApertiumEngine(s.apertium.baseUrl, deps.fetchImpl),
  libretranslate: (s, deps) =>
    new LibreTranslateEngine(s.libretranslate.baseUrl, s.libretranslate.apiKey, deps.fetchImpl),
  deepl: (s, deps) => new DeepLEngine(s.deepl.apiKey, s.deepl.baseUrl || undefined, deps.fetchImpl),
  'google-cloud': (s, deps) =>
    new GoogleCloudEngine(s.googleCloud.apiKey, s.googleCloud.baseUrl || undefined, deps.fetchImpl),
  microsoft: (s, deps) =>
    new MicrosoftEngine(
      s.microsoft.apiKey,
      s.microsoft.region,
      s.microsoft.baseUrl || undefined,
      deps.fetchImpl,
    ),
  openai: (s, deps) =>
    new OpenAiEngine(s.openai.baseUrl, s.openai.model, s.openai.apiKey, deps.fetchImpl),
};

export const ENGINE_IDS = Object.keys(FACTORIES) as EngineId[];

export interface EngineDeps {
  chromeHost?: TranslatorHost;
  fetchImpl?: typeof fetch;
}

/** The settings an engine is built from, so a cached instance is rebuilt when they change. */
function configOf(id: EngineId, s: Settings): unknown {
  const byId: Record<EngineId, unknown> = {
    chrome: null,
    'google-web': null,
    apertium: s.apertium,
    libretranslate: s.libretranslate,
    deepl: s.deepl,
    'google-cloud': s.googleCloud,
    microsoft: s.microsoft,
    openai: s.openai,
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

  get(id: EngineId, settings: Settings): TranslationEngine {
    const key = JSON.stringify([id, configOf(id, settings)]);
    let engine = this.instances.get(key);
    if (!engine) {
      engine = FACTORIES[id](settings, this.deps);
      this.instances.set(key, engine);
    }
    return engine;
  }

  /**
   * The engines to try, in order, for a pair: the reader's choice then their fallback. `auto`
   * is Chrome's on-device translator when it has the pair ready, then a self-hosted Apertium if
   * the reader set one up (their text stays on their server), else Google's keyless endpoint.
   */
  async chain(settings: Settings, source: string, target: string): Promise<TranslationEngine[]> {
    const ids: EngineId[] = [];
    for (const choice of [settings.engine, settings.fallbackEngine]) {
      if (choice === 'none') continue;
      for (const id of await this.resolve(choice, settings, source, target)) {
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids.map((id) => this.get(id, settings));
  }

  private async resolve(
    choice: EngineChoice,
    settings: Settings,
    source: string,
    target: string,
  ): Promise<EngineId[]> {
    if (choice !== 'auto') return [choice];
    const chrome = this.get('chrome', settings) as ChromeTranslatorEngine;
    const onDevice = await chrome.availability(source, target).catch(() => 'unavailable');
    const selfHosted = settings.apertium.baseUrl.replace(/\/+$/, '') !== DEFAULT_APERTIUM_URL;
    return [
      ...(onDevice === 'available' ? (['chrome'] as const) : []),
      selfHosted ? 'apertium' : 'google-web',
    ];
  }
}
