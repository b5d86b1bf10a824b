// @vitest-environment node
import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexedDbCache, cacheKey } from '@/utils/engines/cache';

const DB_NAME = 'foreign-desk-translations';

/** The connections the cache opens, so a test can close one under it as a browser would. */
function watchConnections(): IDBDatabase[] {
  const opened: IDBDatabase[] = [];
  const open = indexedDB.open.bind(indexedDB);
  vi.spyOn(indexedDB, 'open').mockImplementation((...args) => {
    const request = open(...args);
    request.addEventListener('success', () => opened.push(request.result));
    return request;
  });
  return opened;
}

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/**
 * The browser's quota for the extension's storage, as a number of entries: a write that would
 * go over it fails with the browser's QuotaExceededError.
 */
function limitStorageTo(entries: number) {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore & { _rawObjectStore: { records: { records: { size(): number } } } },
    ...args
  ) {
    if (this._rawObjectStore.records.records.size() >= entries)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

afterEach(async () => {
  vi.restoreAllMocks();
  await new IndexedDbCache().clear();
});

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

  it('makes room when the browser’s quota is reached: the least recently used go', async () => {
    let now = 0;
    const cache = new IndexedDbCache(1_000, () => now);
    limitStorageTo(20);
    for (let i = 0; i < 20; i++) {
      now = i;
      await cache.putMany([[`quota-${i}`, `t${i}`]]);
    }
    now = 100;
    await cache.putMany([['quota-new', 'new']]);
    expect(await cache.getMany(['quota-new', 'quota-0', 'quota-1', 'quota-19'])).toEqual([
      'new',
      undefined,
      undefined,
      't19',
    ]);
    expect(await cache.count()).toBeLessThanOrEqual(20);
  });

  it('works on when its database is deleted while the extension runs', async () => {
    const cache = new IndexedDbCache();
    await cache.putMany([['deleted-0', 'before']]);
    // Deleting waits for no one: the cache's open connection steps aside.
    await deleteDatabase();
    expect(await cache.getMany(['deleted-0'])).toEqual([undefined]);
    await cache.putMany([['deleted-1', 'after']]);
    expect(await cache.getMany(['deleted-1'])).toEqual(['after']);
  });

  it('works on when the browser clears site data under it (connection closed, data gone)', async () => {
    const opened = watchConnections();
    const cache = new IndexedDbCache();
    await cache.putMany([['cleared-0', 'before']]);
    expect(opened).toHaveLength(1);
    // Its type declaration asks for the class; it takes a connection.
    forceCloseDatabase(opened[0] as unknown as typeof IDBDatabase);
    await deleteDatabase();
    expect(await cache.getMany(['cleared-0'])).toEqual([undefined]);
    await cache.putMany([['cleared-1', 'after']]);
    expect(await cache.getMany(['cleared-1'])).toEqual(['after']);
    expect(await cache.count()).toBe(1);
  });
});
