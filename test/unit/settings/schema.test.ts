import { describe, expect, it } from 'vitest';
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
});
