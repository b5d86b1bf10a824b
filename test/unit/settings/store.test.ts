import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getSettings, setSiteMode } from '@/utils/settings/store';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores a site switch and reads it back', async () => {
    await setSiteMode('elpais', 'always');
    expect((await getSettings()).sites).toEqual({ elpais: 'always' });
    await setSiteMode('elpais', 'never');
    expect((await getSettings()).sites.elpais).toBe('never');
  });

  it('reads corrupt stored settings as defaults instead of failing', async () => {
    await fakeBrowser.storage.local.set({ settings: ['not', 'an', 'object'] });
    expect((await getSettings()).targetLang).toBe('en');
  });
});
