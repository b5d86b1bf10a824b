// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GoogleCloudEngine } from '@/utils/engines/providers/google-cloud';
import { loopback, shout } from './loopback';

const KEY = 'AIzaTestKey-123';

/** Google's documented error body. */
const googleError = (code: number, reason: string, message: string) => ({
  error: { code, message, errors: [{ message, domain: 'global', reason }], status: 'X' },
});

describe('Google Cloud Translation v2 contract', () => {
  it('posts q[] with format=html and the key as a query parameter; answers in order', async () => {
    const server = await loopback((req) => {
      expect(req.method).toBe('POST');
      expect(req.url.pathname).toBe('/language/translate/v2');
      expect(req.url.searchParams.get('key')).toBe(KEY);
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      const body = req.json as { q: string[]; source: string; target: string; format: string };
      expect(body).toMatchObject({ source: 'es', target: 'zh-CN', format: 'html' });
      expect(body.q.length).toBeLessThanOrEqual(128);
      return {
        body: { data: { translations: body.q.map((q) => ({ translatedText: shout(q) })) } },
      };
    });
    const out = await new GoogleCloudEngine(KEY, server.url).translate({
      segments: ['uno', 'dos <em data-m="0">tres</em>'],
      source: 'es-ES',
      target: 'zh',
    });
    expect(out).toEqual(['UNO', 'DOS <em data-m="0">TRES</em>']);
    expect(server.problems).toEqual([]);
  });

  it('tells a bad key (400 keyInvalid) from a spent quota (403 dailyLimitExceeded) and a rate limit', async () => {
    const cases: [number, string, string, string][] = [
      [400, 'keyInvalid', 'API key not valid. Please pass a valid API key.', 'auth'],
      [403, 'dailyLimitExceeded', 'Daily Limit Exceeded', 'quota'],
      [403, 'userRateLimitExceeded', 'User Rate Limit Exceeded', 'rate-limited'],
      [403, 'accessNotConfigured', 'Cloud Translation API has not been used', 'auth'],
      [400, 'invalid', 'Bad language pair: es|xx', 'unsupported-pair'],
    ];
    for (const [status, reason, message, code] of cases) {
      const server = await loopback(() => ({ status, body: googleError(status, reason, message) }));
      const error = await new GoogleCloudEngine(KEY, server.url)
        .translate({ segments: ['x'], source: 'es', target: 'en' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code, message: expect.stringContaining(message) });
    }
    const auth = await loopback(() => ({ status: 400, body: googleError(400, 'keyInvalid', 'k') }));
    await expect(
      new GoogleCloudEngine(KEY, auth.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('Cloud Translation API is enabled'),
    });
  });

  it('honours 429 Retry-After, retries 5xx, rejects malformed bodies, and needs a key', async () => {
    const busy = await loopback(() => ({ status: 429, headers: { 'Retry-After': '7' }, body: {} }));
    await expect(
      new GoogleCloudEngine(KEY, busy.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'rate-limited', retryAfterMs: 7000 });
    const down = await loopback(() => ({
      status: 500,
      body: googleError(500, 'backendError', 'b'),
    }));
    await expect(
      new GoogleCloudEngine(KEY, down.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ retryable: true });
    const odd = await loopback(() => ({ body: { data: { translations: [] } } }));
    await expect(
      new GoogleCloudEngine(KEY, odd.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'bad-reply', message: expect.stringContaining('expected 1') });
    await expect(new GoogleCloudEngine('').supports()).rejects.toMatchObject({ code: 'auth' });
  });
});
