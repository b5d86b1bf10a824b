import { storage } from 'wxt/utils/storage';
import { SETTINGS_KEY, SETTINGS_VERSION } from './page';
import { inspectSettings, parseSettings, type Settings } from './schema';

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
    3: (v2: { engine?: unknown; apertium?: { baseUrl?: unknown } } | null) =>
      // Settings that already have v3's fallback were written by v3 without the version marker
      // (a profile copied by hand, a tool): migrating them again would lose the chosen engine.
      v2 && 'fallbackEngine' in v2
        ? v2
        : {
            ...v2,
            engine:
              typeof v2?.apertium?.baseUrl === 'string' &&
              v2.apertium.baseUrl.replace(/\/+$/, '') !== V2_DEFAULT_APERTIUM_URL
                ? 'apertium'
                : 'auto',
            fallbackEngine: 'none',
          },
  },
});

/**
 * Settings that were stored but could not be read, by path (`schema.ts`, `settingLabels`): each
 * was reset to its default when the settings were next written, and the options and popup say
 * so until the reader dismisses the notice.
 */
const resetItem = storage.defineItem<string[]>('local:settingsReset', { fallback: [] });

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings, reset } = inspectSettings(await settingsItem.getValue());
  const next = parseSettings(change(settings));
  if (reset.length) await noteReset(reset);
  await settingsItem.setValue(next);
  return next;
}

/**
 * Writes back stored settings some field of which could not be read, each such field reset to
 * its default, and records which for the notice. The options and popup run it when they open.
 */
export async function repairSettings(): Promise<void> {
  const { settings, reset } = inspectSettings(await settingsItem.getValue());
  if (!reset.length) return;
  await noteReset(reset);
  await settingsItem.setValue(settings);
}

async function noteReset(paths: string[]): Promise<void> {
  const noted = await resetItem.getValue();
  await resetItem.setValue([...new Set([...noted, ...paths])]);
}

/** The settings reset since the reader last dismissed the notice, now and on every change. */
export function watchSettingsReset(callback: (paths: string[]) => void): () => void {
  void resetItem.getValue().then(callback);
  return resetItem.watch((paths) => callback(paths ?? []));
}

/** The reader has read the notice. */
export async function dismissSettingsReset(): Promise<void> {
  await resetItem.removeValue();
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}
