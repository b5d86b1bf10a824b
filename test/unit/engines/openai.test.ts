// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { OpenAiEngine } from '@/utils/engines/providers/openai';
import { loopback, shout, type SeenRequest } from './loopback';

type Chat = { model: string; messages: { role: string; content: string }[]; temperature: number };

const reply = (content: string) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});

function checkRequest(req: SeenRequest, key?: string) {
  expect(req.method).toBe('POST');
  expect(req.url.pathname).toBe('/v1/chat/completions');
  expect(req.headers.authorization).toBe(key ? `Bearer ${key}` : undefined);
  const body = req.json as Chat;
  expect(body.model).toBe('llama3.2');
  expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
  expect(body.messages[0]!.content).toContain('Spanish to English');
  expect(body.messages[0]!.content).toContain('data-m');
  return JSON.parse(body.messages[1]!.content) as string[];
}

describe('OpenAI-compatible chat completions contract', () => {
  it('sends the batch as a JSON array and reads the array back, fenced or not', async () => {
    const server = await loopback((req) => {
      const texts = checkRequest(req, 'sk-test');
      return { body: reply('```json\n' + JSON.stringify(texts.map(shout)) + '\n```') };
    });
    const engine = new OpenAiEngine(`${server.url}/v1/`, 'llama3.2', 'sk-test');
    const out = await engine.translate({
      segments: ['uno', 'dos <a data-m="0">tres</a>'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['UNO', 'DOS <a data-m="0">TRES</a>']);
    expect(engine.variant).toContain('llama3.2');
    expect(server.problems).toEqual([]);
  });

  it('sends no Authorization without a key (Ollama, LM Studio)', async () => {
    const server = await loopback((req) => {
      checkRequest(req);
      return { body: reply('["X"]') };
    });
    await new OpenAiEngine(`${server.url}/v1`, 'llama3.2', '').translate({
      segments: ['x'],
      source: 'es',
      target: 'en',
    });
    expect(server.problems).toEqual([]);
  });

  it('falls back to one paragraph per request when the model miscounts', async () => {
    const server = await loopback((req) => {
      const texts = checkRequest(req);
      // Merges the batch into one item; answers singles correctly.
      return {
        body: reply(JSON.stringify(texts.length > 1 ? [texts.join(' ')] : texts.map(shout))),
      };
    });
    const out = await new OpenAiEngine(`${server.url}/v1`, 'llama3.2', '').translate({
      segments: ['a', 'b', 'c'],
      source: 'es',
      target: 'en',
    });
    expect(out).toEqual(['A', 'B', 'C']);
    expect(server.seen).toHaveLength(4);
  });

  it('explains bad keys, no credit, rate limits, unknown models and prose replies', async () => {
    const cases: [number, unknown, string][] = [
      [
        401,
        {
          error: {
            message: 'Incorrect API key provided',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        },
        'auth',
      ],
      [
        429,
        {
          error: {
            message: 'You exceeded your current quota',
            type: 'insufficient_quota',
            code: 'insufficient_quota',
          },
        },
        'quota',
      ],
      [
        429,
        { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
        'rate-limited',
      ],
      [
        404,
        { error: { message: 'model "llama9" not found, try pulling it first' } },
        'unavailable',
      ],
    ];
    for (const [status, body, code] of cases) {
      const server = await loopback(() => ({ status, body }));
      await expect(
        new OpenAiEngine(`${server.url}/v1`, 'llama3.2', 'k').translate({
          segments: ['x'],
          source: 'es',
          target: 'en',
        }),
      ).rejects.toMatchObject({ code });
    }
    const busy = await loopback(() => ({
      status: 429,
      headers: { 'Retry-After': '20' },
      body: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } },
    }));
    await expect(
      new OpenAiEngine(`${busy.url}/v1`, 'llama3.2', '').translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'rate-limited', retryAfterMs: 20_000 });
    const down = await loopback(() => ({ status: 503, body: 'upstream connect error' }));
    await expect(
      new OpenAiEngine(`${down.url}/v1`, 'llama3.2', '').translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'http', retryable: true });
    const chatty = await loopback(() => ({ body: reply('Sure! Here is the translation: X') }));
    await expect(
      new OpenAiEngine(`${chatty.url}/v1`, 'llama3.2', '').translate({
        segments: ['x'],
        source: 'es',
        target: 'en',
      }),
    ).rejects.toMatchObject({ code: 'bad-reply' });
  });
});
