// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApertiumEngine } from '@/utils/engines/providers/apertium';
import { loopback, shout, type SeenRequest } from './loopback';

const PAIRS = {
  responseData: [
    { sourceLanguage: 'spa', targetLanguage: 'eng' },
    { sourceLanguage: 'spa', targetLanguage: 'eng_US' },
    { sourceLanguage: 'eng', targetLanguage: 'spa' },
  ],
  responseDetails: null,
  responseStatus: 200,
};

/** APy's documented API: GET /listPairs; POST /translate, form-encoded, format=html. */
function apy(onTranslate: (q: string, req: SeenRequest) => { status?: number; body?: unknown }) {
  return loopback((req) => {
    if (req.url.pathname === '/listPairs') return { body: PAIRS };
    expect(req.url.pathname).toBe('/translate');
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(req.body);
    expect(form.get('langpair')).toBe('spa|eng');
    expect(form.get('format')).toBe('html');
    expect(form.get('markUnknown')).toBe('no');
    return onTranslate(form.get('q') ?? '', req);
  });
}

const ok = (translatedText: string) => ({
  body: { responseData: { translatedText }, responseDetails: null, responseStatus: 200 },
});

describe('Apertium APy contract', () => {
  it('sends a batch as one form-encoded HTML text and splits the reply in order', async () => {
    const server = await apy((q) => ok(shout(q)));
    const engine = new ApertiumEngine(`${server.url}/`);
    expect(await engine.supports('es', 'en')).toBe(true);
    const out = await engine.translate({
      segments: ['uno', 'dos <b data-m="0">tres</b>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['UNO', 'DOS <b data-m="0">TRES</b>']);
    expect(server.seen.filter((r) => r.url.pathname === '/translate')).toHaveLength(1);
    expect(server.problems).toEqual([]);
  });

  it('names the missing pair and what the server offers, before translating anything', async () => {
    const server = await apy((q) => ok(q));
    const error = await new ApertiumEngine(server.url)
      .supports('de', 'en')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'unsupported-pair',
      message: expect.stringMatching(/no German → English pair.*Spanish → English/),
    });
    expect(server.seen.some((r) => r.url.pathname === '/translate')).toBe(false);
  });

  it('asks for the pair list once for concurrent batches, and not again after a restart', async () => {
    const server = await apy((q) => ok(shout(q)));
    const listPairs = () => server.seen.filter((r) => r.url.pathname === '/listPairs');
    const engine = new ApertiumEngine(server.url);
    const checks = await Promise.all([
      engine.supports('es', 'en'),
      engine.supports('es', 'en'),
      engine.supports('en', 'es'),
    ]);
    expect(checks).toEqual([true, true, true]);
    expect(listPairs()).toHaveLength(1);
    // A new background worker (a new engine for the same server) finds it in session storage.
    expect(await new ApertiumEngine(server.url).supports('es', 'en')).toBe(true);
    expect(listPairs()).toHaveLength(1);
  });

  it('lets one batch give up waiting for the pair list without failing the others', async () => {
    const server = await apy((q) => ok(q));
    const engine = new ApertiumEngine(server.url);
    const cancelled = new AbortController();
    const first = engine.supports('es', 'en', cancelled.signal).catch((e: unknown) => e);
    const second = engine.supports('es', 'en');
    cancelled.abort();
    expect(await first).toMatchObject({ code: 'cancelled' });
    expect(await second).toBe(true);
    expect(server.seen.filter((r) => r.url.pathname === '/listPairs')).toHaveLength(1);
  });

  it('falls back to one request per segment when the reply loses a boundary', async () => {
    let first = true;
    const server = await apy((q) => {
      if (first) {
        first = false;
        return ok('merged');
      }
      return ok(shout(q));
    });
    const out = await new ApertiumEngine(server.url).translate({
      segments: ['<i data-m="0">a</i>', '<i data-m="0">b</i>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['<i data-m="0">A</i>', '<i data-m="0">B</i>']);
    expect(server.seen).toHaveLength(3);
  });

  it('reports HTTP errors with APy’s details, malformed replies, and a server that is down', async () => {
    const failing = await apy(() => ({
      status: 500,
      body: { responseDetails: 'boom', responseStatus: 500 },
    }));
    await expect(
      new ApertiumEngine(failing.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({
      code: 'http',
      retryable: true,
      message: expect.stringContaining('boom'),
    });

    const garbage = await apy(() => ({ body: '<html>proxy error</html>' }));
    await expect(
      new ApertiumEngine(garbage.url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({ code: 'bad-reply' });

    const gone = await loopback(() => ({}));
    const url = gone.url.replace(/:\d+$/, ':9');
    await expect(
      new ApertiumEngine(url).translate({ segments: ['x'], source: 'es', target: 'en' }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('Is the APy server running?'),
    });
  });
});
