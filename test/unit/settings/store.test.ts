import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getSettings, updateSettings } from '@/utils/settings/store';
import { getPageSettings, setSiteMode } from '@/utils/settings/page';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores a site switch and reads it back', async () => {
    await setSiteMode('elpais', 'always');
    expect((await getSettings()).sites).toEqual({ elpais: 'always' });
    await setSiteMode('elpais', 'never');
    expect((await getSettings()).sites.elpais).toBe('never');
  });

  it('sets a site’s mode and keeps the reader’s engine settings as they were', async () => {
    await updateSettings((s) => ({
      ...s,
      engine: 'apertium',
      apertium: { baseUrl: 'http://127.0.0.1:2737' },
      sites: { spiegel: 'never', 'blog.example': 'bogus' as never },
    }));
    await setSiteMode('elpais', 'always');
    const settings = await getSettings();
    expect(settings.sites).toEqual({ spiegel: 'never', elpais: 'always' });
    expect(settings.engine).toBe('apertium');
    expect(settings.apertium.baseUrl).toBe('http://127.0.0.1:2737');
  });

  it('gives the page its settings alone, validated like the full ones', async () => {
    await fakeBrowser.storage.local.set({
      settings: { targetLang: 'de', displayMode: 'sideways', sites: { elpais: 'always' } },
    });
    const page = await getPageSettings();
    expect(page).toEqual({
      targetLang: 'de',
      displayMode: 'bilingual',
      translationStyle: 'rule',
      alwaysTranslateFrom: [],
      sites: { elpais: 'always' },
    });
    const full = await getSettings();
    expect(full).toMatchObject(page);
  });

  it('reads corrupt stored settings as defaults instead of failing', async () => {
    await fakeBrowser.storage.local.set({ settings: ['not', 'an', 'object'] });
    expect((await getSettings()).targetLang).toBe('en');
  });
});
