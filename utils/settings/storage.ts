import { storage } from 'wxt/utils/storage';
import { parsePageSettings, SETTINGS_VERSION, type PageSettings, type SiteMode } from './page';

/** Apertium's public instance, v2's default address. */
const V2_DEFAULT_APERTIUM_URL = 'https://apertium.org/apy';

// Stored settings are brought to the current version when this module loads, in every context;
// reads and writes wait for that.
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  // Version n's migration turns version n-1 into n; each version has a fixture in test/unit/settings.
  migrations: {
    // v1 had an on/off switch per site: on meant translate on load, off meant leave alone.
    2: (v1: { sites?: Record<string, unknown> } | null) => ({
      ...v1,
      sites: Object.fromEntries(
        Object.entries(v1?.sites ?? {}).map(([key, mode]) => [
          key,
          mode === 'on' ? 'always' : mode === 'off' ? 'never' : mode,
        ]),
      ),
    }),
    // v2 had Apertium as its only engine. Readers who pointed it at their own server chose it;
    // the others only had the default, and now get the new default (`auto`).
    3: (v2: { engine?: unknown; apertium?: { baseUrl?: unknown } } | null) => ({
      ...v2,
      engine:
        typeof v2?.apertium?.baseUrl === 'string' &&
        v2.apertium.baseUrl.replace(/\/+$/, '') !== V2_DEFAULT_APERTIUM_URL
          ? 'apertium'
          : 'auto',
      fallbackEngine: 'none',
    }),
  },
});

/** What the content script reads: the settings without the engines' (see `page.ts`). */
export async function getPageSettings(): Promise<PageSettings> {
  return parsePageSettings(await settingsItem.getValue());
}

export function watchPageSettings(callback: (settings: PageSettings) => void): () => void {
  return settingsItem.watch((value) => callback(parsePageSettings(value)));
}

/**
 * Sets one site's mode and leaves the other settings as stored (every reader validates them), so
 * the page control can do it without the engines' schema.
 */
export async function setSiteMode(siteKey: string, mode: SiteMode): Promise<void> {
  const stored = await settingsItem.getValue();
  const others = typeof stored === 'object' && stored !== null ? stored : {};
  const { sites } = parsePageSettings(stored);
  await settingsItem.setValue({ ...others, sites: { ...sites, [siteKey]: mode } });
}
