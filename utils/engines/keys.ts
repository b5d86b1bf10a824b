import { openDB, type DBSchema } from 'idb';
import { KEYED_ENGINES, type KeyedEngine } from './catalog';

/**
 * API keys, kept in the extension's own IndexedDB: extension storage (`storage.local`) is
 * readable by content scripts in both browsers, IndexedDB of the extension's origin is not.
 * Read by the background (to call engines) and written by the options page; never sent to a
 * content script or a page, and each key only to its own engine.
 */
export type EngineKeys = Record<KeyedEngine, string>;

const DB_NAME = 'foreign-desk-keys';
const STORE = 'keys';

interface KeysDb extends DBSchema {
  keys: { key: KeyedEngine; value: string };
}

const open = () =>
  openDB<KeysDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

export async function getEngineKeys(): Promise<EngineKeys> {
  const db = await open();
  try {
    const values = await Promise.all(KEYED_ENGINES.map((engine) => db.get(STORE, engine)));
    return Object.fromEntries(
      KEYED_ENGINES.map((engine, i) => [engine, values[i] ?? '']),
    ) as EngineKeys;
  } finally {
    db.close();
  }
}

/** Stores (or, with an empty string, forgets) the key of one engine. */
export async function setEngineKey(engine: KeyedEngine, key: string): Promise<void> {
  const db = await open();
  try {
    const value = key.trim();
    if (value) await db.put(STORE, value, engine);
    else await db.delete(STORE, engine);
  } finally {
    db.close();
  }
}
