import { browser } from 'wxt/browser';
import { languageName } from '../languages';
import { t } from '../i18n';
import type { BatchLimits } from './batching';
import type {
  EngineFailure,
  EngineNames,
  EngineSuggestion,
  TranslateResult,
} from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { getSettings } from '../settings/store';
import { IndexedDbCache } from './cache';
import { offscreenHost } from './providers/chrome';
import { getEngineKeys, type EngineKeys } from './keys';
import { TranslationPipeline } from './pipeline';
import { choiceLabel, ENGINE_IDS } from './catalog';
import { EngineRegistry, type AutomaticChoice } from './registry';
import { EngineError, type EngineId, type TranslateRequest, type TranslationEngine } from './types';

/** Checking which other engines have a pair must not hold up the error message for long. */
const SUGGESTION_TIMEOUT_MS = 5_000;

const registry = new EngineRegistry({ chromeHost: offscreenHost() });
const cache = new IndexedDbCache();
const pipeline = new TranslationPipeline({ cache, detectLanguage: detectWithBrowser });
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
  /** This page's engine instead of the reader's setting (see the `translate` message). */
  engine?: EngineId | 'fallback';
  /** The sender's tab and page: navigating elsewhere or closing the tab cancels this request. */
  tabId?: number;
  pageUrl?: string;
}): Promise<TranslateResult> {
  const { segments, source, target } = request;
  const signal =
    request.tabId === undefined ? undefined : signalForTab(request.tabId, request.pageUrl);
  let chain: TranslationEngine[] = [];
  try {
    const [stored, keys] = await Promise.all([getSettings(), getEngineKeys()]);
    const settings = forThisPage(stored, request.engine);
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

/**
 * A page is about to translate: what its first request needs (settings, keys, the cache's
 * database) is read while the page reads its article, and the page learns the size of one engine
 * request. Nothing goes to any engine here: the page has sent no text yet.
 */
export async function prepareForTab(request: {
  source: string;
  target: string;
  engine?: EngineId | 'fallback';
}): Promise<BatchLimits | null> {
  try {
    const [stored, keys] = await Promise.all([
      getSettings(),
      getEngineKeys(),
      // No keys: opens the database, which is the slow part of the first lookup.
      cache.getMany([]).catch(() => undefined),
    ]);
    const settings = forThisPage(stored, request.engine);
    const [first] = await registry.chain(settings, keys, request.source, request.target);
    return first
      ? { maxSegments: first.limits.maxSegments, maxChars: first.limits.maxChars }
      : null;
  } catch {
    return null;
  }
}

/** The settings one page translates with: its own engine, if the reader chose one for it. */
function forThisPage(stored: Settings, engine: EngineId | 'fallback' | undefined): Settings {
  if (engine === 'fallback') {
    return stored.fallbackEngine === 'none'
      ? stored
      : { ...stored, engine: stored.fallbackEngine, fallbackEngine: 'none' };
  }
  // A content script names only an engine the catalog has; anything else is ignored.
  return engine && ENGINE_IDS.includes(engine) ? { ...stored, engine } : stored;
}

/** The reader's engine and fallback by name, for a page that says one of them is slow. */
export async function engineNames(): Promise<EngineNames> {
  const { engine, fallbackEngine } = await getSettings();
  return {
    engine: t(choiceLabel(engine)),
    fallback: fallbackEngine === 'none' ? null : t(choiceLabel(fallbackEngine)),
  };
}

/** What `auto` uses now for articles into `target`, with the reader's settings (options page). */
export async function automaticEngineFor(target: string): Promise<AutomaticChoice> {
  const [settings, keys] = await Promise.all([getSettings(), getEngineKeys()]);
  return registry.automatic(settings, keys, target);
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
    const limits = chain[0]?.limits;
    return {
      ok: true,
      translations: result.translations,
      engine: result.engines.join(' + '),
      source: result.source,
      limits: limits && { maxSegments: limits.maxSegments, maxChars: limits.maxChars },
    };
  } catch (error) {
    const info: EngineFailure =
      error instanceof EngineError
        ? { code: error.code, message: error.message }
        : { code: 'internal' as const, message: `Translation failed: ${String(error)}` };
    if (info.code === 'unsupported-pair') {
      const others = ENGINE_IDS.filter((id) => !chain.some((e) => e.id === id));
      info.alternatives = await suggestEngines(
        others.map((id) => registry.get(id, settings, keys)),
        source,
        target,
      );
      info.message += describeSuggestions(info.alternatives, source, target);
    }
    return { ok: false, error: info, engine: chain.map((e) => e.name).join(' + ') };
  }
}

/**
 * The engines that have the pair, or would have it with a key, from what the extension knows:
 * none of these engines is the reader's choice, so none is asked.
 */
async function suggestEngines(
  engines: TranslationEngine[],
  source: string,
  target: string,
): Promise<EngineSuggestion[]> {
  const timeout = AbortSignal.timeout(SUGGESTION_TIMEOUT_MS);
  const found = await Promise.all(
    engines.map(async (engine): Promise<EngineSuggestion | undefined> => {
      const { id, name } = engine;
      try {
        const known = engine.knownToSupport?.(source, target);
        const supported = known ?? (await engine.supports(source, target, timeout));
        return supported ? { id, name, needsKey: false } : undefined;
      } catch (error) {
        return error instanceof EngineError && error.code === 'auth'
          ? { id, name, needsKey: true }
          : undefined;
      }
    }),
  );
  return found.filter((s) => s !== undefined);
}

/** " Engines that translate German → English: DeepL (needs a key), Google Translate." */
function describeSuggestions(found: EngineSuggestion[], source: string, target: string): string {
  const names = found.map((s) => (s.needsKey ? `${s.name} (needs a key)` : s.name));
  return names.length
    ? ` Engines that translate ${languageName(source)} → ${languageName(target)}: ${names.join(', ')}.`
    : '';
}
