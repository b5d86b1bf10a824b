import type { ExtensionBrowser } from '../harness/index.ts';

/**
 * Test set-up only: merges `patch` into the extension's stored settings from an extension page,
 * for the settings the UI under test is not about. The content scripts follow the change.
 */
export async function patchSettings(
  browser: ExtensionBrowser,
  patch: Record<string, unknown>,
): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  try {
    await page.evaluate(async (changes: Record<string, unknown>) => {
      type Area = {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
      const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({
        settings: { ...((settings as object | undefined) ?? {}), ...changes },
      });
    }, patch);
  } finally {
    await page.close();
  }
}
