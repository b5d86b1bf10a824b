import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { presetTargetLanguage } from '@/utils/settings/first-run';
import { getSettings } from '@/utils/settings/store';
import { setSiteMode } from '@/utils/settings/page';

describe('target language preset on install', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the browser’s language when articles can be translated into it', async () => {
    await presetTargetLanguage('de-AT');
    expect((await getSettings()).targetLang).toBe('de');
    await presetTargetLanguage('zh-CN');
    expect((await getSettings()).targetLang).toBe('zh');
  });

  it('keeps the default for a language Foreign Desk does not translate into, and other settings', async () => {
    await setSiteMode('elpais', 'always');
    await presetTargetLanguage('fi-FI');
    const settings = await getSettings();
    expect(settings.targetLang).toBe('en');
    expect(settings.sites).toEqual({ elpais: 'always' });
  });
});
