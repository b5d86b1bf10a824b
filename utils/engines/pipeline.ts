import { baseLanguage } from '../languages';
import { joinPieces, packBatches, splitLong, type Piece } from './batching';
import { cacheKey, type TranslationCache } from './cache';
import { DEFAULT_RETRY, Lane, withRetry, type RetryPolicy } from './limiter';
import { cacheableReply, escapeText, plainText, usableReply } from './markers';
import {
  EngineError,
  type EngineErrorCode,
  type TranslateRequest,
  type TranslationEngine,
} from './types';

/** Shorter texts are too short to detect their language reliably; they are always sent. */
const MIN_DETECT_CHARS = 40;
/** Enough of an article to tell its language; more only costs time. */
const SOURCE_SAMPLE_CHARS = 2_000;
/**
 * With a fallback engine after it, an engine that has not translated a batch within this (its
 * retries and queueing included) hands the batch on: a hanging engine costs the article no more.
 * Later than the page's slow notice (7 s), so the reader can still choose first; short enough
 * that a dead primary costs the article under 20 s more than the fallback alone.
 */
const FALLBACK_AFTER_MS = 10_000;
/**
 * An engine that just failed for reasons of its own (down, hanging, refusing, out of quota) is
 * passed over for the next one for this long, while one follows.
 */
const DOWN_FOR_MS = 60_000;
const OUTAGES: ReadonlySet<EngineErrorCode> = new Set([
  'network',
  'timeout',
  'rate-limited',
  'quota',
  'auth',
]);

/** A call's place in line: the call before it, and how it lets the next one go. */
interface Turn {
  previous: Promise<void>;
  handOver: () => void;
}

/** What one call shares with its engines: its turn, the cache lookup and language checks made. */
interface CallState {
  turn: Turn;
  /** The cache's answer for the segments, when it was asked already. */
  looked?: Promise<Lookup>;
  /** Whether a segment is in the target language already (asked once per call). */
  inTarget: (segment: string) => Promise<boolean>;
}

interface Lookup {
  keys: string[];
  cached: (string | undefined)[];
}

export interface PipelineDeps {
  cache: TranslationCache;
  /** The language of a text (BCP 47), or undefined when unsure. */
  detectLanguage?: (text: string) => Promise<string | undefined>;
  retry?: RetryPolicy;
}

/** What a request cost: the numbers the benchmark prints. */
export interface PipelineStats {
  segments: number;
  /** Requests sent to engines. */
  requests: number;
  cacheHits: number;
  /** Segments identical to an earlier one in the same request, translated once. */
  duplicates: number;
  /** Segments already in the target language, returned as they are. */
  alreadyInTarget: number;
}

export interface PipelineResult {
  translations: string[];
  /** The source language translated from: the page's, unless detection reliably disagrees. */
  source: string;
  /** Names of the engines whose translations are in the result (cached ones included). */
  engines: string[];
  stats: PipelineStats;
}

/**
 * Everything between a list of segments and the engines: de-duplication, the cache, skipping
 * text already in the target language, batching within each engine's limits, per-engine rate
 * limiting and concurrency, retries, marker checks, and falling back along `chain`.
 */
