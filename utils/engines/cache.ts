import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Translations kept, at most: ~20 articles of 100 blocks a day for a few weeks, a few MB. */
const MAX_CACHE_ENTRIES = 50_000;
/** Evicting 2% below the bound makes eviction rare instead of one per write. */
const EVICTION_SLACK_RATIO = 0.02;
/** When the browser's storage quota is reached: the share of entries evicted to make room. */
const QUOTA_EVICTION_RATIO = 0.1;
const DB_NAME = 'foreign-desk-translations';
const STORE = 'translations';

export interface CacheKeyParts {
  engine: string;
  /** Model, prompt version, server: whatever else changes the output. */
  variant: string;
  source: string;
  target: string;
  segment: string;
}

/** A translation cache keyed by engine, variant, languages and segment. */
export interface TranslationCache {
  getMany(keys: string[]): Promise<(string | undefined)[]>;
  putMany(entries: [key: string, translation: string][]): Promise<void>;
}

/**
 * The key as a SHA-256 hex digest: fixed size whatever the segment, and the cache stores no
 * article text in its keys. Hashed here in the background (content scripts on http pages lack
 * `crypto.subtle`).
 */
export async function cacheKey(parts: CacheKeyParts): Promise<string> {
  const data = new TextEncoder().encode(
    JSON.stringify([parts.engine, parts.variant, parts.source, parts.target, parts.segment]),
  );
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface CacheDb extends DBSchema {
  translations: {
    key: string;
    value: { key: string; translation: string; usedAt: number };
    indexes: { usedAt: number };
  };
}

/** The background's IndexedDB cache, bounded, least recently used entries evicted first. */
export class IndexedDbCache implements TranslationCache {
  private db: Promise<IDBPDatabase<CacheDb>> | null = null;

  constructor(
    private readonly maxEntries = MAX_CACHE_ENTRIES,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private open(): Promise<IDBPDatabase<CacheDb>> {
    this.db ??= openDB<CacheDb>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
      },
      // Someone deletes the database (the browser clearing site data, another context): this
      // connection steps aside instead of blocking it, and the next use opens a fresh one.
      blocking: (_current, _next, event) => {
        (event.target as IDBDatabase).close();
        this.db = null;
      },
      terminated: () => {
        this.db = null;
      },
    }).catch((error: unknown) => {
      this.db = null;
      throw error;
    });
    return this.db;
  }

  /**
   * Runs `op` on the database; when the connection was closed under it (site data cleared, the
   * database deleted while the extension runs), opens the database again and runs it once more.
   */
  private async withDb<T>(op: (db: IDBPDatabase<CacheDb>) => Promise<T>): Promise<T> {
    const opened = this.open();
    try {
      return await op(await opened);
    } catch (error) {
      if (!isErrorNamed(error, 'InvalidStateError', 'NotFoundError')) throw error;
      if (this.db === opened) this.db = null;
      return op(await this.open());
    }
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    return this.withDb(async (db) => {
      // Read-only: the lookup waits for no write (another tab's translations being stored).
      const tx = db.transaction(STORE);
      const found = await Promise.all(keys.map((key) => tx.store.get(key)));
      // Reading an entry makes it recent, so a revisited article outlives ones never reopened;
      // queued before any later write, and not waited for: the reader waits for the lookup only.
      const hits = keys.filter((_, i) => found[i]);
      if (hits.length) void this.touch(db, hits).catch(() => undefined);
      return found.map((entry) => entry?.translation);
    });
  }

  private async touch(db: IDBPDatabase<CacheDb>, keys: string[]): Promise<void> {
    const tx = db.transaction(STORE, 'readwrite');
    const usedAt = this.now();
    await Promise.all([
      ...keys.map(async (key) => {
        const entry = await tx.store.get(key);
        if (entry) await tx.store.put({ ...entry, usedAt });
      }),
      tx.done,
    ]);
  }

  /**
   * Stores translations the pipeline validated (see `cacheableReply`). An empty one is never
   * kept whatever the caller says: served from here, it would hide a block without asking anyone.
   * When the browser's quota for the extension is reached, the least recently used entries make
   * room and the write is tried once more.
   */
  async putMany(entries: [string, string][]): Promise<void> {
    const kept = entries.filter(([, translation]) => translation.trim() !== '');
    if (!kept.length) return;
    await this.withDb(async (db) => {
      try {
        await this.write(db, kept);
      } catch (error) {
        if (!isErrorNamed(error, 'QuotaExceededError')) throw error;
        const count = await db.count(STORE);
        await this.evictOldest(db, Math.max(kept.length, Math.ceil(count * QUOTA_EVICTION_RATIO)));
        await this.write(db, kept);
      }
      await this.evict(db);
    });
  }

  private async write(db: IDBPDatabase<CacheDb>, entries: [string, string][]): Promise<void> {
    const tx = db.transaction(STORE, 'readwrite');
    const usedAt = this.now();
    await Promise.all([
      ...entries.map(([key, translation]) => tx.store.put({ key, translation, usedAt })),
      tx.done,
    ]);
  }

  /** Entries stored now (the options page shows it). */
  async count(): Promise<number> {
    return this.withDb((db) => db.count(STORE));
  }

  /** Forgets every translation (the options page's "clear cache"). */
  async clear(): Promise<void> {
    await this.withDb((db) => db.clear(STORE));
  }

  private async evict(db: IDBPDatabase<CacheDb>): Promise<void> {
    const count = await db.count(STORE);
    if (count <= this.maxEntries) return;
    await this.evictOldest(db, count - Math.floor(this.maxEntries * (1 - EVICTION_SLACK_RATIO)));
  }

  /** Deletes the `excess` least recently used entries. */
  private async evictOldest(db: IDBPDatabase<CacheDb>, excess: number): Promise<void> {
    const tx = db.transaction(STORE, 'readwrite');
    let cursor = await tx.store.index('usedAt').openCursor();
    while (cursor && excess-- > 0) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }
}

function isErrorNamed(error: unknown, ...names: string[]): boolean {
  return typeof error === 'object' && error !== null && names.includes((error as Error).name);
}
