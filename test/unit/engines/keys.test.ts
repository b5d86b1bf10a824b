// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getEngineKeys, setEngineKey } from '@/utils/engines/keys';
import { getSettings } from '@/utils/settings/store';

describe('engine keys', () => {
  it('are kept in the extension’s IndexedDB, one per engine, and never in the settings', async () => {
    await setEngineKey('deepl', '  abc:fx ');
    await setEngineKey('microsoft', 'ms-key');
    expect(await getEngineKeys()).toEqual({
      libretranslate: '',
      deepl: 'abc:fx',
      'google-cloud': '',
      microsoft: 'ms-key',
      openai: '',
    });
    expect(JSON.stringify(await getSettings())).not.toContain('abc:fx');
    await setEngineKey('deepl', '');
    expect((await getEngineKeys()).deepl).toBe('');
  });
});
