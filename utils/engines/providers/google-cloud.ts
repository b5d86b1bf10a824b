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
 * Google Cloud Translation v2 (https://cloud.google.com/translate/docs/reference/rest/v2/translate):
 * `POST /language/translate/v2?key=KEY`, JSON `{q: [...], source, target, format: 'html'}`
 * answering `{data: {translations: [{translatedText}]}}`. Errors are
 * `{error: {code, message, errors: [{reason}]}}`: a bad key is a 400 with reason `keyInvalid`,
 * quotas are 403s with reasons such as `dailyLimitExceeded` or `userRateLimitExceeded`.
 */
const GOOGLE_CLOUD_URL = 'https://translation.googleapis.com';

const LIMITS: EngineLimits = {
  // Published: at most 128 strings per request, 5,000 characters per request recommended.
  maxSegments: 128,
  maxChars: 5_000,
  concurrency: 4,
  requestsPerSecond: 10,
  burst: 10,
};

const REASONS: Record<string, EngineErrorCode> = {
  keyInvalid: 'auth',
  keyExpired: 'auth',
  accessNotConfigured: 'auth',
  forbidden: 'auth',
  dailyLimitExceeded: 'quota',
  quotaExceeded: 'quota',
  userRateLimitExceeded: 'rate-limited',
  rateLimitExceeded: 'rate-limited',
};

/** Google names Chinese by script region and Hebrew by its old code in v2. */
export function googleLanguage(tag: string): string {
  const [base = '', region = ''] = tag.toLowerCase().split(/[-_]/);
  if (base === 'zh') return region === 'tw' || region === 'hant' ? 'zh-TW' : 'zh-CN';
  return base;
}

export class GoogleCloudEngine implements TranslationEngine {
  readonly id = 'google-cloud';
  readonly name = 'Google Cloud Translation';
  readonly limits = LIMITS;
  readonly variant = 'v2';
  private readonly spec: HttpEngineSpec;
  private readonly baseUrl: string;

  constructor(
    private readonly apiKey: string,
    baseUrl = GOOGLE_CLOUD_URL,
    fetchImpl?: typeof fetch,
  ) {
    this.baseUrl = trimBase(baseUrl);
    this.spec = {
      name: this.name,
      fetchImpl,
      detail: (body) => stringAt(body, 'error', 'message'),
      classify: (status, body) => {
        const reason = stringAt(body, 'error', 'errors', 0, 'reason') ?? '';
        if (REASONS[reason]) return REASONS[reason];
        const message = stringAt(body, 'error', 'message') ?? '';
        if (status === 400 && /language/i.test(message)) return 'unsupported-pair';
        return undefined;
      },
      hints: {
        auth: 'Check the Google Cloud API key in Foreign Desk’s options, and that the Cloud Translation API is enabled for its project.',
        quota:
          'The project’s daily quota is reached; raise it in the Google Cloud console or wait.',
      },
    };
  }

  async supports(): Promise<boolean> {
    // Google translates between all its ~130 languages; an unknown code comes back as a 400.
    if (!this.apiKey) throw missingKey(this.name);
    return true;
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const url = `${this.baseUrl}/language/translate/v2?key=${encodeURIComponent(this.apiKey)}`;
    const reply = await requestJson(
      this.spec,
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          q: segments,
          source: googleLanguage(source),
          target: googleLanguage(target),
          format: 'html',
        }),
      },
      signal,
    );
    const list = (reply as { data?: { translations?: unknown } }).data?.translations;
    const texts = Array.isArray(list)
      ? list.map((t: unknown) => stringAt(t, 'translatedText'))
      : list;
    return expectStrings(this.spec, texts, segments.length);
  }
}

export const googleCloudEngine = defineEngine({
  id: 'google-cloud',
  position: 60,
  label: 'engineGoogleCloud',
  takesKey: true,
  settingsKey: 'googleCloud',
  fields: {
    baseUrl: OWN_ADDRESS_FIELD,
  },
  limits: LIMITS,
  origins: ({ baseUrl }) => originPattern(baseUrl || GOOGLE_CLOUD_URL),
  create: ({ baseUrl }, key, deps) =>
    new GoogleCloudEngine(key, baseUrl || undefined, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default googleCloudEngine;
declare module '../catalog' {
  interface EngineCatalog {
    'google-cloud': typeof googleCloudEngine;
  }
}
