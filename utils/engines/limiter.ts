import { EngineError, type EngineLimits } from './types';

/** Waits `ms`, or rejects as cancelled as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new EngineError('cancelled', 'Translation was cancelled.');
    if (signal?.aborted) return reject(cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Per-engine admission: a token bucket (requests per second, with a burst) and a cap on
 * requests in flight. Engines publish rate limits per account, so one lane serves every tab.
 */
export class Lane {
  private tokens: number;
  private refilledAt: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: Pick<EngineLimits, 'concurrency' | 'requestsPerSecond' | 'burst'>,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.tokens = limits.burst;
    this.refilledAt = now();
  }

  /** Runs `task` when a slot and a token are free; the slot is released when it settles. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquireSlot(signal);
    try {
      await this.takeToken(signal);
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async acquireSlot(signal?: AbortSignal): Promise<void> {
    while (this.active >= this.limits.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          this.waiting.splice(this.waiting.indexOf(wake), 1);
          reject(new EngineError('cancelled', 'Translation was cancelled.'));
        };
        if (signal?.aborted) return onAbort();
        this.waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    this.active++;
  }

  private async takeToken(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      const rate = this.limits.requestsPerSecond / 1000;
      this.tokens = Math.min(this.limits.burst, this.tokens + (now - this.refilledAt) * rate);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil((1 - this.tokens) / rate), signal);
    }
  }
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** First backoff; doubled on each further try. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the fallback engine is tried instead. */
  maxRetryAfterMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
};

/**
 * Runs `task` again after retryable failures (429, 5xx, network, timeout): waits what the
 * engine's `Retry-After` says, else exponential backoff with jitter (half fixed, half random,
 * so many tabs failing together do not come back together).
 */
export async function withRetry<T>(
  task: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof EngineError) || !error.retryable || attempt >= policy.attempts) {
        throw error;
      }
      if ((error.retryAfterMs ?? 0) > policy.maxRetryAfterMs) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = error.retryAfterMs ?? backoff / 2 + (policy.random() * backoff) / 2;
      await sleep(delay, signal);
    }
  }
}
