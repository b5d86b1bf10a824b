// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LibreTranslateEngine } from '@/utils/engines/providers/libretranslate';
import { loopback, shout, type SeenRequest } from './loopback';

const LANGUAGES = [
  { code: 'en', name: 'English', targets: ['es', 'de'] },
  { code: 'es', name: 'Spanish', targets: ['en'] },
];

function server(onTranslate: (req: SeenRequest) => { status?: number; body?: unknown }) {
  return loopback((req) => {
    if (req.url.pathname === '/languages') {
      expect(req.method).toBe('GET');
      return { body: LANGUAGES };
    }
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/translate');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    return onTranslate(req);
  });
}

describe('LibreTranslate contract', () => {
  it('posts q[] with format=html and the api_key in the body; answers in order', async () => {
    const s = await server((req) => {
      const body = req.json as { q: string[]; source: string; target: string; format: string };
      expect(body).toMatchObject({ source: 'es', target: 'en', format: 'html', api_key: 'k-1' });
      return { body: { translatedText: body.q.map(shout) } };
    });
    const engine = new LibreTranslateEngine(`${s.url}/`, 'k-1');
    expect(await engine.supports('es-ES', 'en')).toBe(true);
    const out = await engine.translate({
      segments: ['uno', '<strong data-m="0">dos</strong>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['UNO', '<strong data-m="0">DOS</strong>']);
    expect(s.problems).toEqual([]);
  });

  it('sends no api_key when none is set, and names a pair the server lacks', async () => {
    const s = await server((req) => {
      expect(req.json).not.toHaveProperty('api_key');
      return { body: { translatedText: ['x'] } };
    });
    const engine = new LibreTranslateEngine(s.url, '');
    await engine.translate({ segments: ['x'], source: 'es', target: 'en' });
    await expect(engine.supports('es', 'de')).rejects.toMatchObject({
      code: 'unsupported-pair',
      message: expect.stringContaining('no Spanish → German'),
    });
    expect(s.problems).toEqual([]);
  });

  it('explains its documented errors: 400, 403 key, 429 limits, 500', async () => {
    const cases: [number, string, string, RegExp][] = [
      [403, 'Invalid API key', 'auth', /needs an API key/],
      [429, 'Too many request limits violation', 'rate-limited', /try again/],
      [500, 'Cannot translate text: boom', 'http', /boom/],
      [400, 'Invalid request: missing q parameter', 'http', /missing q/],
    ];
    for (const [status, error, code, message] of cases) {
      const s = await server(() => ({ status, body: { error } }));
      const failure = await new LibreTranslateEngine(s.url, '')
        .translate({ segments: ['x'], source: 'es', target: 'en' })
        .catch((e: unknown) => e);
      expect(failure).toMatchObject({ code, message: expect.stringMatching(message) });
      expect((failure as Error).message).toContain(error);
    }
    const odd = await server(() => ({ body: { translatedText: 'one string for two' } }));
    await expect(
      new LibreTranslateEngine(odd.url, '').translate({
        segments: ['a', 'b'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'bad-reply' });
  });
});
