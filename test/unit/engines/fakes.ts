import type { TranslationCache } from '@/utils/engines/cache';
import type { EngineLimits, TranslateRequest, TranslationEngine } from '@/utils/engines/types';
import { shout } from './loopback';

/** A cache in a Map, for tests where fake timers and IndexedDB would get in each other's way. */
export class MapCache implements TranslationCache {
  readonly entries = new Map<string, string>();
  async getMany(keys: string[]) {
    return keys.map((k) => this.entries.get(k));
  }
  async putMany(entries: [string, string][]) {
    for (const [k, v] of entries) this.entries.set(k, v);
  }
}

const ROOMY: EngineLimits = {
  maxSegments: 100,
  maxChars: 100_000,
  concurrency: 4,
  requestsPerSecond: 1_000,
  burst: 1_000,
};

/** An engine that records each batch and answers with `reply` (default: upper-cased text). */
export function fakeEngine(
  name: string,
  reply: (request: TranslateRequest, call: number) => string[] | Promise<string[]> = (r) =>
    r.segments.map(shout),
  limits: Partial<EngineLimits> = {},
) {
  const calls: string[][] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  /** Resolves once the engine has been asked `count` times (cache hashing is really async). */
  const called = (count: number) =>
    new Promise<void>((resolve) => {
      if (calls.length >= count) resolve();
      else waiters.push({ count, resolve });
    });
  const engine: TranslationEngine = {
    id: 'apertium',
    name,
    variant: name,
    limits: { ...ROOMY, ...limits },
    supports: async () => true,
    translate: async (request) => {
      calls.push(request.segments);
      for (const w of waiters) if (calls.length >= w.count) w.resolve();
      return reply(request, calls.length);
    },
  };
  return { engine, calls, called };
}
