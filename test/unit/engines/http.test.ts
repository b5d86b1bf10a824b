import { describe, expect, it } from 'vitest';
import { requestJson, type HttpEngineSpec } from '@/utils/engines/http';

const spec = (fetchImpl: typeof fetch, timeoutMs?: number): HttpEngineSpec => ({
  name: 'Engine',
  fetchImpl,
  timeoutMs,
  detail: (body) => (body as { error?: string }).error,
});

describe('requestJson bounds what an engine can make the reader wait for and read', () => {
  it('gives up on an engine that never answers, and does not ask it again', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    await expect(requestJson(spec(hanging, 50), 'http://e.test', {})).rejects.toMatchObject({
      code: 'timeout',
      retryable: false,
    });
  });

  it('takes a reply over 1 MB for a broken one, declared or not', async () => {
    const big = '"' + 'x'.repeat(1_100_000) + '"';
    const chunked: typeof fetch = () => Promise.resolve(new Response(big));
    await expect(requestJson(spec(chunked), 'http://e.test', {})).rejects.toMatchObject({
      code: 'bad-reply',
    });
    const declared: typeof fetch = () =>
      Promise.resolve(new Response('"x"', { headers: { 'Content-Length': '5000000' } }));
    await expect(requestJson(spec(declared), 'http://e.test', {})).rejects.toMatchObject({
      code: 'bad-reply',
    });
  });

  it('keeps a few hundred characters of an engine’s error text, not all of it', async () => {
    const said = 'Quota exceeded. '.repeat(1_000);
    for (const body of [JSON.stringify({ error: said }), `<html><body>${said}</body></html>`]) {
      const failing: typeof fetch = () => Promise.resolve(new Response(body, { status: 500 }));
      const error = await requestJson(spec(failing), 'http://e.test', {}).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'http' });
      expect((error as Error).message).toContain('Quota exceeded.');
      expect((error as Error).message.length).toBeLessThan(500);
    }
  });
});
