import type { ExtensionBrowser } from '../harness/index.ts';
// From the page's part of the schema: the full one needs Vite's import.meta.glob (npm run bench runs in Node).
import { SETTINGS_VERSION } from '../../../utils/settings/page.ts';

/**
 * Test set-up only: merges `patch` into the extension's stored settings from an extension page,
 * for the settings the UI under test is not about. The content scripts follow the change.
 *
 * Written as the settings store writes them (WXT storage): the value under `settings` and its
 * version under `settings$`. Settings without that version would be migrated as version 1 on the
 * next read, which resets the engine.
 */
export async function patchSettings(
  browser: ExtensionBrowser,
  patch: Record<string, unknown>,
): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  try {
    await page.evaluate(
      async (changes: Record<string, unknown>, version: number) => {
        type Area = {
          get(keys: string[]): Promise<Record<string, unknown>>;
          set(items: Record<string, unknown>): Promise<void>;
        };
        const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
        const stored = await api.storage.local.get(['settings', 'settings$']);
        await api.storage.local.set({
          settings: { ...((stored.settings as object | undefined) ?? {}), ...changes },
          settings$: { ...((stored.settings$ as object | undefined) ?? {}), v: version },
        });
      },
      patch,
      SETTINGS_VERSION,
    );
  } finally {
    await page.close();
  }
}

/** Test set-up only: an engine's API key in the extension's key store, written from an extension page. */
export async function storeKey(
  browser: ExtensionBrowser,
  engine: string,
  key: string,
): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  try {
    await page.evaluate(
      (id: string, value: string) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('foreign-desk-keys', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('keys');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('keys', 'readwrite');
            tx.objectStore('keys').put(value, id);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      engine,
      key,
    );
  } finally {
    await page.close();
  }
}
