import { browser } from 'wxt/browser';
import { baseLanguage, languageName } from '../../languages';
import {
  AVAILABILITY_TIMEOUT_MS,
  CREATE_TIMEOUT_MS,
  OFFSCREEN_TARGET,
  TRANSLATE_TIMEOUT_MS,
  withTimeout,
  type Availability,
  type OffscreenReply,
  type OffscreenRequest,
} from '../chrome-offscreen';
import { fromPlaceholders, toPlaceholders } from '../markers';
import {
  EngineError,
  type EngineLimits,
  type TranslateRequest,
  type TranslationEngine,
} from '../types';
import { defineEngine, NO_SETTINGS } from '../descriptor';

/**
 * Chrome's on-device Translator API, through the offscreen document (see chrome-offscreen.ts).
 * Text only: inline markup travels as numbered placeholders and is mapped back to the tags.
 */
const LIMITS: EngineLimits = {
  // The offscreen page translates one paragraph per call anyway; a batch is one message.
  maxSegments: 20,
  maxChars: 5_000,
  // On-device: one model, calls run in turn.
  concurrency: 1,
  requestsPerSecond: 100,
  burst: 100,
};

/** Time for the offscreen document to start and pass a reply on, beyond the API's own. */
const OFFSCREEN_MARGIN_MS = 3_000;

/** Where the Translator API runs: the offscreen document, or a fake in tests. */
export interface TranslatorHost {
  request(message: OffscreenRequest): Promise<OffscreenReply>;
}

interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
}

/** The offscreen document host; undefined where the browser has no offscreen API (Firefox). */
export function offscreenHost(): TranslatorHost | undefined {
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  if (!offscreen) return undefined;
  let ready: Promise<void> | null = null;
  const ensure = () =>
    (ready ??= offscreen.hasDocument().then(async (has) => {
      if (has) return;
      await offscreen.createDocument({
        url: browser.runtime.getURL('/offscreen.html'),
        // No reason names the Translator API; it runs like a worker would, on the page's behalf.
        reasons: ['WORKERS'],
        justification: 'Runs Chrome’s on-device Translator API, which service workers lack.',
      });
    })).catch((error: unknown) => {
      ready = null;
      throw error;
    });
  return {
    async request(message) {
      await ensure();
      return (await browser.runtime.sendMessage(message)) as OffscreenReply;
    },
  };
}

export class ChromeTranslatorEngine implements TranslationEngine {
  readonly id = 'chrome';
  readonly name = 'Chrome on-device translator';
  readonly limits = LIMITS;
  readonly variant = 'on-device';

  constructor(private readonly host: TranslatorHost | undefined) {}

  private async call(message: OffscreenRequest): Promise<unknown> {
    if (!this.host) {
      throw new EngineError(
        'unavailable',
        `${this.name}: this browser has no on-device translator.`,
      );
    }
    const host = this.host;
    // The offscreen page times out each Translator call; this covers the page itself not
    // answering (being created, crashed), with a margin over its own timeouts.
    const limit =
      message.op === 'availability'
        ? AVAILABILITY_TIMEOUT_MS + OFFSCREEN_MARGIN_MS
        : CREATE_TIMEOUT_MS + TRANSLATE_TIMEOUT_MS * message.texts.length + OFFSCREEN_MARGIN_MS;
    const reply = await withTimeout(
      () => host.request(message),
      limit,
      'no answer from its offscreen document',
    ).catch((error: unknown): OffscreenReply => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }));
    if (!reply?.ok) {
      throw new EngineError('unavailable', `${this.name}: ${reply?.error ?? 'no answer'}.`);
    }
    return reply.value;
  }

  async availability(source: string, target: string): Promise<Availability> {
    const value = await this.call({
      target: OFFSCREEN_TARGET,
      op: 'availability',
      source: baseLanguage(source),
      to: baseLanguage(target),
    });
    return value as Availability;
  }

  async supports(source: string, target: string): Promise<boolean> {
    const availability = await this.availability(source, target);
    if (availability === 'available') return true;
    const pair = `${languageName(source)} → ${languageName(target)}`;
    if (availability === 'unavailable') {
      throw new EngineError('unsupported-pair', `${this.name} has no ${pair} language pack.`);
    }
    // Downloading a pack needs a click in an extension page (chrome-download.ts); the offscreen
    // document has none.
    throw new EngineError(
      'unavailable',
      `${this.name} needs the ${pair} language pack, which is ${availability === 'downloading' ? 'still downloading' : 'not downloaded yet'}.`,
    );
  }

  async translate({ segments, source, target, signal }: TranslateRequest): Promise<string[]> {
    if (signal?.aborted) throw new EngineError('cancelled', 'Translation was cancelled.');
    const held = segments.map(toPlaceholders);
    const value = await this.call({
      target: OFFSCREEN_TARGET,
      op: 'translate',
      source: baseLanguage(source),
      to: baseLanguage(target),
      texts: held.map((h) => h.text),
    });
    if (!Array.isArray(value) || value.length !== segments.length) {
      throw new EngineError('bad-reply', `${this.name} sent a malformed reply.`);
    }
    return value.map((text, i) => fromPlaceholders(String(text), held[i]?.tags ?? new Map()));
  }
}

export const chromeEngine = defineEngine({
  id: 'chrome',
  position: 10,
  label: 'engineChrome',
  takesKey: false,
  ...NO_SETTINGS,
  limits: LIMITS,
  // On-device: nothing leaves the browser.
  origins: () => [],
  create: (_values, _key, deps) => new ChromeTranslatorEngine(deps.chromeHost),
});

// The catalog (../catalog.ts) lists this file's default export and its type under the id.
export default chromeEngine;
declare module '../catalog' {
  interface EngineCatalog {
    chrome: typeof chromeEngine;
  }
}
