import { fromIso639_3, languageName, toIso639_3 } from '../languages';
import {
  EngineError,
  type LanguagePair,
  type TranslateRequest,
  type TranslationEngine,
} from './types';

/**
 * Apertium APy (https://wiki.apertium.org/wiki/Apertium-apy): `GET /listPairs`,
 * `POST /translate` (form-encoded `langpair=spa|eng`, `q`, `format=html`, `markUnknown=no`).
 */

/** Segments joined into one request: one round trip for many paragraphs (APy is ~3x faster so). */
const MAX_BATCH_CHARS = 8_000;
/** An engine that does not answer within this is reported as down rather than waited for. */
const REQUEST_TIMEOUT_MS = 20_000;
/** The installed pairs change only when the server is reinstalled. */
const PAIRS_TTL_MS = 5 * 60_000;

// Each segment travels inside its own block element, which APy's HTML mode never merges.
const SEGMENT_OPEN = (i: number) => `<div data-fd-seg="${i}">`;
const SEGMENT_PATTERN = /<div data-fd-seg="(\d+)">([\s\S]*?)<\/div>/g;

interface ApyReply {
  responseStatus?: number;
  responseDetails?: string | null;
  responseData?: unknown;
}

export class ApertiumEngine implements TranslationEngine {
  readonly id = 'apertium';
  readonly name = 'Apertium';
  private pairs: { at: number; value: LanguagePair[] } | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async listPairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    if (this.pairs && Date.now() - this.pairs.at < PAIRS_TTL_MS) return this.pairs.value;
    const reply = await this.call('listPairs', undefined, signal);
    if (!Array.isArray(reply.responseData)) throw this.badReply('the pair list is not a list');
    const value: LanguagePair[] = [];
    for (const entry of reply.responseData as unknown[]) {
      const { sourceLanguage, targetLanguage } = (entry ?? {}) as Record<string, unknown>;
      if (typeof sourceLanguage !== 'string' || typeof targetLanguage !== 'string') continue;
      const pair = { source: fromIso639_3(sourceLanguage), target: fromIso639_3(targetLanguage) };
      if (!value.some((p) => p.source === pair.source && p.target === pair.target))
        value.push(pair);
    }
    this.pairs = { at: Date.now(), value };
    return value;
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const pairs = await this.listPairs(signal);
    const from = fromIso639_3(toIso639_3(source));
    const to = fromIso639_3(toIso639_3(target));
    if (!pairs.some((p) => p.source === from && p.target === to)) {
      const offered = pairs.map((p) => `${languageName(p.source)} → ${languageName(p.target)}`);
      throw new EngineError(
        'unsupported-pair',
        `Apertium at ${this.baseUrl} has no ${languageName(from)} → ${languageName(to)} pair.` +
          (offered.length ? ` It translates ${offered.join(', ')}.` : ''),
      );
    }
    const langpair = `${toIso639_3(source)}|${toIso639_3(target)}`;
    const out: string[] = [];
    for (const batch of packBatches(segments)) {
      out.push(...(await this.translateBatch(batch, langpair, signal)));
    }
    return out;
  }

  private async translateBatch(batch: string[], langpair: string, signal?: AbortSignal) {
    if (batch.length === 1) return [await this.translateOne(batch[0] ?? '', langpair, signal)];
    const joined = batch.map((s, i) => `${SEGMENT_OPEN(i)}${s}</div>`).join('');
    const text = await this.translateOne(joined, langpair, signal);
    const parts: string[] = [];
    for (const match of text.matchAll(SEGMENT_PATTERN)) parts[Number(match[1])] = match[2] ?? '';
    if (parts.length === batch.length && parts.every((p) => typeof p === 'string')) return parts;
    // The engine merged or lost a segment boundary: translate this batch one segment at a time.
    const single: string[] = [];
    for (const s of batch) single.push(await this.translateOne(s, langpair, signal));
    return single;
  }

  private async translateOne(q: string, langpair: string, signal?: AbortSignal): Promise<string> {
    const body = new URLSearchParams({ langpair, q, format: 'html', markUnknown: 'no' });
    const reply = await this.call('translate', body, signal);
    const data = reply.responseData as { translatedText?: unknown } | null | undefined;
    if (typeof data?.translatedText !== 'string') throw this.badReply('no translatedText');
    return data.translatedText;
  }

  private async call(path: string, body: URLSearchParams | undefined, signal?: AbortSignal) {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/${path}`;
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: body ? 'POST' : 'GET',
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw new EngineError('cancelled', 'Translation was cancelled.');
      if (timeout.aborted) {
        throw new EngineError('timeout', `Apertium at ${this.baseUrl} did not answer in time.`);
      }
      throw new EngineError(
        'network',
        `Cannot reach Apertium at ${this.baseUrl}. Is the server running? (${String(error)})`,
      );
    }
    let reply: ApyReply;
    try {
      reply = (await response.json()) as ApyReply;
    } catch {
      throw new EngineError(
        response.ok ? 'bad-reply' : 'http',
        `Apertium at ${this.baseUrl} answered HTTP ${response.status} with a body that is not JSON.`,
      );
    }
    if (!response.ok || (reply.responseStatus ?? 200) !== 200) {
      const details = typeof reply.responseDetails === 'string' ? `: ${reply.responseDetails}` : '';
      throw new EngineError('http', `Apertium answered HTTP ${response.status}${details}`);
    }
    return reply;
  }

  private badReply(what: string) {
    return new EngineError(
      'bad-reply',
      `Apertium at ${this.baseUrl} sent a malformed reply (${what}).`,
    );
  }
}

/** Groups segments into runs of at most MAX_BATCH_CHARS (a longer segment goes alone). */
export function packBatches(segments: string[], maxChars = MAX_BATCH_CHARS): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const segment of segments) {
    if (current.length && size + segment.length > maxChars) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(segment);
    size += segment.length;
  }
  if (current.length) batches.push(current);
  return batches;
}
