import type { EngineId } from './catalog';

/** One interface for every translation engine; engines run in the background only. */

export interface TranslateRequest {
  /** Segments as inline HTML (see utils/page/markup): text with numbered inline tags. */
  segments: string[];
  /** BCP 47 source and target languages. */
  source: string;
  target: string;
  signal?: AbortSignal;
}

export type EngineErrorCode =
  | 'unsupported-pair'
  | 'network'
  | 'http'
  | 'bad-reply'
  | 'timeout'
  | 'cancelled'
  /** The key is missing, wrong or revoked: only the reader can fix it. */
  | 'auth'
  /** The account's character quota is spent: retrying will not help until it renews. */
  | 'quota'
  /** Too many requests now: worth retrying later. */
  | 'rate-limited'
  /** The engine is there but not ready (a language pack to download, a model to load). */
  | 'unavailable';

/** A failure the reader can act on; `message` is shown as is. */
export class EngineError extends Error {
  /** How long the engine asked us to wait before the next try (its `Retry-After`). */
  readonly retryAfterMs?: number;
  /** The server failed (5xx), not our request: another try may work. */
  readonly transient: boolean;

  constructor(
    readonly code: EngineErrorCode,
    message: string,
    options: { retryAfterMs?: number; transient?: boolean } = {},
  ) {
    super(message);
    this.name = 'EngineError';
    this.retryAfterMs = options.retryAfterMs;
    this.transient = options.transient ?? false;
  }

  /**
   * Failures that may pass on their own: worth another try with the same engine. Not a timeout:
   * the reader has already waited the whole of it; the fallback engine or Retry comes next.
   */
  get retryable(): boolean {
    return this.code === 'rate-limited' || this.code === 'network' || this.transient;
  }
}

export interface LanguagePair {
  source: string;
  target: string;
}

/** What one request to the engine may carry, from its published limits. */
export interface EngineLimits {
  /** Most segments in one request. */
  maxSegments: number;
  /** Most characters (UTF-16 code units of the segments) in one request. */
  maxChars: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Token bucket: requests per second sustained, and the burst allowed after a pause. */
  requestsPerSecond: number;
  burst: number;
}

/** Engine ids come from the one list of engines (catalog.ts). */
export type { EngineId };

export interface TranslationEngine<Id extends string = EngineId> {
  readonly id: Id;
  readonly name: string;
  readonly limits: EngineLimits;
  /**
   * What else changes this engine's output besides the text and languages (model and prompt
   * version for LLMs, the server for self-hosted engines): part of the cache key.
   */
  readonly variant: string;
  /** Whether this engine can translate the pair now; an `EngineError` explains why not. */
  supports(source: string, target: string, signal?: AbortSignal): Promise<boolean>;
  /**
   * For engines whose `supports` asks their server: whether the pair is known to work from what
   * the extension ships with, asking nobody. Suggesting engines the reader did not choose must
   * not contact their servers.
   */
  knownToSupport?(source: string, target: string): boolean;
  /**
   * Translations of one batch (already within `limits`) in the order of `request.segments`,
   * one per segment, as inline HTML keeping the `data-m` markers.
   */
  translate(request: TranslateRequest): Promise<string[]>;
}
