import { storage } from 'wxt/utils/storage';
import { SETTINGS_KEY, SETTINGS_VERSION } from './page';
import { parseSettings, type Settings } from './schema';

/** Apertium's public instance, v2's default address. */
const V2_DEFAULT_APERTIUM_URL = 'https://apertium.org/apy';

// Stored settings are brought to the current version when this module loads, in every context;
// reads and writes wait for that.
const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
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

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}
