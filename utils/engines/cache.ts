import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Translations kept, at most: ~20 articles of 100 blocks a day for a few weeks, a few MB. */
const MAX_CACHE_ENTRIES = 50_000;
/** Evicting 2% below the bound makes eviction rare instead of one per write. */
const EVICTION_SLACK_RATIO = 0.02;
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

  private open() {
    this.db ??= openDB<CacheDb>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'key' }).createIndex('usedAt', 'usedAt');
      },
    });
    return this.db;
  }

  async getMany(keys: string[]): Promise<(string | undefined)[]> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    const found = await Promise.all(keys.map((key) => tx.store.get(key)));
    // Reading an entry makes it recent, so a revisited article outlives ones never reopened.
    const usedAt = this.now();
    for (const entry of found) if (entry) void tx.store.put({ ...entry, usedAt });
    await tx.done;
    return found.map((entry) => entry?.translation);
  }

  /**
   * Stores translations the pipeline validated (see `cacheableReply`). An empty one is never
   * kept whatever the caller says: served from here, it would hide a block without asking anyone.
   */
  async putMany(entries: [string, string][]): Promise<void> {
    const kept = entries.filter(([, translation]) => translation.trim() !== '');
    if (!kept.length) return;
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const usedAt = this.now();
    for (const [key, translation] of kept) void tx.store.put({ key, translation, usedAt });
    await tx.done;
    await this.evict(db);
  }

  /** Entries stored now (the options page shows it). */
  async count(): Promise<number> {
    return (await this.open()).count(STORE);
  }

  /** Forgets every translation (the options page's "clear cache"). */
  async clear(): Promise<void> {
    await (await this.open()).clear(STORE);
  }

  private async evict(db: IDBPDatabase<CacheDb>): Promise<void> {
    const count = await db.count(STORE);
    if (count <= this.maxEntries) return;
    let excess = count - Math.floor(this.maxEntries * (1 - EVICTION_SLACK_RATIO));
    const tx = db.transaction(STORE, 'readwrite');
    let cursor = await tx.store.index('usedAt').openCursor();
    while (cursor && excess-- > 0) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }
}
