// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KEYED_ENGINES } from '@/utils/engines/catalog';
import { getEngineKeys, setEngineKey } from '@/utils/engines/keys';
import { getSettings } from '@/utils/settings/store';

describe('engine keys', () => {
  it('are kept in the extension’s IndexedDB, one per engine, and never in the settings', async () => {
    await setEngineKey('deepl', '  abc:fx ');
    await setEngineKey('microsoft', 'ms-key');
    const others = KEYED_ENGINES.filter((id) => id !== 'deepl' && id !== 'microsoft');
    expect(await getEngineKeys()).toEqual({
      ...Object.fromEntries(others.map((id) => [id, ''])),
      deepl: 'abc:fx',
      microsoft: 'ms-key',
    });
    expect(others).toEqual(expect.arrayContaining(['libretranslate', 'google-cloud', 'openai']));
    expect(JSON.stringify(await getSettings())).not.toContain('abc:fx');
    await setEngineKey('deepl', '');
    expect((await getEngineKeys()).deepl).toBe('');
  });
});
