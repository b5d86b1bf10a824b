import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS_VERSION } from '@/utils/settings/schema';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (version: number) =>
  JSON.parse(readFileSync(join(FIXTURES, `v${version}.json`), 'utf8')) as Record<string, unknown>;

/** The store as a new build loads it over what an older one left: migrations run on load. */
async function storeAfterUpdate() {
  vi.resetModules();
  return import('@/utils/settings/store');
}

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has a fixture for every earlier version', () => {
    const versions = readdirSync(FIXTURES).map((f) => Number(/^v(\d+)\.json$/.exec(f)?.[1]));
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(versions).toContain(v);
  });

  it('v1 → current: on becomes always, off becomes never, the engine address is kept', async () => {
    await fakeBrowser.storage.local.set(fixture(1));
    const settings = await (await storeAfterUpdate()).getSettings();
    expect(settings.sites).toEqual({ elpais: 'always', spiegel: 'never' });
    expect(settings.apertium.baseUrl).toBe('http://127.0.0.1:2737');
    expect(settings.displayMode).toBe('bilingual');
    const stored = await fakeBrowser.storage.local.get('settings$');
    expect(stored['settings$']).toEqual({ v: SETTINGS_VERSION });
  });
});
