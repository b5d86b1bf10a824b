import { browser } from 'wxt/browser';
import { languageName } from '../languages';
import type { TranslateResult } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { getSettings } from '../settings/store';
import { IndexedDbCache } from './cache';
import { offscreenHost } from './chrome';
import { getEngineKeys, type EngineKeys } from './keys';
import { TranslationPipeline } from './pipeline';
import { ENGINE_IDS, EngineRegistry } from './registry';
import { EngineError, type TranslateRequest, type TranslationEngine } from './types';

/** Checking which other engines have a pair must not hold up the error message for long. */
const SUGGESTION_TIMEOUT_MS = 5_000;

const registry = new EngineRegistry({ chromeHost: offscreenHost() });
const pipeline = new TranslationPipeline({
  cache: new IndexedDbCache(),
  detectLanguage: detectWithBrowser,
});
/** One controller per tab and page: leaving the page or closing the tab cancels its work. */
const tabWork = new Map<number, { controller: AbortController; page?: string }>();

/** Built into both browsers (CLD); only a reliable answer counts. */
async function detectWithBrowser(text: string): Promise<string | undefined> {
  const result = await browser.i18n.detectLanguage(text);
  return result.isReliable ? result.languages[0]?.language : undefined;
}

/** A URL without its fragment: news sites rewrite the hash while the reader scrolls. */
const pageOf = (url: string) => url.split('#')[0];

export function cancelTab(tabId: number): void {
  tabWork.get(tabId)?.controller.abort();
  tabWork.delete(tabId);
}

/** Navigating a tab elsewhere or closing it drops its pending work (called by the background). */
export function cancelOnNavigation(): void {
  browser.tabs.onRemoved.addListener((id) => cancelTab(id));
  browser.tabs.onUpdated.addListener((id, change) => {
    const work = tabWork.get(id);
    if (!work || change.url === undefined) return;
    if (!work.page || pageOf(change.url) !== work.page) cancelTab(id);
  });
}

function signalForTab(tabId: number, url?: string): AbortSignal {
  let work = tabWork.get(tabId);
  if (!work) {
    work = { controller: new AbortController(), page: url && pageOf(url) };
    tabWork.set(tabId, work);
  }
  return work.controller.signal;
}

/** Translates segments for a content script with the reader's engines; never throws. */
export async function translateForTab(request: {
  segments: string[];
  source: string;
  target: string;
  /** The sender's tab and page: navigating elsewhere or closing the tab cancels this request. */
  tabId?: number;
  pageUrl?: string;
}): Promise<TranslateResult> {
  const { segments, source, target } = request;
  const signal =
    request.tabId === undefined ? undefined : signalForTab(request.tabId, request.pageUrl);
  let chain: TranslationEngine[] = [];
  try {
    const [settings, keys] = await Promise.all([getSettings(), getEngineKeys()]);
    chain = await registry.chain(settings, keys, source, target);
    const result = await translateWith(chain, settings, keys, { segments, source, target, signal });
    return { ...result, engine: result.engine || (chain[0]?.name ?? '') };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: `Translation failed: ${String(error)}` },
      engine: chain.map((e) => e.name).join(' + '),
    };
  }
}

/** The pipeline's answer, or its failure as a message that names engines that could help. */
async function translateWith(
  chain: TranslationEngine[],
  settings: Settings,
  keys: EngineKeys,
  request: TranslateRequest,
): Promise<TranslateResult> {
  const { source, target } = request;
  try {
    const result = await pipeline.translate(chain, request);
    return {
      ok: true,
      translations: result.translations,
      engine: result.engines.join(' + '),
      source: result.source,
      stats: result.stats,
    };
  } catch (error) {
    const info =
      error instanceof EngineError
        ? { code: error.code, message: error.message }
        : { code: 'internal' as const, message: `Translation failed: ${String(error)}` };
    if (info.code === 'unsupported-pair') {
      const others = ENGINE_IDS.filter((id) => !chain.some((e) => e.id === id));
      info.message += await suggestEngines(
        others.map((id) => registry.get(id, settings, keys)),
        source,
        target,
      );
    }
    return { ok: false, error: info, engine: chain.map((e) => e.name).join(' + ') };
  }
}

/**
 * " German → English: DeepL (needs a key), Google Translate." for engines that have the pair,
 * from what the extension knows: none of these engines is the reader's choice, so none is asked.
 */
async function suggestEngines(
  engines: TranslationEngine[],
  source: string,
  target: string,
): Promise<string> {
  const timeout = AbortSignal.timeout(SUGGESTION_TIMEOUT_MS);
  const names = await Promise.all(
    engines.map(async (engine) => {
      try {
        const known = engine.knownToSupport?.(source, target);
        if (known !== undefined) return known ? engine.name : undefined;
        return (await engine.supports(source, target, timeout)) ? engine.name : undefined;
      } catch (error) {
        return error instanceof EngineError && error.code === 'auth'
          ? `${engine.name} (needs a key)`
          : undefined;
      }
    }),
  );
  const found = names.filter(Boolean);
  return found.length
    ? ` Engines that translate ${languageName(source)} → ${languageName(target)}: ${found.join(', ')}.`
    : '';
}
