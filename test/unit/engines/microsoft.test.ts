// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MicrosoftEngine } from '@/utils/engines/providers/microsoft';
import { loopback, shout } from './loopback';

const KEY = '0123456789abcdef0123456789abcdef';

const msError = (code: number, message: string) => ({ error: { code, message } });

describe('Microsoft Translator v3 contract', () => {
  it('posts [{Text}] with api-version, from, to, textType=html, key and region headers', async () => {
    const server = await loopback((req) => {
      expect(req.method).toBe('POST');
      expect(req.url.pathname).toBe('/translate');
      expect(Object.fromEntries(req.url.searchParams)).toEqual({
        'api-version': '3.0',
        from: 'es',
        to: 'zh-Hans',
        textType: 'html',
      });
      expect(req.headers['ocp-apim-subscription-key']).toBe(KEY);
      expect(req.headers['ocp-apim-subscription-region']).toBe('westeurope');
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      const body = req.json as { Text: string }[];
      expect(body.length).toBeLessThanOrEqual(1000);
      expect(body.reduce((n, b) => n + b.Text.length, 0)).toBeLessThanOrEqual(50_000);
      return {
        body: body.map((b) => ({ translations: [{ text: shout(b.Text), to: 'zh-Hans' }] })),
      };
    });
    const out = await new MicrosoftEngine(KEY, 'westeurope', server.url).translate({
      segments: ['uno', 'dos<br data-m="0">tres'],
      source: 'es',
      target: 'zh-CN',
    });
    expect(out).toEqual(['UNO', 'DOS<br data-m="0">TRES']);
    expect(server.problems).toEqual([]);
  });

  it('omits the region header for global resources', async () => {
    const server = await loopback((req) => {
      expect(req.headers['ocp-apim-subscription-region']).toBeUndefined();
      return { body: [{ translations: [{ text: 'x', to: 'en' }] }] };
    });
    await new MicrosoftEngine(KEY, '', server.url).translate({
      segments: ['x'],
      source: 'es',
      target: 'en',
    });
    expect(server.problems).toEqual([]);
  });

  it('reads its six-digit error codes: bad key, free quota, 429, bad language', async () => {
    const cases: [number, number, string, string][] = [
      [
        401,
        401000,
        'The request is not authorized because credentials are missing or invalid.',
        'auth',
      ],
      [
        403,
        403001,
        'The operation is not allowed because the subscription has exceeded its free quota.',
        'quota',
      ],
      [
        429,
        429001,
        'The server rejected the request because the client has exceeded request limits.',
        'rate-limited',
      ],
      [400, 400036, 'The target language is not valid.', 'unsupported-pair'],
    ];
    for (const [status, code, message, expected] of cases) {
      const server = await loopback(() => ({ status, body: msError(code, message) }));
      const error = await new MicrosoftEngine(KEY, 'westeurope', server.url)
        .translate({ segments: ['x'], source: 'es', target: 'en' })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: expected, message: expect.stringContaining(message) });
    }
  });

  it('passes on the Retry-After of a 429', async () => {
    const busy = await loopback(() => ({
      status: 429,
      headers: { 'Retry-After': '12' },
      body: msError(
        429000,
        'The server rejected the request because the client has exceeded request limits.',
      ),
    }));
    await expect(
      new MicrosoftEngine(KEY, '', busy.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'rate-limited', retryAfterMs: 12_000, retryable: true });
  });

  it('retries 5xx, rejects malformed bodies, and needs a key', async () => {
    const down = await loopback(() => ({ status: 503, body: msError(503000, 'busy') }));
    await expect(
      new MicrosoftEngine(KEY, '', down.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'http', retryable: true });
    const odd = await loopback(() => ({ body: [{ translations: [] }] }));
    await expect(
      new MicrosoftEngine(KEY, '', odd.url).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'bad-reply' });
    await expect(new MicrosoftEngine('', '').supports()).rejects.toMatchObject({
      message: expect.stringContaining('needs an API key'),
    });
  });
});
