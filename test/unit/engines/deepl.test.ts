// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DeepLEngine,
  deeplBaseUrl,
  DEEPL_FREE_URL,
  DEEPL_PRO_URL,
} from '@/utils/engines/providers/deepl';
import { loopback, shout, type SeenRequest } from './loopback';

const KEY = 'f63c02c5-f056-4a9c-8e36-5d1d7c0b8d8b:fx';

/** DeepL's published request: POST /v2/translate, DeepL-Auth-Key header, JSON body. */
function checkRequest(req: SeenRequest) {
  expect(req.method).toBe('POST');
  expect(req.url.pathname).toBe('/v2/translate');
  expect(req.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
  expect(req.headers['content-type']).toMatch(/^application\/json/);
  const body = req.json as Record<string, unknown>;
  expect(body.tag_handling).toBe('html');
  expect(body.source_lang).toBe('ES');
  expect(body.target_lang).toBe('EN-US');
  expect(Array.isArray(body.text)).toBe(true);
  expect((body.text as string[]).length).toBeLessThanOrEqual(50);
  expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(128 * 1024);
  expect(req.headers.cookie).toBeUndefined();
}

const upper = (texts: string[]) =>
  texts.map((t) => ({ detected_source_language: 'ES', text: shout(t) }));

describe('DeepL contract', () => {
  it('picks the Free host for :fx keys and the Pro host otherwise', () => {
    expect(deeplBaseUrl(KEY)).toBe(DEEPL_FREE_URL);
    expect(deeplBaseUrl('abc')).toBe(DEEPL_PRO_URL);
  });

  it('sends one batch as DeepL documents it and returns translations in order, markers kept', async () => {
    const server = await loopback((req) => {
      checkRequest(req);
      return { body: { translations: upper((req.json as { text: string[] }).text) } };
    });
    const engine = new DeepLEngine(KEY, server.url);
    const out = await engine.translate({
      segments: ['hola', 'el <a data-m="0">mundo</a>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['HOLA', 'EL <a data-m="0">MUNDO</a>']);
    expect(server.problems).toEqual([]);
  });

  it('says what to do about a bad key (403), the quota (456) and too many requests (429)', async () => {
    const cases: [number, string, RegExp][] = [
      [403, 'auth', /refused the key.*Check the DeepL key/],
      [456, 'quota', /quota is used up.*renews/],
      [429, 'rate-limited', /too many requests/],
    ];
    for (const [status, code, message] of cases) {
      const server = await loopback(() => ({
        status,
        headers: status === 429 ? { 'Retry-After': '3' } : undefined,
        body: { message: 'from DeepL' },
      }));
      const error = await new DeepLEngine(KEY, server.url)
        .translate({ segments: ['hola'], source: 'es', target: 'en' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
      if (status === 429) expect(error).toMatchObject({ retryAfterMs: 3000, retryable: true });
    }
  });

  it('treats 5xx as transient and a malformed body as a bad reply', async () => {
    const down = await loopback(() => ({ status: 503, body: 'Service Unavailable' }));
    await expect(
      new DeepLEngine(KEY, down.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({ code: 'http', retryable: true });
    const garbled = await loopback(() => ({ body: { translations: [{ text: 1 }] } }));
    await expect(
      new DeepLEngine(KEY, garbled.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({ code: 'bad-reply' });
    const html = await loopback(() => ({ body: '<html>proxy</html>' }));
    await expect(
      new DeepLEngine(KEY, html.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({ code: 'bad-reply', message: expect.stringContaining('not JSON') });
  });

  it('asks for a key before sending anything, and names unsupported source languages', async () => {
    await expect(new DeepLEngine('').supports('es')).rejects.toMatchObject({
      code: 'auth',
      message: expect.stringContaining('needs an API key'),
    });
    await expect(new DeepLEngine(KEY).supports('eu')).rejects.toMatchObject({
      code: 'unsupported-pair',
    });
  });
});
