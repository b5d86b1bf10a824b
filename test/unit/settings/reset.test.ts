import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  inspectSettings,
  SETTINGS_VERSION,
  settingLabels,
} from '@/utils/settings/schema';
import english from '@/public/_locales/en/messages.json';

/** The store as the extension loads it over what is stored: migrations run on load. */
async function loadStore() {
  vi.resetModules();
  return import('@/utils/settings/store');
}

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

/** What the reader reads in the notice, in English. */
const named = (path: string) =>
  settingLabels(path)
    .map((key) => english[key].message)
    .join(' — ');

describe('unreadable stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names each broken field, and only those: absent fields are new, not broken', () => {
    const { settings, reset } = inspectSettings({
      targetLang: 'de',
      engine: 'babelfish',
      displayMode: 'replace',
      translationStyle: 7,
      apertium: { baseUrl: 'javascript:alert(1)' },
      deepl: 'not an object',
      sites: { elpais: 'always', spiegel: 'sometimes' },
      alwaysTranslateFrom: ['es', 42],
    });
    expect(reset.sort()).toEqual(
      [
        'engine',
        'translationStyle',
        'apertium.baseUrl',
        'deepl',
        'sites',
        'alwaysTranslateFrom',
      ].sort(),
    );
    // Every readable value is kept, down to the single site and language.
    expect(settings.targetLang).toBe('de');
    expect(settings.displayMode).toBe('replace');
    expect(settings.engine).toBe(DEFAULT_SETTINGS.engine);
    expect(settings.sites).toEqual({ elpais: 'always' });
    expect(settings.alwaysTranslateFrom).toEqual(['es']);
    expect(inspectSettings({ targetLang: 'fr' }).reset).toEqual([]);
    expect(inspectSettings(undefined).reset).toEqual([]);
    expect(inspectSettings('garbage')).toEqual({ settings: DEFAULT_SETTINGS, reset: ['*'] });
  });

  it('names them as the options page does', () => {
    expect(named('targetLang')).toBe('Translate into');
    expect(named('engine')).toBe('Engine');
    expect(named('apertium.baseUrl')).toBe('Apertium — Apertium APy address');
    expect(named('deepl')).toBe('DeepL');
    expect(named('sites')).toBe('Sites');
    expect(named('*')).toBe('all settings');
  });

  it('are repaired in storage, the rest kept, and noted until the reader dismisses the notice', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        ...DEFAULT_SETTINGS,
        engine: 'apertium',
        targetLang: ['broken'],
        sites: { elpais: 'always' },
      },
      settings$: { v: SETTINGS_VERSION },
    });
    const store = await loadStore();
    const seen: string[][] = [];
    const unwatch = store.watchSettingsReset((paths) => seen.push(paths));
    await store.repairSettings();
    expect(await stored()).toMatchObject({
      targetLang: 'en',
      engine: 'apertium',
      sites: { elpais: 'always' },
    });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['targetLang']));
    // Nothing left to repair: the notice stays as it is until dismissed.
    await store.repairSettings();
    expect(seen.at(-1)).toEqual(['targetLang']);
    await store.dismissSettingsReset();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    unwatch();
  });

  it('are noted when a change is written over them too', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, displayMode: 'sideways' },
      settings$: { v: SETTINGS_VERSION },
    });
    const store = await loadStore();
    await store.updateSettings((s) => ({ ...s, sites: { ...s.sites, elpais: 'never' } }));
    expect(await stored()).toMatchObject({ displayMode: 'bilingual', sites: { elpais: 'never' } });
    expect((await fakeBrowser.storage.local.get('settingsReset')).settingsReset).toEqual([
      'displayMode',
    ]);
  });

  it('current settings stored without their version marker keep the chosen engine', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, engine: 'deepl', fallbackEngine: 'apertium' },
    });
    const settings = await (await loadStore()).getSettings();
    expect(settings.engine).toBe('deepl');
    expect(settings.fallbackEngine).toBe('apertium');
  });
});
