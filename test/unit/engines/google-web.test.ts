// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GoogleWebEngine } from '@/utils/engines/providers/google-web';
import { loopback, shout } from './loopback';

describe('Google Translate web endpoint contract', () => {
  it('posts [[texts, source, target], "wt_lib"] as json+protobuf with the element key', async () => {
    const server = await loopback((req) => {
      expect(req.method).toBe('POST');
      expect(req.url.pathname).toBe('/v1/translateHtml');
      expect(req.headers['content-type']).toBe('application/json+protobuf');
      expect(req.headers['x-goog-api-key']).toMatch(/^AIza/);
      const [[texts, source, target], client] = req.json as [[string[], string, string], string];
      expect([source, target, client]).toEqual(['es', 'en', 'wt_lib']);
      return { body: [texts.map(shout), texts.map(() => 'es')] };
    });
    const out = await new GoogleWebEngine(`${server.url}/v1/translateHtml`).translate({
      segments: ['uno', 'dos <code data-m="0">x</code>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['UNO', 'DOS <code data-m="0">X</code>']);
    expect(server.problems).toEqual([]);
  });

  it('reads 429 and 403 as Google limiting free use; 5xx as transient; odd bodies as bad', async () => {
    for (const status of [429, 403]) {
      const server = await loopback(() => ({ status, body: '<html>unusual traffic</html>' }));
      await expect(
        new GoogleWebEngine(server.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
      ).rejects.toMatchObject({
        code: 'rate-limited',
        message: expect.stringContaining('choose an engine with a key'),
      });
    }
    const down = await loopback(() => ({ status: 502, body: 'Bad Gateway' }));
    await expect(
      new GoogleWebEngine(down.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({ retryable: true });
    const odd = await loopback(() => ({ body: { translations: ['x'] } }));
    await expect(
      new GoogleWebEngine(odd.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({ code: 'bad-reply' });
  });
});
