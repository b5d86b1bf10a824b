import { expectStrings, failure, requestJson, stringAt, type HttpEngineSpec } from '../http';
import { googleLanguage } from './google-cloud';
import type { EngineLimits, TranslateRequest, TranslationEngine } from '../types';
import { defineEngine, NO_SETTINGS, originPattern } from '../descriptor';

/**
 * Google Translate without a key of the reader's: the endpoint behind Chrome's own "translate
 * this page" element, which free page-translation extensions use. Undocumented; facts from its
 * callers: `POST https://translate-pa.googleapis.com/v1/translateHtml`, body
 * `[[texts, source, target], "wt_lib"]` as `application/json+protobuf`, header `X-Goog-API-Key`
 * with the key the translate element itself ships; it answers `[translations, detected]` and
 * keeps HTML tags. Too many requests give 429 (or 403).
 */
const GOOGLE_WEB_URL = 'https://translate-pa.googleapis.com/v1/translateHtml';
/** The public key embedded in Google's page-translate element, not a key of ours or the reader's. */
const ELEMENT_KEY = 'AIzaSyATBXajvzQLTDHEQbcpq0Ihe0vWDHmO520';
/** The client name the translate element sends. */
const CLIENT = 'wt_lib';

const LIMITS: EngineLimits = {
  // No published limits; page-translation extensions keep requests near these sizes.
  maxSegments: 50,
  maxChars: 5_000,
  concurrency: 2,
  // Unofficial and shared by every reader: stay well below what gets an IP blocked.
  requestsPerSecond: 3,
  burst: 5,
};

export class GoogleWebEngine implements TranslationEngine {
  readonly id = 'google-web';
  readonly name = 'Google Translate';
  readonly limits = LIMITS;
  readonly variant = CLIENT;
  private readonly spec: HttpEngineSpec;

  constructor(
    private readonly url = GOOGLE_WEB_URL,
    fetchImpl?: typeof fetch,
  ) {
    this.spec = {
      name: this.name,
      fetchImpl,
      detail: (body) => stringAt(body, 'error', 'message'),
      // A 403 here is Google refusing the traffic, not a key of the reader's.
      classify: (status) => (status === 403 ? 'rate-limited' : undefined),
      hints: {
        'rate-limited':
          'Google is limiting free translations from this connection; try later or choose an engine with a key.',
      },
    };
  }

  async supports(): Promise<boolean> {
    return true;
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    const reply = await requestJson(
      this.spec,
      this.url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json+protobuf', 'X-Goog-API-Key': ELEMENT_KEY },
        body: JSON.stringify([[segments, googleLanguage(source), googleLanguage(target)], CLIENT]),
      },
      signal,
    );
    if (!Array.isArray(reply)) throw failure(this.spec, 'bad-reply', 'not a list');
    return expectStrings(this.spec, reply[0], segments.length);
  }
}

/** The default engine: its host is in the manifest's host_permissions (wxt.config.ts). */
export const googleWebEngine = defineEngine({
  id: 'google-web',
  position: 20,
  label: 'engineGoogleWeb',
  takesKey: false,
  ...NO_SETTINGS,
  limits: LIMITS,
  origins: () => originPattern(GOOGLE_WEB_URL),
  create: (_values, _key, deps) => new GoogleWebEngine(undefined, deps.fetchImpl),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default googleWebEngine;
declare module '../catalog' {
  interface EngineCatalog {
    'google-web': typeof googleWebEngine;
  }
}
