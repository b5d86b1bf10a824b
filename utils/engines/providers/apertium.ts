import { storage } from 'wxt/utils/storage';
import { baseLanguage, fromIso639_3, languageName, toIso639_3 } from '../../languages';
import { failure, requestJson, stringAt, trimBase, type HttpEngineSpec } from '../http';
import { defineEngine, originPattern } from '../descriptor';
import {
  EngineError,
  type EngineLimits,
  type LanguagePair,
  type TranslateRequest,
  type TranslationEngine,
} from '../types';

/**
 * Apertium APy (https://wiki.apertium.org/wiki/Apertium-apy): `GET /listPairs`,
 * `POST /translate` (form-encoded `langpair=spa|eng`, `q`, `format=html`, `markUnknown=no`).
 * APy takes one text per request, so a batch travels as one HTML text, each segment in a block
 * element that APy's HTML mode never merges: one round trip for many paragraphs (~3x faster).
 */
const LIMITS: EngineLimits = {
  maxSegments: 100,
  maxChars: 8_000,
  // APy translates on the server's cores; a self-hosted one usually has few.
  concurrency: 2,
  // The public instance is a volunteer service: stay gentle.
  requestsPerSecond: 4,
  burst: 4,
};
/** The installed pairs change only when the server is reinstalled. */
const PAIRS_TTL_MS = 5 * 60_000;

interface KnownPairs {
  at: number;
  value: LanguagePair[];
}

/** Released pairs of Apertium's public instance (apertium.org) for news languages, a subset. */
const PUBLIC_PAIRS = new Set([
  'es>en',
  'en>es',
  'ca>en',
  'en>ca',
  'gl>en',
  'en>gl',
  'eu>en',
  'ca>es',
  'es>ca',
  'fr>es',
  'es>fr',
  'pt>es',
  'es>pt',
  'gl>es',
  'es>gl',
  'it>es',
  'fr>ca',
  'ca>fr',
]);

const SEGMENT_OPEN = (i: number) => `<div data-fd-seg="${i}">`;
const SEGMENT_PATTERN = /<div data-fd-seg="(\d+)">([\s\S]*?)<\/div>/g;

export class ApertiumEngine implements TranslationEngine {
  readonly id = 'apertium';
  readonly name = 'Apertium';
  readonly limits = LIMITS;
  readonly variant: string;
  private readonly spec: HttpEngineSpec;
  private pairs: KnownPairs | null = null;
  /** The pair list being fetched: every batch that needs it meanwhile waits for this one. */
  private pairsLoading: Promise<LanguagePair[]> | null = null;

  constructor(
    readonly baseUrl: string,
    fetchImpl?: typeof fetch,
  ) {
    // Different servers carry different pair versions.
    this.variant = trimBase(baseUrl);
    this.spec = {
      name: `Apertium at ${this.variant}`,
      fetchImpl,
      detail: (body) => stringAt(body, 'responseDetails') ?? undefined,
      hints: {
        network: 'Is the APy server running? Check its address in Foreign Desk’s options.',
      },
    };
  }

