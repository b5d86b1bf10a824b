// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbCache, cacheKey } from '@/utils/engines/cache';

describe('IndexedDB cache', () => {
  it('keys by engine, variant, languages and segment', async () => {
    const base = { engine: 'deepl', variant: 'v2', source: 'es', target: 'en', segment: 'hola' };
    const key = await cacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    for (const change of [
      { engine: 'openai' },
      { variant: 'x' },
      { target: 'de' },
      { segment: 'adiós' },
    ]) {
      expect(await cacheKey({ ...base, ...change })).not.toBe(key);
    }
  });

  it('stays within its bound, evicting what was used least recently', async () => {
    let now = 0;
    const cache = new IndexedDbCache(10, () => now);
    for (let i = 0; i < 10; i++) {
      now = i;
      await cache.putMany([[`bound-${i}`, `t${i}`]]);
    }
    now = 100;
    await cache.getMany(['bound-0']); // read again: now the most recent
    now = 101;
    await cache.putMany([['bound-new', 'new']]);
    const all = await cache.getMany([
      ...Array.from({ length: 10 }, (_, i) => `bound-${i}`),
      'bound-new',
    ]);
    expect(all.filter((v) => v !== undefined).length).toBeLessThanOrEqual(10);
    expect(all[0]).toBe('t0');
    expect(all[1]).toBeUndefined();
    expect(all.at(-1)).toBe('new');
  });

  it('never keeps an empty translation', async () => {
    const cache = new IndexedDbCache();
    await cache.putMany([
      ['empty-0', ''],
      ['empty-1', '  '],
      ['empty-2', 'kept'],
    ]);
    expect(await cache.getMany(['empty-0', 'empty-1', 'empty-2'])).toEqual([
      undefined,
      undefined,
      'kept',
    ]);
  });
});
