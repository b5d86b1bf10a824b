// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setEngineKey } from '@/utils/engines/keys';
import { cancelOnNavigation, prepareForTab, translateForTab } from '@/utils/engines/service';
import { updateSettings } from '@/utils/settings/store';
import { loopback, shout } from './loopback';

const PAIRS = {
  responseData: [{ sourceLanguage: 'spa', targetLanguage: 'eng' }],
  responseStatus: 200,
};

/** A stand-in APy whose /translate (or /listPairs) answers when `release` is called, or at once. */
async function apy(hold: 'translate' | 'listPairs' | false = false) {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const server = await loopback(async (req) => {
    if (req.url.pathname === '/listPairs') {
      if (hold === 'listPairs') await held;
      return { body: PAIRS };
    }
    if (hold === 'translate') await held;
    const q = new URLSearchParams(req.body).get('q') ?? '';
    return { body: { responseData: { translatedText: shout(q) }, responseStatus: 200 } };
  });
  return {
    ...server,
    release,
    translations: () => server.seen.filter((r) => r.url.pathname === '/translate'),
    pairLists: () => server.seen.filter((r) => r.url.pathname === '/listPairs'),
  };
}

/** The reader's engine is LibreTranslate with no fallback; APy, set up too, answers at `apyUrl`. */
function pickLibreTranslate(apyUrl: string) {
  return updateSettings((s) => ({
    ...s,
    engine: 'libretranslate',
    fallbackEngine: 'none',
    apertium: { baseUrl: apyUrl },
  }));
}

