// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChromeTranslatorEngine, type TranslatorHost } from '@/utils/engines/providers/chrome';
import {
  CREATE_TIMEOUT_MS,
  AVAILABILITY_TIMEOUT_MS,
  createOffscreenHandler,
  OFFSCREEN_TARGET,
  type Availability,
} from '@/utils/engines/chrome-offscreen';
import { markersIntact } from '@/utils/engines/markers';
import { TranslationPipeline } from '@/utils/engines/pipeline';
import { MapCache } from './fakes';

afterEach(() => {
  vi.useRealTimers();
});

/** A Translator API that behaves like Chrome's: text in, text out, placeholders kept as symbols. */
function fakeTranslatorApi(availability: Availability, translate: (text: string) => string) {
  const created: string[] = [];
  return {
    created,
    api: {
      availability: async () => availability,
      create: async (o: { sourceLanguage: string; targetLanguage: string }) => {
        created.push(`${o.sourceLanguage}|${o.targetLanguage}`);
        return { translate: async (text: string) => translate(text), destroy() {} };
      },
    },
  };
}

/** The background side talking to the offscreen side directly, as runtime messaging would. */
const hostFor = (handle: ReturnType<typeof createOffscreenHandler>): TranslatorHost => ({
  request: (message) => handle(message),
});

describe('Chrome on-device translator (offscreen document)', () => {
  it('sends text with placeholders and rebuilds the same data-m tags from the reply', async () => {
    const seen: string[] = [];
    const { api } = fakeTranslatorApi('available', (text) => {
      seen.push(text);
      // Word order changes around the link, as real translation does.
      return text.replace('Lea ⟦0⟧la entrevista⟦/0⟧ & más', 'Read more & ⟦0⟧the interview⟦/0⟧');
    });
    const engine = new ChromeTranslatorEngine(hostFor(createOffscreenHandler(api)));
    expect(await engine.supports('es', 'en')).toBe(true);
    const source = 'Lea <a data-m="0">la entrevista</a> &amp; más<br data-m="1">';
    const [out] = await engine.translate({ segments: [source], source: 'es', target: 'en' });
    expect(seen).toEqual(['Lea ⟦0⟧la entrevista⟦/0⟧ & más⟦1/⟧']);
    expect(out).toBe('Read more &amp; <a data-m="0">the interview</a><br data-m="1">');
    expect(markersIntact(source, out!)).toBe(true);
  });

  it('a lost placeholder shows up as a broken marker the pipeline does not cache', async () => {
    const { api } = fakeTranslatorApi('available', (text) => text.replace(/⟦\/?0⟧/g, ''));
    const engine = new ChromeTranslatorEngine(hostFor(createOffscreenHandler(api)));
    const cache = new MapCache();
    const result = await new TranslationPipeline({ cache }).translate([engine], {
      segments: ['a <b data-m="0">b</b>'],
      source: 'es',
      target: 'en',
    });
    expect(markersIntact('a <b data-m="0">b</b>', result.translations[0]!)).toBe(false);
    expect(cache.entries.size).toBe(0);
  });

  it('explains a pack still to download, and a pair Chrome does not have', async () => {
    const downloadable = fakeTranslatorApi('downloadable', (t) => t);
    await expect(
      new ChromeTranslatorEngine(hostFor(createOffscreenHandler(downloadable.api))).supports(
        'es',
        'en',
      ),
    ).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining(
        'Spanish → English language pack, which is not downloaded yet',
      ),
    });
    expect(downloadable.created).toEqual([]); // create() needs a click the offscreen page lacks
    const missing = fakeTranslatorApi('unavailable', (t) => t);
    await expect(
      new ChromeTranslatorEngine(hostFor(createOffscreenHandler(missing.api))).supports('eu', 'en'),
    ).rejects.toMatchObject({ code: 'unsupported-pair' });
  });

  it('gives up on a create() or availability() that never resolves (Chromium offline)', async () => {
    vi.useFakeTimers();
    const never = new Promise<never>(() => {});
    const handle = createOffscreenHandler({
      availability: () => never,
      create: () => never,
    });
    const availability = handle({
      target: OFFSCREEN_TARGET,
      op: 'availability',
      source: 'es',
      to: 'en',
    });
    await vi.advanceTimersByTimeAsync(AVAILABILITY_TIMEOUT_MS);
    expect(await availability).toMatchObject({
      ok: false,
      error: expect.stringContaining('did not say'),
    });
    const translated = handle({
      target: OFFSCREEN_TARGET,
      op: 'translate',
      source: 'es',
      to: 'en',
      texts: ['hola'],
    });
    await vi.advanceTimersByTimeAsync(CREATE_TIMEOUT_MS);
    expect(await translated).toMatchObject({
      ok: false,
      error: expect.stringContaining('did not start'),
    });
  });

  it('says so where there is no on-device translator (Firefox)', async () => {
    await expect(new ChromeTranslatorEngine(undefined).supports('es', 'en')).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('no on-device translator'),
    });
    const handle = createOffscreenHandler(undefined);
    expect(
      await handle({ target: OFFSCREEN_TARGET, op: 'availability', source: 'es', to: 'en' }),
    ).toEqual({ ok: true, value: 'unavailable' });
  });

  it('gives up on an offscreen document that never answers', async () => {
    vi.useFakeTimers();
    const engine = new ChromeTranslatorEngine({ request: () => new Promise(() => {}) });
    const availability = engine.availability('es', 'en').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(AVAILABILITY_TIMEOUT_MS + 3_000);
    expect(await availability).toMatchObject({
      code: 'unavailable',
      message: 'Chrome on-device translator: no answer from its offscreen document.',
    });
  });
});
