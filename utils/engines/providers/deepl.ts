import { baseLanguage } from '../../languages';
import {
  expectStrings,
  failure,
  missingKey,
  requestJson,
  stringAt,
  trimBase,
  type HttpEngineSpec,
} from '../http';
import type { EngineLimits, TranslateRequest, TranslationEngine } from '../types';
import { defineEngine, originPattern, OWN_ADDRESS_FIELD } from '../descriptor';

/**
 * DeepL API (https://developers.deepl.com/docs/api-reference/translate): `POST /v2/translate`,
 * `Authorization: DeepL-Auth-Key KEY`, JSON `{text: [...], source_lang, target_lang,
 * tag_handling: 'html'}` answering `{translations: [{detected_source_language, text}]}`.
 * Free keys end in `:fx` and use api-free.deepl.com. 403 bad key, 456 quota, 429 too many.
 */
export const DEEPL_FREE_URL = 'https://api-free.deepl.com';
export const DEEPL_PRO_URL = 'https://api.deepl.com';

const LIMITS: EngineLimits = {
  // Published: 50 texts and 128 KiB per request. 30,000 UTF-16 units stay under 128 KiB even
  // at 3 UTF-8 bytes each plus JSON escaping.
  maxSegments: 50,
  maxChars: 30_000,
  concurrency: 3,
  requestsPerSecond: 5,
  burst: 5,
};

/** Source languages from DeepL's published list (GET /v2/languages?type=source). */
const SOURCES = new Set(
  'ar bg cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv th tr uk vi zh'.split(
    ' ',
  ),
);

export function deeplBaseUrl(apiKey: string): string {
  return apiKey.trim().endsWith(':fx') ? DEEPL_FREE_URL : DEEPL_PRO_URL;
}

/** DeepL wants a variant for English and Portuguese targets; plain EN and PT are deprecated. */
function deeplTarget(tag: string): string {
  const [base = '', region = ''] = tag.toLowerCase().split(/[-_]/);
  if (base === 'en') return region === 'gb' ? 'EN-GB' : 'EN-US';
  if (base === 'pt') return region === 'pt' ? 'PT-PT' : 'PT-BR';
  if (base === 'zh') return region === 'tw' || region === 'hant' ? 'ZH-HANT' : 'ZH-HANS';
  return base.toUpperCase();
}

export class DeepLEngine implements TranslationEngine {
  readonly id = 'deepl';
  readonly name = 'DeepL';
  readonly limits = LIMITS;
  readonly variant = 'v2';
  private readonly spec: HttpEngineSpec;
  private readonly baseUrl: string;

  constructor(
    private readonly apiKey: string,
    baseUrl?: string,
    fetchImpl?: typeof fetch,
  ) {
    this.baseUrl = trimBase(baseUrl || deeplBaseUrl(apiKey));
    this.spec = {
      name: 'DeepL',
      fetchImpl,
      detail: (body) => stringAt(body, 'message'),
      classify: (status) => (status === 413 ? 'bad-reply' : undefined),
      hints: {
        auth: 'Check the DeepL key in Foreign Desk’s options (Free keys end in “:fx”).',
        quota:
          'The monthly character quota (or the Pro cost-control limit) is reached; it renews with the billing period.',
      },
    };
  }

  async supports(source: string): Promise<boolean> {
    if (!this.apiKey) throw missingKey(this.name);
    if (SOURCES.has(baseLanguage(source))) return true;
    throw failure(this.spec, 'unsupported-pair', `it does not translate from ${source}`);
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const reply = await requestJson(
      this.spec,
      `${this.baseUrl}/v2/translate`,
      {
        method: 'POST',
        headers: {
          Authorization: `DeepL-Auth-Key ${this.apiKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          text: segments,
          source_lang: baseLanguage(source).toUpperCase(),
          target_lang: deeplTarget(target),
          tag_handling: 'html',
        }),
      },
      signal,
    );
    const translations = (reply as { translations?: unknown }).translations;
    const texts = Array.isArray(translations)
      ? translations.map((t: unknown) => stringAt(t, 'text'))
      : translations;
    return expectStrings(this.spec, texts, segments.length);
  }
}

export const deeplEngine = defineEngine({
  id: 'deepl',
  position: 50,
  label: 'engineDeepl',
  takesKey: true,
  settingsKey: 'deepl',
  fields: {
    baseUrl: OWN_ADDRESS_FIELD,
  },
  limits: LIMITS,
  // Which of its own two hosts depends on the key (Free or Pro): both are asked for.
  origins: ({ baseUrl }) =>
    baseUrl ? originPattern(baseUrl) : [DEEPL_FREE_URL, DEEPL_PRO_URL].flatMap(originPattern),
  create: ({ baseUrl }, key, deps) => new DeepLEngine(key, baseUrl || undefined, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default deeplEngine;
declare module '../catalog' {
  interface EngineCatalog {
    deepl: typeof deeplEngine;
  }
}
