import {
  expectStrings,
  missingKey,
  requestJson,
  stringAt,
  trimBase,
  type HttpEngineSpec,
} from '../http';
import type { EngineErrorCode, EngineLimits, TranslateRequest, TranslationEngine } from '../types';
import { defineEngine, originPattern, OWN_ADDRESS_FIELD } from '../descriptor';

/**
 * Microsoft Translator v3 (https://learn.microsoft.com/azure/ai-services/translator/reference/v3-0-translate):
 * `POST /translate?api-version=3.0&from=es&to=en&textType=html`, headers
 * `Ocp-Apim-Subscription-Key` and, for regional or multi-service resources,
 * `Ocp-Apim-Subscription-Region`; JSON body `[{Text}]` answering `[{translations: [{text, to}]}]`.
 * Errors are `{error: {code: 401000, message}}`; the six-digit code refines the HTTP status.
 */
const MICROSOFT_URL = 'https://api.cognitive.microsofttranslator.com';

const LIMITS: EngineLimits = {
  // Published: 1,000 array elements and 50,000 characters per request.
  maxSegments: 1_000,
  maxChars: 50_000,
  concurrency: 4,
  requestsPerSecond: 10,
  burst: 10,
};

const CODES: Record<string, EngineErrorCode> = {
  // Free tier's monthly quota used up.
  '403001': 'quota',
  // Invalid source or target language.
  '400035': 'unsupported-pair',
  '400036': 'unsupported-pair',
};

/** Microsoft names Chinese by script (`zh-Hans`), Portuguese of Portugal `pt-pt`. */
function microsoftLanguage(tag: string): string {
  const [base = '', region = ''] = tag.toLowerCase().split(/[-_]/);
  if (base === 'zh') return region === 'tw' || region === 'hant' ? 'zh-Hant' : 'zh-Hans';
  if (base === 'pt' && region === 'pt') return 'pt-pt';
  return base;
}

export class MicrosoftEngine implements TranslationEngine {
  readonly id = 'microsoft';
  readonly name = 'Microsoft Translator';
  readonly limits = LIMITS;
  readonly variant = 'v3';
  private readonly spec: HttpEngineSpec;
  private readonly baseUrl: string;

  constructor(
    private readonly apiKey: string,
    private readonly region: string,
    baseUrl = MICROSOFT_URL,
    fetchImpl?: typeof fetch,
  ) {
    this.baseUrl = trimBase(baseUrl);
    this.spec = {
      name: this.name,
      fetchImpl,
      detail: (body) => stringAt(body, 'error', 'message'),
      classify: (_status, body) => {
        const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
        return CODES[String(code)];
      },
      hints: {
        auth: 'Check the Translator key and its region (e.g. “westeurope”) in Foreign Desk’s options.',
        quota: 'The free tier’s monthly characters are used up; upgrade the resource or wait.',
      },
    };
  }

  async supports(): Promise<boolean> {
    // Microsoft translates between all its ~130 languages; an unknown code comes back as 400036.
    if (!this.apiKey) throw missingKey(this.name);
    return true;
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const query = new URLSearchParams({
      'api-version': '3.0',
      from: microsoftLanguage(source),
      to: microsoftLanguage(target),
      textType: 'html',
    });
    const reply = await requestJson(
      this.spec,
      `${this.baseUrl}/translate?${query}`,
      {
        method: 'POST',
        headers: {
          'Ocp-Apim-Subscription-Key': this.apiKey,
          ...(this.region ? { 'Ocp-Apim-Subscription-Region': this.region } : {}),
          'Content-Type': 'application/json; charset=UTF-8',
        },
        body: JSON.stringify(segments.map((Text) => ({ Text }))),
      },
      signal,
    );
    const texts = Array.isArray(reply)
      ? reply.map((item: unknown) => stringAt(item, 'translations', 0, 'text'))
      : reply;
    return expectStrings(this.spec, texts, segments.length);
  }
}

export const microsoftEngine = defineEngine({
  id: 'microsoft',
  position: 70,
  label: 'engineMicrosoft',
  takesKey: true,
  settingsKey: 'microsoft',
  fields: {
    /** The Azure resource's region (e.g. `westeurope`); empty for global resources. */
    region: { kind: 'text', label: 'region', default: '', optional: true, pattern: /^[a-z0-9]+$/i },
    baseUrl: OWN_ADDRESS_FIELD,
  },
  limits: LIMITS,
  origins: ({ baseUrl }) => originPattern(baseUrl || MICROSOFT_URL),
  create: ({ region, baseUrl }, key, deps) =>
    new MicrosoftEngine(key, region, baseUrl || undefined, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default microsoftEngine;
declare module '../catalog' {
  interface EngineCatalog {
    microsoft: typeof microsoftEngine;
  }
}
