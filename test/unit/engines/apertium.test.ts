import { describe, expect, it } from 'vitest';
import { ApertiumEngine, packBatches } from '@/utils/engines/apertium';
import { EngineError } from '@/utils/engines/types';

const PAIRS = {
  responseData: [
    { sourceLanguage: 'spa', targetLanguage: 'eng' },
    { sourceLanguage: 'spa', targetLanguage: 'eng_US' },
    { sourceLanguage: 'eng', targetLanguage: 'spa' },
  ],
  responseDetails: null,
  responseStatus: 200,
};

type Handler = (url: URL, body: URLSearchParams | null) => Response | Promise<Response>;

/** A fetch that answers like APy and records what the engine sent. */
function fakeApy(onTranslate: Handler) {
  const calls: { url: URL; method: string; body: URLSearchParams | null }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body instanceof URLSearchParams ? init.body : null;
    calls.push({ url, method: init?.method ?? 'GET', body });
    if (url.pathname.endsWith('/listPairs')) return Response.json(PAIRS);
    return onTranslate(url, body);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const echoUpper: Handler = (_url, body) =>
  Response.json({
    responseData: {
      translatedText: (body?.get('q') ?? '').replace(
        />([^<]*)</g,
        (_m, t: string) => `>${t.toUpperCase()}<`,
      ),
    },
    responseStatus: 200,
  });

describe('ApertiumEngine', () => {
  it('posts form-encoded HTML with the three-letter pair and keeps segment order', async () => {
    const { calls, fetchImpl } = fakeApy(echoUpper);
    const engine = new ApertiumEngine('http://127.0.0.1:2737/', fetchImpl);
    const out = await engine.translate({
      segments: ['uno', 'dos <b data-m="0">tres</b>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['UNO', 'DOS <b data-m="0">TRES</b>']);
    const translate = calls.filter((c) => c.url.pathname === '/translate');
    expect(translate).toHaveLength(1);
    expect(translate[0]!.method).toBe('POST');
    expect(translate[0]!.body?.get('langpair')).toBe('spa|eng');
    expect(translate[0]!.body?.get('format')).toBe('html');
    expect(translate[0]!.body?.get('markUnknown')).toBe('no');
  });

  it('names the missing pair and what the server offers', async () => {
    const { calls, fetchImpl } = fakeApy(echoUpper);
    const engine = new ApertiumEngine('http://127.0.0.1:2737', fetchImpl);
    const error = await engine
      .translate({ segments: ['Hallo'], source: 'de', target: 'en' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('unsupported-pair');
    expect(error.message).toContain('no German → English pair');
    expect(error.message).toContain('Spanish → English');
    expect(calls.some((c) => c.url.pathname === '/translate')).toBe(false);
  });

  it('falls back to one request per segment when the reply loses a boundary', async () => {
    let first = true;
    const { calls, fetchImpl } = fakeApy((url, body) => {
      if (first) {
        first = false;
        return Response.json({ responseData: { translatedText: 'merged' }, responseStatus: 200 });
      }
      return echoUpper(url, body);
    });
    const engine = new ApertiumEngine('http://apy.test', fetchImpl);
    const out = await engine.translate({
      segments: ['<i data-m="0">a</i>', '<i data-m="0">b</i>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['<i data-m="0">A</i>', '<i data-m="0">B</i>']);
    expect(calls.filter((c) => c.url.pathname === '/translate')).toHaveLength(3);
  });

  it('reports HTTP errors, malformed replies and unreachable servers as engine errors', async () => {
    const http500 = fakeApy(() =>
      Response.json({ responseDetails: 'boom', responseStatus: 500 }, { status: 500 }),
    );
    await expect(
      new ApertiumEngine('http://a.test', http500.fetchImpl).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'http', message: expect.stringContaining('boom') });

    const garbage = fakeApy(() => new Response('<html>proxy error</html>', { status: 200 }));
    await expect(
      new ApertiumEngine('http://a.test', garbage.fetchImpl).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'bad-reply' });

    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(
      new ApertiumEngine('http://a.test', down).translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('Cannot reach Apertium'),
    });
  });
});

describe('packBatches', () => {
  it('keeps order and size limits, a long segment alone', () => {
    expect(packBatches(['aaaa', 'bb', 'cccccccc', 'd'], 6)).toEqual([
      ['aaaa', 'bb'],
      ['cccccccc'],
      ['d'],
    ]);
  });
});
