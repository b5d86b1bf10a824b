/**
 * Chrome's on-device Translator API (Chrome 138+), served from the offscreen document: the API
 * is exposed to windows only, not to the extension's service worker, so the background asks the
 * offscreen page (entrypoints/offscreen) through runtime messages. Every call is guarded by a
 * timeout: offline, `availability()` says `downloadable` and `create()` never resolves.
 */

export const OFFSCREEN_TARGET = 'foreign-desk-offscreen';

/** Availability is a local lookup; longer means the browser is stuck. */
export const AVAILABILITY_TIMEOUT_MS = 5_000;
/** Creating a translator for an installed pack loads the model: a few seconds at most. */
export const CREATE_TIMEOUT_MS = 15_000;
/** One paragraph on-device takes well under a second; this catches a hung model. */
export const TRANSLATE_TIMEOUT_MS = 20_000;

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export type OffscreenRequest =
  | { target: typeof OFFSCREEN_TARGET; op: 'availability'; source: string; to: string }
  | {
      target: typeof OFFSCREEN_TARGET;
      op: 'translate';
      source: string;
      to: string;
      texts: string[];
    };

export type OffscreenReply = { ok: true; value: unknown } | { ok: false; error: string };

interface TranslatorInstance {
  translate(text: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

interface TranslatorStatic {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<Availability>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    signal?: AbortSignal;
  }): Promise<TranslatorInstance>;
}

/** Rejects with `message` when `promise` has not settled in `ms` (and aborts what it can). */
export function withTimeout<T>(
  start: (signal: AbortSignal) => Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      reject(new Error(message));
    }, ms);
    start(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Answers the background's Translator requests; returns whether it handled the message. */
export function createOffscreenHandler(api: TranslatorStatic | undefined) {
  const translators = new Map<string, Promise<TranslatorInstance>>();

  const translatorFor = (source: string, to: string) => {
    const key = `${source}|${to}`;
    let translator = translators.get(key);
    if (!translator) {
      translator = withTimeout(
        (signal) => api!.create({ sourceLanguage: source, targetLanguage: to, signal }),
        CREATE_TIMEOUT_MS,
        'the on-device translator did not start in time',
      );
      // A failed start is not kept: the next article tries again.
      translator.catch(() => translators.delete(key));
      translators.set(key, translator);
    }
    return translator;
  };

  return async (message: OffscreenRequest): Promise<OffscreenReply> => {
    try {
      if (!api) return { ok: true, value: 'unavailable' };
      if (message.op === 'availability') {
        const value = await withTimeout(
          () => api.availability({ sourceLanguage: message.source, targetLanguage: message.to }),
          AVAILABILITY_TIMEOUT_MS,
          'the on-device translator did not say whether it has this pair',
        );
        return { ok: true, value };
      }
      const translator = await translatorFor(message.source, message.to);
      const out: string[] = [];
      for (const text of message.texts) {
        out.push(
          await withTimeout(
            (signal) => translator.translate(text, { signal }),
            TRANSLATE_TIMEOUT_MS,
            'the on-device translator did not answer in time',
          ),
        );
      }
      return { ok: true, value: out };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
