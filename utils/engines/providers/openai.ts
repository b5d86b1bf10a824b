import { languageName } from '../../languages';
import {
  expectStrings,
  failure,
  requestJson,
  stringAt,
  trimBase,
  type HttpEngineSpec,
} from '../http';
import type { EngineLimits, TranslateRequest, TranslationEngine } from '../types';
import { defineEngine, originPattern } from '../descriptor';

/**
 * Any OpenAI-compatible chat completions server (OpenAI, Ollama, LM Studio, OpenRouter, …):
 * `POST {base}/chat/completions`, `Authorization: Bearer KEY` when a key is set, JSON
 * `{model, messages, temperature}` answering `{choices: [{message: {content}}]}`. Errors are
 * `{error: {message, type, code}}`; 429 with code `insufficient_quota` means no credit left.
 */
const LIMITS: EngineLimits = {
  // Small enough for a local 8k-token model to answer a whole batch in one reply.
  maxSegments: 20,
  maxChars: 6_000,
  concurrency: 2,
  requestsPerSecond: 2,
  burst: 2,
};

/** Bump when the prompt changes: cached translations of the old prompt are not reused. */
const PROMPT_VERSION = 1;

function systemPrompt(source: string, target: string): string {
  return [
    `You translate news text from ${languageName(source)} to ${languageName(target)}.`,
    'The user sends a JSON array of HTML fragments. Reply with only a JSON array of the same',
    'length: the translation of each fragment, in order.',
    'Keep every tag exactly as written, with its data-m attribute, around the words it marks',
    '(move it if the word order changes); never add, drop or duplicate a tag.',
    'Translate everything else; add no notes.',
  ].join(' ');
}

/** The array inside a reply, which models sometimes wrap in a Markdown code fence. */
function parseArray(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  try {
    return JSON.parse((fenced?.[1] ?? content).trim());
  } catch {
    return undefined;
  }
}

export class OpenAiEngine implements TranslationEngine {
  readonly id = 'openai';
  readonly name: string;
  readonly limits = LIMITS;
  readonly variant: string;
  private readonly spec: HttpEngineSpec;
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly model: string,
    private readonly apiKey: string,
    fetchImpl?: typeof fetch,
  ) {
    this.baseUrl = trimBase(baseUrl);
    this.name = `${model} (${new URL(this.baseUrl).host})`;
    this.variant = `${this.baseUrl}|${model}|prompt-${PROMPT_VERSION}`;
    this.spec = {
      name: this.name,
      fetchImpl,
      timeoutMs: 60_000, // LLMs answer a batch in tens of seconds, local ones slower still.
      detail: (body) => stringAt(body, 'error', 'message') ?? stringAt(body, 'error'),
      classify: (status, body) => {
        const code = stringAt(body, 'error', 'code') ?? stringAt(body, 'error', 'type');
        if (code === 'insufficient_quota') return 'quota';
        if (status === 404 || code === 'model_not_found') return 'unavailable';
        return undefined;
      },
      hints: {
        auth: 'Check the API key in Foreign Desk’s options.',
        quota: 'The account has no credit left; add some or choose another engine.',
        unavailable: `Check the model name (“${model}”) and that the server offers it.`,
        network: 'Is the server running? Check its address in Foreign Desk’s options.',
      },
    };
  }

  async supports(): Promise<boolean> {
    return true;
  }

  async translate(request: TranslateRequest): Promise<string[]> {
    const reply = await this.complete(request, request.segments);
    if (Array.isArray(reply) && reply.length === request.segments.length) {
      return expectStrings(this.spec, reply, request.segments.length);
    }
    // Models miscount long batches: one paragraph per request is slower but always lines up.
    if (request.segments.length === 1) {
      throw failure(this.spec, 'bad-reply', 'the answer is not a JSON array of one translation');
    }
    const out: string[] = [];
    for (const segment of request.segments) {
      const [single] = expectStrings(this.spec, await this.complete(request, [segment]), 1);
      out.push(single ?? '');
    }
    return out;
  }

  private async complete(request: TranslateRequest, segments: string[]): Promise<unknown> {
    const reply = await requestJson(
      this.spec,
      `${this.baseUrl}/chat/completions`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.model,
          temperature: 0,
          messages: [
            { role: 'system', content: systemPrompt(request.source, request.target) },
            { role: 'user', content: JSON.stringify(segments) },
          ],
        }),
      },
      request.signal,
    );
    const content = stringAt(reply, 'choices', 0, 'message', 'content');
    if (content === undefined) throw failure(this.spec, 'bad-reply', 'no message content');
    return parseArray(content);
  }
}

export const openAiEngine = defineEngine({
  id: 'openai',
  position: 80,
  label: 'engineOpenai',
  takesKey: true,
  settingsKey: 'openai',
  fields: {
    baseUrl: { kind: 'url', label: 'baseUrl', default: 'https://api.openai.com/v1' },
    model: { kind: 'text', label: 'model', default: 'gpt-4o-mini' },
  },
  limits: LIMITS,
  origins: ({ baseUrl }) => originPattern(baseUrl),
  create: ({ baseUrl, model }, key, deps) => new OpenAiEngine(baseUrl, model, key, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default openAiEngine;
declare module '../catalog' {
  interface EngineCatalog {
    openai: typeof openAiEngine;
  }
}