export class TranslationPipeline {
  private readonly lanes = new WeakMap<TranslationEngine, Lane>();
  /** Engines found down (refused, hanging, out of quota), until when they are passed over. */
  private readonly downUntil = new WeakMap<TranslationEngine, number>();
  /** Settles once the latest call has handed its batches to an engine, or needs none. */
  private lastHandedOver: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PipelineDeps) {}

  async translate(
    chain: TranslationEngine[],
    pageRequest: TranslateRequest,
  ): Promise<PipelineResult> {
    // Calls reach the engines in the order they came (a page sends what is on screen first),
    // however long each one's cache lookup and language checks take.
    const turn = { previous: this.lastHandedOver, handOver: () => {} };
    this.lastHandedOver = new Promise((resolve) => (turn.handOver = resolve));
    try {
      return await this.translateInTurn(chain, pageRequest, turn);
    } finally {
      turn.handOver();
    }
  }

  private async translateInTurn(
    chain: TranslationEngine[],
    pageRequest: TranslateRequest,
    turn: Turn,
  ): Promise<PipelineResult> {
    const { segments } = pageRequest;
    const unique = [...new Set(segments)];
    const stats: PipelineStats = {
      segments: segments.length,
      requests: 0,
      cacheHits: 0,
      duplicates: segments.length - unique.length,
      alreadyInTarget: 0,
    };
    const done = new Map<string, string>();
    let todo: string[] = [];
    for (const segment of unique) {
      if (!plainText(segment)) done.set(segment, segment);
      else todo.push(segment);
    }
    // The cache is asked in the page's language while the text's own is checked: the two agree
    // on almost every page, and then the reader waits for the slower of them only.
    const [first] = chain;
    const early = first && todo.length ? this.lookUp(first, todo, pageRequest) : undefined;
    // Unused when the languages differ: its failure is then nobody's.
    void early?.catch(() => undefined);
    // The language of each paragraph the cache lacks is checked while the sample's is.
    const checks = new Map<string, Promise<boolean>>();
    const inTarget = (segment: string) => {
      let check = checks.get(segment);
      if (!check) {
        check = this.inLanguage(segment, pageRequest.target);
        checks.set(segment, check);
      }
      return check;
    };
    const asked = todo;
    void early?.then(
      ({ cached }) => {
        for (const [i, segment] of asked.entries())
          if (cached[i] === undefined) void inTarget(segment);
      },
      () => undefined,
    );
    const request = { ...pageRequest, source: await this.checkSource(pageRequest) };
    const sameSource = baseLanguage(request.source) === baseLanguage(pageRequest.source);

    const engines: string[] = [];
    const errors: EngineError[] = [];
    for (const [position, engine] of chain.entries()) {
      if (!todo.length) break;
      const last = position === chain.length - 1;
      // The last engine is always asked: Retry must reach an engine that has healed.
      if (!last && (this.downUntil.get(engine) ?? 0) > Date.now()) continue;
      try {
        const before = done.size;
        const looked = position === 0 && sameSource ? early : undefined;
        todo = await this.runEngine(engine, todo, request, done, stats, errors, last, {
          turn,
          looked,
          inTarget,
        });
        if (done.size > before) engines.push(engine.name);
      } catch (error) {
        if (error instanceof EngineError && error.code === 'cancelled') throw error;
        errors.push(asEngineError(error));
        // Segments found already in the target language before the failure stay as they are.
        todo = todo.filter((segment) => !done.has(segment));
      }
    }
    if (todo.length) throw combine(errors);
    return {
      translations: segments.map((s) => done.get(s) ?? s),
      source: request.source,
      engines,
      stats,
    };
  }

  /**
   * Translates what it can of `todo` with one engine; returns the segments still untranslated.
   * The engine's pair check runs beside its first requests, not before them (a pair list can
   * cost a round trip): when the engine lacks the pair, those requests are cancelled and their
   * replies dropped.
   */
  private async runEngine(
    engine: TranslationEngine,
    todo: string[],
    request: TranslateRequest,
    done: Map<string, string>,
    stats: PipelineStats,
    errors: EngineError[],
    last: boolean,
    { turn, looked, inTarget }: CallState,
  ): Promise<string[]> {
    const { source, target } = request;
    const { keys, cached } = await (looked ?? this.lookUp(engine, todo, request));
    const keyOf = new Map(todo.map((segment, i) => [segment, keys[i] ?? '']));
    const unknown: string[] = [];
    todo.forEach((segment, i) => {
      const hit = cached[i];
      if (hit === undefined) unknown.push(segment);
      else {
        done.set(segment, hit);
        stats.cacheHits++;
      }
    });
    // After the cache: a revisited article asks no language detector, only the cache.
    const alreadyInTarget = await Promise.all(unknown.map(inTarget));
    const misses: string[] = [];
    unknown.forEach((segment, i) => {
      if (!alreadyInTarget[i]) return misses.push(segment);
      done.set(segment, segment);
      stats.alreadyInTarget++;
    });
    if (!misses.length) return [];

    const pairCheck = new AbortController();
    const pairProblem = engine.supports(source, target, request.signal).then(
      (ok) =>
        ok
          ? undefined
          : new EngineError('unsupported-pair', `${engine.name} does not translate this pair.`),
      (error: unknown) => asEngineError(error),
    );
    void pairProblem.then((problem) => problem && pairCheck.abort());
    const signal = request.signal
      ? AbortSignal.any([request.signal, pairCheck.signal])
      : pairCheck.signal;
    const lane = this.laneFor(engine);
    const policy = this.deps.retry ?? DEFAULT_RETRY;
    // A paragraph over the engine's limit goes as pieces, joined again in order below.
    const piecesOf = new Map<string, Piece[]>(
      misses.map((segment) => [segment, splitLong(segment, engine.limits.maxChars)]),
    );
    const units = [...new Set(misses.flatMap((s) => piecesOf.get(s)?.map((p) => p.text) ?? []))];
    const got = new Map<string, string>();
    let failure: EngineError | undefined;
    await turn.previous;
    const sending = Promise.all(
      packBatches(units, engine.limits).map(async (batch) => {
        const patience = last ? undefined : new AbortController();
        const timer = patience && setTimeout(() => patience.abort(), FALLBACK_AFTER_MS);
        const batchSignal = patience ? AbortSignal.any([signal, patience.signal]) : signal;
        try {
          const replies = await withRetry(
            () =>
              lane.run(
                () =>
                  this.translateBatch(engine, batch, { ...request, signal: batchSignal }, stats),
                batchSignal,
              ),
            policy,
            batchSignal,
          );
          batch.forEach((unit, i) => got.set(unit, replies[i] ?? ''));
        } catch (error) {
          failure ??=
            patience?.signal.aborted && !signal.aborted
              ? new EngineError('timeout', `${engine.name} did not answer in time.`)
              : asEngineError(error);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    // Every batch has joined the engine's lane (in order, synchronously): the next call may.
    turn.handOver();
    const [problem] = await Promise.all([pairProblem, sending]);
    const translated = new Map<string, string>();
    const failed: string[] = [];
    for (const segment of misses) {
      const pieces = piecesOf.get(segment) ?? [];
      const replies = pieces.map((p) => got.get(p.text));
      if (replies.every((r) => r !== undefined))
        translated.set(segment, joinPieces(pieces, replies));
      else failed.push(segment);
    }
    if (problem) throw problem;
    if (failure?.code === 'cancelled') throw failure;
    if (failure) errors.push(failure);
    if (failure && (OUTAGES.has(failure.code) || failure.transient))
      this.downUntil.set(engine, Date.now() + DOWN_FOR_MS);
    else if (translated.size) this.downUntil.delete(engine);
    const fresh: [string, string][] = [];
    for (const [segment, reply] of translated) {
      done.set(segment, reply);
      // Only replies that kept their markers are kept: a plain-text fallback may do better later.
      if (cacheableReply(segment, reply)) fresh.push([keyOf.get(segment) ?? '', reply]);
    }
    // Not waited for: the reader sees the translations while they are stored.
    void this.deps.cache.putMany(fresh).catch(() => undefined);
    return failed;
  }

  /** The cache's key and translation (if any) of each segment, in `segments`' order. */
  private async lookUp(
    engine: TranslationEngine,
    segments: string[],
    { source, target }: Pick<TranslateRequest, 'source' | 'target'>,
  ): Promise<Lookup> {
    const keys = await Promise.all(
      segments.map((segment) =>
        cacheKey({
          engine: engine.id,
          variant: engine.variant,
          source: baseLanguage(source),
          // Whole tag: some engines translate into regional variants (DeepL's EN-GB, PT-BR).
          target: target.toLowerCase(),
          segment,
        }),
      ),
    );
    const cached = await this.deps.cache.getMany(keys).catch(() => keys.map(() => undefined));
    return { keys, cached };
  }

  /**
   * One request. A broken reply (a marker lost, duplicated or invented, no text, far too long)
   * is asked again alone, and if that breaks too, as plain text: the reader gets the sentence
   * without its links rather than none. Every reply that leaves here has text, and its markers
   * intact or none; an engine that cannot give that even as plain text fails the batch.
   */
  private async translateBatch(
    engine: TranslationEngine,
    batch: string[],
    request: TranslateRequest,
    stats: PipelineStats,
  ): Promise<string[]> {
    const ask = async (segments: string[]) => {
      stats.requests++;
      const replies = await engine.translate({ ...request, segments });
      if (replies.length !== segments.length) {
        throw new EngineError(
          'bad-reply',
          `${engine.name} sent ${replies.length} translations for ${segments.length} paragraphs.`,
        );
      }
      return replies;
    };
    const replies = await ask(batch);
    for (const [i, segment] of batch.entries()) {
      if (usableReply(segment, replies[i] ?? '')) continue;
      if (batch.length > 1) {
        const [again = ''] = await ask([segment]);
        if (usableReply(segment, again)) {
          replies[i] = again;
          continue;
        }
      }
      const text = escapeText(plainText(segment));
      const [plain = ''] = await ask([text]);
      replies[i] = escapeText(plainText(plain));
      // Empty or oversized even as plain text: the engine is broken, not the markup.
      if (!usableReply(text, replies[i])) {
        throw new EngineError('bad-reply', `${engine.name} sent no usable translation.`);
      }
    }
    return replies;
  }

  private laneFor(engine: TranslationEngine): Lane {
    let lane = this.lanes.get(engine);
    if (!lane) {
      lane = new Lane(engine.limits);
      this.lanes.set(engine, lane);
    }
    return lane;
  }

  /**
   * The page's language (its `lang`, its structured data) checked against what the text is:
   * pages copied from other editions keep their template's `lang`.
   */
  private async checkSource({ segments, source }: TranslateRequest): Promise<string> {
    if (!this.deps.detectLanguage) return source;
    const sample = segments.map(plainText).join(' ').slice(0, SOURCE_SAMPLE_CHARS);
    if (sample.length < MIN_DETECT_CHARS) return source;
    const detected = await this.deps.detectLanguage(sample).catch(() => undefined);
    return detected && baseLanguage(detected) !== baseLanguage(source) ? detected : source;
  }

  private async inLanguage(segment: string, target: string): Promise<boolean> {
    const text = plainText(segment);
    if (!this.deps.detectLanguage || text.length < MIN_DETECT_CHARS) return false;
    const language = await this.deps.detectLanguage(text).catch(() => undefined);
    return language !== undefined && baseLanguage(language) === baseLanguage(target);
  }
}

function asEngineError(error: unknown): EngineError {
  return error instanceof EngineError
    ? error
    : new EngineError('bad-reply', `Translation failed: ${String(error)}`);
}

/** The first engine's failure, with what happened to each fallback after it. */
function combine(errors: EngineError[]): EngineError {
  const [first, ...rest] = errors;
  if (!first) return new EngineError('unavailable', 'No translation engine is set up.');
  if (!rest.length) return first;
  const code = errors.every((e) => e.code === 'unsupported-pair') ? 'unsupported-pair' : first.code;
  return new EngineError(
    code,
    [first.message, ...rest.map((e) => `Fallback: ${e.message}`)].join(' '),
    { retryAfterMs: first.retryAfterMs, transient: first.transient },
  );
}