  /**
   * The server's pairs: one request per server and five minutes, shared by every batch and kept
   * in session storage, so that a restarted background worker does not ask again.
   */
  async listPairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    if (this.pairs && Date.now() - this.pairs.at < PAIRS_TTL_MS) return this.pairs.value;
    this.pairsLoading ??= this.loadPairs().finally(() => (this.pairsLoading = null));
    // One batch being cancelled does not cancel the others' pair list.
    return abortable(this.pairsLoading, signal);
  }

  private async loadPairs(): Promise<LanguagePair[]> {
    const storageKey = `session:apertium-pairs:${this.variant}` as const;
    const stored = await storage.getItem<KnownPairs>(storageKey).catch(() => null);
    if (stored && Date.now() - stored.at < PAIRS_TTL_MS) {
      this.pairs = stored;
      return stored.value;
    }
    const reply = await this.call('listPairs', undefined);
    const data = (reply as { responseData?: unknown }).responseData;
    if (!Array.isArray(data)) throw failure(this.spec, 'bad-reply', 'the pair list is not a list');
    const value: LanguagePair[] = [];
    for (const entry of data as unknown[]) {
      const source = stringAt(entry, 'sourceLanguage');
      const target = stringAt(entry, 'targetLanguage');
      if (!source || !target) continue;
      const pair = { source: fromIso639_3(source), target: fromIso639_3(target) };
      if (!value.some((p) => p.source === pair.source && p.target === pair.target))
        value.push(pair);
    }
    this.pairs = { at: Date.now(), value };
    // Outside the extension (scripts, tests without a browser) there is no storage to keep it in.
    await storage.setItem(storageKey, this.pairs).catch(() => undefined);
    return value;
  }

  knownToSupport(source: string, target: string): boolean {
    return PUBLIC_PAIRS.has(`${baseLanguage(source)}>${baseLanguage(target)}`);
  }

  async supports(source: string, target: string, signal?: AbortSignal): Promise<boolean> {
    const pairs = await this.listPairs(signal);
    const from = fromIso639_3(toIso639_3(source));
    const to = fromIso639_3(toIso639_3(target));
    if (pairs.some((p) => p.source === from && p.target === to)) return true;
    const offered = pairs.map((p) => `${languageName(p.source)} → ${languageName(p.target)}`);
    throw failure(
      this.spec,
      'unsupported-pair',
      `no ${languageName(from)} → ${languageName(to)} pair` +
        (offered.length ? `; it translates ${offered.join(', ')}` : ''),
    );
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const langpair = `${toIso639_3(source)}|${toIso639_3(target)}`;
    if (segments.length === 1)
      return [await this.translateOne(segments[0] ?? '', langpair, signal)];
    const joined = segments.map((s, i) => `${SEGMENT_OPEN(i)}${s}</div>`).join('');
    const text = await this.translateOne(joined, langpair, signal);
    const parts: string[] = [];
    for (const match of text.matchAll(SEGMENT_PATTERN)) parts[Number(match[1])] = match[2] ?? '';
    if (parts.length === segments.length && parts.every((p) => typeof p === 'string')) return parts;
    // The engine merged or lost a segment boundary: translate this batch one segment at a time.
    const single: string[] = [];
    for (const s of segments) single.push(await this.translateOne(s, langpair, signal));
    return single;
  }

  private async translateOne(q: string, langpair: string, signal?: AbortSignal): Promise<string> {
    const body = new URLSearchParams({ langpair, q, format: 'html', markUnknown: 'no' });
    const reply = await this.call('translate', body, signal);
    const text = stringAt(reply, 'responseData', 'translatedText');
    if (text === undefined) throw failure(this.spec, 'bad-reply', 'no translatedText');
    return text;
  }

  private async call(path: string, body: URLSearchParams | undefined, signal?: AbortSignal) {
    const reply = await requestJson(
      this.spec,
      `${this.variant}/${path}`,
      { method: body ? 'POST' : 'GET', body },
      signal,
    );
    // APy may put its own status in the body of an HTTP 200.
    const status = (reply as { responseStatus?: unknown }).responseStatus;
    if (typeof status === 'number' && status !== 200) {
      throw failure(
        this.spec,
        'http',
        `status ${status}: ${stringAt(reply, 'responseDetails') ?? ''}`,
        {
          transient: status >= 500,
        },
      );
    }
    return reply;
  }
}

/** `promise`, or a cancellation as soon as `signal` aborts (the work itself goes on). */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new EngineError('cancelled', 'Translation was cancelled.'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Apertium's public instance; readers who run their own APy point this at it. */
export const DEFAULT_APERTIUM_URL = 'https://apertium.org/apy';

export const apertiumEngine = defineEngine({
  id: 'apertium',
  position: 30,
  label: 'engineApertium',
  takesKey: false,
  settingsKey: 'apertium',
  fields: { baseUrl: { kind: 'url', label: 'apertiumUrl', default: DEFAULT_APERTIUM_URL } },
  limits: LIMITS,
  origins: ({ baseUrl }) => originPattern(baseUrl),
  create: ({ baseUrl }, _key, deps) => new ApertiumEngine(baseUrl, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default apertiumEngine;
declare module '../catalog' {
  interface EngineCatalog {
    apertium: typeof apertiumEngine;
  }
}
