import { describe, expect, it } from 'vitest';
import { parsePageSettings } from '@/utils/settings/page';
import { DEFAULT_SETTINGS, parseSettings } from '@/utils/settings/schema';

describe('parseSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('corrupt')).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.targetLang).toBe('en');
  });

  it('resets only the corrupt field and keeps the reader’s sites', () => {
    const parsed = parseSettings({
      targetLang: 42,
      apertium: { baseUrl: 'javascript:alert(1)' },
      sites: { elpais: 'always', spiegel: 'sometimes', zeit: 'never', abc: 'on' },
    });
    expect(parsed.targetLang).toBe('en');
    expect(parsed.apertium.baseUrl).toBe(DEFAULT_SETTINGS.apertium.baseUrl);
    expect(parsed.sites).toEqual({ elpais: 'always', zeit: 'never' });
  });

  it('keeps valid values', () => {
    const parsed = parseSettings({
      targetLang: 'de',
      apertium: { baseUrl: 'http://127.0.0.1:2737' },
    });
    expect(parsed.targetLang).toBe('de');
    expect(parsed.apertium.baseUrl).toBe('http://127.0.0.1:2737');
  });

  it('reads the page’s part on its own the same way, field by field', () => {
    const stored = {
      targetLang: 'pt-BR',
      displayMode: 'replace',
      translationStyle: 'glow',
      alwaysTranslateFrom: ['de', 7, 'klingon', 'fr'],
      sites: { elpais: 'always', spiegel: 'sometimes' },
      engine: 'deepl',
    };
    const page = parsePageSettings(stored);
    expect(page).toEqual({
      targetLang: 'pt-BR',
      displayMode: 'replace',
      translationStyle: 'rule',
      alwaysTranslateFrom: ['de', 'fr'],
      sites: { elpais: 'always' },
    });
    expect(parseSettings(stored)).toMatchObject({ ...page, engine: 'deepl' });
    for (const garbage of [null, [], 'x', { sites: ['always'], alwaysTranslateFrom: 'de' }]) {
      expect(parsePageSettings(garbage)).toEqual(parsePageSettings({}));
    }
  });
});
