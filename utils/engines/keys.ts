import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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

/**
 * One connection per context, kept open: the background reads the keys for every request, and
 * opening the database costs more than reading it. It steps aside for anyone deleting or
 * upgrading the database (the browser clearing site data), and the next read opens it again.
 */
let connection: Promise<IDBPDatabase<KeysDb>> | null = null;

function open(): Promise<IDBPDatabase<KeysDb>> {
  connection ??= openDB<KeysDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
    blocking: (_current, _next, event) => {
      (event.target as IDBDatabase).close();
      connection = null;
    },
    terminated: () => {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

export async function getEngineKeys(): Promise<EngineKeys> {
  const db = await open();
  const tx = db.transaction(STORE);
  const values = await Promise.all(KEYED_ENGINES.map((engine) => tx.store.get(engine)));
  return Object.fromEntries(
    KEYED_ENGINES.map((engine, i) => [engine, values[i] ?? '']),
  ) as EngineKeys;
}

/** Stores (or, with an empty string, forgets) the key of one engine. */
export async function setEngineKey(engine: KeyedEngine, key: string): Promise<void> {
  const db = await open();
  const value = key.trim();
  if (value) await db.put(STORE, value, engine);
  else await db.delete(STORE, engine);
}
