// @vitest-environment node
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TranslatorHost } from '@/utils/engines/providers/chrome';
import type { EngineKeys } from '@/utils/engines/keys';
import { ENGINE_IDS, KEYED_ENGINES } from '@/utils/engines/catalog';
import { EngineRegistry } from '@/utils/engines/registry';
import { parseSettings } from '@/utils/settings/schema';

const chromeSaying = (availability: string): TranslatorHost => ({
  request: async () => ({ ok: true, value: availability }),
});

const NO_KEYS = Object.fromEntries(KEYED_ENGINES.map((id) => [id, ''])) as EngineKeys;

const names = async (registry: EngineRegistry, settings: object) =>
  (await registry.chain(parseSettings(settings), NO_KEYS, 'es', 'en')).map((e) => e.id);

describe('engine registry', () => {
  it('finds every engine file in utils/engines/providers, each under its own id', () => {
    const files = readdirSync(
      fileURLToPath(new URL('../../../utils/engines/providers', import.meta.url)),
    )
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.replace(/\.ts$/, ''));
    expect([...ENGINE_IDS].sort()).toEqual(files.sort());
    expect(ENGINE_IDS).toEqual(
      expect.arrayContaining(['apertium', 'chrome', 'google-web', 'openai']),
    );
  });

  it('auto: the on-device translator when its pack is ready, then the keyless web endpoint', async () => {
    expect(await names(new EngineRegistry({ chromeHost: chromeSaying('available') }), {})).toEqual([
      'chrome',
      'google-web',
    ]);
    expect(
      await names(new EngineRegistry({ chromeHost: chromeSaying('downloadable') }), {}),
    ).toEqual(['google-web']);
    expect(await names(new EngineRegistry(), {})).toEqual(['google-web']); // Firefox
  });

  it('auto: a reader’s own Apertium server instead of Google', async () => {
    const settings = { apertium: { baseUrl: 'http://127.0.0.1:2737' } };
    expect(await names(new EngineRegistry(), settings)).toEqual(['apertium']);
  });

  it('the chosen engine, then the fallback, without repeats', async () => {
    const registry = new EngineRegistry();
    expect(await names(registry, { engine: 'deepl', fallbackEngine: 'google-web' })).toEqual([
      'deepl',
      'google-web',
    ]);
    expect(await names(registry, { engine: 'openai', fallbackEngine: 'openai' })).toEqual([
      'openai',
    ]);
  });

  it('keeps an engine while its settings and key stay the same, rebuilds it when they change', () => {
    const registry = new EngineRegistry();
    const settings = parseSettings({});
    const keys = { ...NO_KEYS, deepl: 'k1' };
    const a = registry.get('deepl', settings, keys);
    expect(registry.get('deepl', parseSettings({ targetLang: 'de' }), keys)).toBe(a);
    expect(registry.get('deepl', settings, { ...keys, deepl: 'k2' })).not.toBe(a);
    expect(registry.get('deepl', settings, { ...keys, openai: 'other' })).toBe(a);
  });
});
