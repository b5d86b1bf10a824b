import { getSettings } from '../settings/store';
import type { TranslateResult } from '../messaging/protocol';
import { createEngine } from './registry';
import { EngineError, type TranslationEngine } from './types';

/** Engines are kept while their settings stay the same, so what they learned (pairs) is reused. */
const engines = new Map<string, TranslationEngine>();

/** Translates segments for a content script with the reader's engine; never throws. */
export async function translateForTab(request: {
  segments: string[];
  source: string;
  target: string;
}): Promise<TranslateResult> {
  const settings = await getSettings();
  const key = JSON.stringify([settings.engine, settings.apertium]);
  let engine = engines.get(key);
  if (!engine) {
    engine = createEngine(settings);
    engines.set(key, engine);
  }
  try {
    const translations = await engine.translate(request);
    return { ok: true, translations, engine: engine.name };
  } catch (error) {
    const info =
      error instanceof EngineError
        ? { code: error.code, message: error.message }
        : { code: 'internal' as const, message: `Translation failed: ${String(error)}` };
    return { ok: false, error: info, engine: engine.name };
  }
}
