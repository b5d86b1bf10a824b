import { storage } from 'wxt/utils/storage';
import { parseSettings, SETTINGS_VERSION, type Settings, type SiteMode } from './schema';

const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  // Version n's migration turns version n-1 into n; each version has a fixture in test/unit/settings.
  migrations: {},
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

export async function setSiteMode(siteKey: string, mode: SiteMode): Promise<Settings> {
  return updateSettings((s) => ({ ...s, sites: { ...s.sites, [siteKey]: mode } }));
}