describe('translateForTab (the background’s entry)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    cancelOnNavigation();
  });

  it('translates one article with the engine the reader picked for it, the setting unchanged', async () => {
    const server = await apy();
    await pickLibreTranslate(server.url);
    const request = { segments: ['hola'], source: 'es', target: 'en', tabId: 2 };
    const picked = await translateForTab({ ...request, engine: 'apertium' });
    expect(picked).toMatchObject({ ok: true, engine: 'Apertium', translations: ['HOLA'] });
    expect(server.translations()).toHaveLength(1);
    // An id the catalog does not have is not an engine: the reader's own is used.
    const forged = await translateForTab({ ...request, engine: 'evil' as 'apertium' });
    expect(forged.engine).toMatch(/LibreTranslate/);
  });

  it('translates with the reader’s engine and answers a revisit from the cache', async () => {
    const server = await apy();
    await updateSettings((s) => ({ ...s, engine: 'apertium', apertium: { baseUrl: server.url } }));
    const segments = ['Hola <a data-m="0">mundo</a>', 'adiós'];
    const first = await translateForTab({ segments, source: 'es', target: 'en', tabId: 1 });
    expect(first).toMatchObject({
      ok: true,
      engine: 'Apertium',
      translations: ['HOLA <a data-m="0">MUNDO</a>', 'ADIÓS'],
      // The page sizes its messages by what one APy request carries.
      limits: { maxSegments: 100, maxChars: 8_000 },
    });
    expect(server.translations()).toHaveLength(1);
    const again = await translateForTab({ segments, source: 'es', target: 'en', tabId: 1 });
    expect(again).toMatchObject({ ok: true, translations: first.ok ? first.translations : [] });
    expect(server.translations()).toHaveLength(1);
    // What the pipeline counted stays in the background.
    expect(again).not.toHaveProperty('stats');
  });

  it('tells a page what one request carries before it sends any text, asking the engine nothing', async () => {
    const server = await apy();
    await pickLibreTranslate(server.url);
    const prepare = { source: 'es', target: 'en' };
    expect(await prepareForTab(prepare)).toEqual({ maxSegments: 25, maxChars: 5_000 });
    // The engine the reader picked for this page is the one sized.
    expect(await prepareForTab({ ...prepare, engine: 'apertium' })).toEqual({
      maxSegments: 100,
      maxChars: 8_000,
    });
    expect(server.seen).toHaveLength(0);
  });

  it('asks APy for its pairs once for messages in flight together, beside the first translation', async () => {
    const server = await apy('listPairs');
    await updateSettings((s) => ({ ...s, engine: 'apertium', apertium: { baseUrl: server.url } }));
    const pending = Promise.all(
      ['uno', 'dos'].map((segment) =>
        translateForTab({ segments: [segment], source: 'es', target: 'en', tabId: 2 }),
      ),
    );
    // Both texts are on their way while the pair list has not come back yet.
    while (server.translations().length < 2) await new Promise((r) => setTimeout(r, 5));
    server.release();
    expect(await pending).toMatchObject([
      { ok: true, translations: ['UNO'] },
      { ok: true, translations: ['DOS'] },
    ]);
    expect(server.pairLists()).toHaveLength(1);
  });

  it('keeps translating while the page rewrites its hash', async () => {
    const server = await apy('translate');
    await updateSettings((s) => ({ ...s, engine: 'apertium', apertium: { baseUrl: server.url } }));
    const pending = translateForTab({
      segments: ['sigue'],
      source: 'es',
      target: 'en',
      tabId: 6,
      pageUrl: 'https://elpais.com/una',
    });
    while (!server.translations().length) await new Promise((r) => setTimeout(r, 5));
    await fakeBrowser.tabs.onUpdated.trigger(6, { url: 'https://elpais.com/una#p3' }, {} as never);
    server.release();
    expect(await pending).toMatchObject({ ok: true, translations: ['SIGUE'] });
  });

  it('cancels a tab’s pending translation when the tab navigates', async () => {
    const server = await apy('translate');
    await updateSettings((s) => ({ ...s, engine: 'apertium', apertium: { baseUrl: server.url } }));
    const pending = translateForTab({
      segments: ['texto que no llega'],
      source: 'es',
      target: 'en',
      tabId: 7,
      pageUrl: 'https://elpais.com/una',
    });
    while (!server.translations().length) await new Promise((r) => setTimeout(r, 5));
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: 'https://elpais.com/otra' }, {} as never);
    try {
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    } finally {
      server.release();
    }
  });

  it('names the engines that can translate a pair the chosen one lacks, asking none of them', async () => {
    const server = await apy();
    const libre = await loopback(() => ({
      body: [{ code: 'de', name: 'German', targets: ['en'] }],
    }));
    await updateSettings((s) => ({
      ...s,
      engine: 'apertium',
      apertium: { baseUrl: server.url },
      libretranslate: { baseUrl: libre.url },
    }));
    const result = await translateForTab({ segments: ['Hallo Welt'], source: 'de', target: 'en' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-pair' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('no German → English pair');
    expect(message).toContain('Engines that translate German → English:');
    expect(message).toContain('Google Translate');
    expect(message).toContain('LibreTranslate');
    expect(message).toContain('DeepL (needs a key)');
    // The same engines by id, for the popup's one-click switch.
    const alternatives = result.ok ? [] : (result.error.alternatives ?? []);
    expect(alternatives).toContainEqual({
      id: 'google-web',
      name: 'Google Translate',
      needsKey: false,
    });
    expect(alternatives).toContainEqual({ id: 'deepl', name: 'DeepL', needsKey: true });
    // Named from what the extension knows: the reader did not choose LibreTranslate's server.
    expect(libre.seen).toHaveLength(0);
  });

  it('sends the reader’s key, from the background’s key store, to its engine only', async () => {
    const deepl = await loopback((req) => ({
      body: { translations: (req.json as { text: string[] }).text.map((text) => ({ text })) },
    }));
    await setEngineKey('deepl', 'secret:fx');
    await updateSettings((s) => ({ ...s, engine: 'deepl', deepl: { baseUrl: deepl.url } }));
    const result = await translateForTab({ segments: ['hola'], source: 'es', target: 'en' });
    expect(result).toMatchObject({ ok: true, engine: 'DeepL' });
    expect(deepl.seen[0]!.headers.authorization).toBe('DeepL-Auth-Key secret:fx');
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});
