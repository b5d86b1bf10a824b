import { baseLanguage, languageName } from '../../languages';
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
 * LibreTranslate (https://docs.libretranslate.com): `POST /translate` with a JSON body
 * `{q: [...], source, target, format: 'html', api_key?}` answering `{translatedText: [...]}`;
 * `GET /languages` lists `{code, name, targets}`. Errors are `{error: "..."}` with 400, 403
 * (key), 429 (limits) or 500.
 */
const LIMITS: EngineLimits = {
  // Self-hosted servers default to no batch or character limit; the public one's limits are
  // per plan and unpublished, so stay at the size of a long article's screenful.
  maxSegments: 25,
  maxChars: 5_000,
  concurrency: 2,
  requestsPerSecond: 2,
  burst: 4,
};
const LANGUAGES_TTL_MS = 5 * 60_000;
/** The languages of libretranslate.com (Argos models), each to and from every other. */
const PUBLIC_LANGUAGES = new Set(
  'ar az bg bn ca cs da de el en eo es et eu fa fi fr ga gl he hi hu id it ja ko lt lv ms nb nl pl pt ro ru sk sl sq sr sv th tl tr uk ur vi zh'.split(
    ' ',
  ),
);

export class LibreTranslateEngine implements TranslationEngine {
  readonly id = 'libretranslate';
  readonly name = 'LibreTranslate';
  readonly limits = LIMITS;
  readonly variant: string;
  private readonly spec: HttpEngineSpec;
  private languages: { at: number; value: Map<string, string[]> } | null = null;

  constructor(
    baseUrl: string,
    private readonly apiKey: string,
    fetchImpl?: typeof fetch,
  ) {
    this.variant = trimBase(baseUrl);
    this.spec = {
      name: `LibreTranslate at ${this.variant}`,
      fetchImpl,
      detail: (body) => stringAt(body, 'error'),
      hints: {
        auth: apiKey
          ? 'Check the LibreTranslate API key in Foreign Desk’s options.'
          : 'This server needs an API key: add it in Foreign Desk’s options.',
      },
    };
  }

  knownToSupport(source: string, target: string): boolean {
    return PUBLIC_LANGUAGES.has(baseLanguage(source)) && PUBLIC_LANGUAGES.has(baseLanguage(target));
  }

  async supports(source: string, target: string, signal?: AbortSignal): Promise<boolean> {
    if (!this.languages || Date.now() - this.languages.at > LANGUAGES_TTL_MS) {
      const reply = await requestJson(this.spec, `${this.variant}/languages`, {}, signal);
      if (!Array.isArray(reply)) throw failure(this.spec, 'bad-reply', 'languages is not a list');
      const value = new Map<string, string[]>();
      for (const entry of reply as unknown[]) {
        const code = stringAt(entry, 'code');
        const targets = (entry as { targets?: unknown }).targets;
        if (code) value.set(code, Array.isArray(targets) ? targets.map(String) : []);
      }
      this.languages = { at: Date.now(), value };
    }
    const from = baseLanguage(source);
    const to = baseLanguage(target);
    if (this.languages.value.get(from)?.includes(to)) return true;
    throw failure(
      this.spec,
      'unsupported-pair',
      `no ${languageName(from)} → ${languageName(to)} on this server`,
    );
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const reply = await requestJson(
      this.spec,
      `${this.variant}/translate`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          q: segments,
          source: baseLanguage(source),
          target: baseLanguage(target),
          format: 'html',
          ...(this.apiKey ? { api_key: this.apiKey } : {}),
        }),
      },
      signal,
    );
    return expectStrings(
      this.spec,
      (reply as { translatedText?: unknown }).translatedText,
      segments.length,
    );
  }
}

export const libreTranslateEngine = defineEngine({
  id: 'libretranslate',
  position: 40,
  label: 'engineLibre',
  takesKey: true,
  settingsKey: 'libretranslate',
  fields: {
    baseUrl: { kind: 'url', label: 'baseUrl', default: 'https://libretranslate.com' },
  },
  limits: LIMITS,
  origins: ({ baseUrl }) => originPattern(baseUrl),
  create: ({ baseUrl }, key, deps) => new LibreTranslateEngine(baseUrl, key, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default libreTranslateEngine;
declare module '../catalog' {
  interface EngineCatalog {
    libretranslate: typeof libreTranslateEngine;
  }
}
