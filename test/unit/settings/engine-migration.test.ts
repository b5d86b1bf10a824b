import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION } from '@/utils/settings/schema';

const fixture = (version: number) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures', `v${version}.json`), 'utf8'),
  ) as Record<string, { apertium?: object }>;

/** The store as a new build loads it over what an older one left: migrations run on load. */
async function storeAfterUpdate() {
  vi.resetModules();
  return import('@/utils/settings/store');
}

describe('settings v3: engines', () => {
  beforeEach(() => fakeBrowser.reset());

  it('v2 → v3: the public Apertium default becomes auto, sites and display are kept', async () => {
    await fakeBrowser.storage.local.set(fixture(2));
    const settings = await (await storeAfterUpdate()).getSettings();
    expect(settings.engine).toBe('auto');
    expect(settings.fallbackEngine).toBe('none');
    expect(settings.sites).toEqual({ elpais: 'always', spiegel: 'never' });
    expect(settings.deepl).toEqual({ baseUrl: '' });
    const stored = await fakeBrowser.storage.local.get('settings$');
    expect(stored['settings$']).toEqual({ v: SETTINGS_VERSION });
  });

  it('v2 → v3: a reader’s own Apertium server stays their engine', async () => {
    const v2 = fixture(2);
    v2.settings!.apertium = { baseUrl: 'http://127.0.0.1:2737/' };
    await fakeBrowser.storage.local.set(v2);
    const { getSettings } = await storeAfterUpdate();
    expect((await getSettings()).engine).toBe('apertium');
  });

  it('defaults to auto with no fallback; a bad value resets that field alone; keys are no settings', () => {
    expect(DEFAULT_SETTINGS.engine).toBe('auto');
    const parsed = parseSettings({
      engine: 'babelfish',
      fallbackEngine: 'deepl',
      deepl: { apiKey: 'abc:fx', baseUrl: 'ftp://x' },
      microsoft: { region: 'west europe!' },
      openai: { baseUrl: 'http://127.0.0.1:11434/v1', model: ' llama3.2 ' },
    });
    expect(parsed.engine).toBe('auto');
    expect(parsed.fallbackEngine).toBe('deepl');
    expect(parsed.deepl).toEqual({ baseUrl: '' });
    expect(parsed.microsoft).toEqual({ region: '', baseUrl: '' });
    expect(parsed.openai).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.2',
    });
  });
});
