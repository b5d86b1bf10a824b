import { baseLanguage } from '../languages';

/**
 * Downloads Chrome's on-device language pack for a pair. For extension pages (options, popup),
 * called from a click: while a pack is `downloadable`, `Translator.create()` needs a user
 * gesture, which the offscreen document that translates never has. Once the pack is installed,
 * the background's translator (chrome.ts) uses it.
 */

/** A download that reports no progress for this long has stalled (offline, blocked). */
export const DOWNLOAD_STALL_MS = 60_000;

const STALLED = 'The language pack download stopped making progress. Is this computer offline?';

interface TranslatorDownloadApi {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    signal?: AbortSignal;
    monitor?: (monitor: EventTarget) => void;
  }): Promise<{ destroy(): void }>;
}

/** `available` once the pack is installed; `unavailable` where Chrome has no such pack. */
export async function downloadLanguagePack(
  source: string,
  target: string,
  onProgress: (fraction: number) => void,
  api = (globalThis as { Translator?: TranslatorDownloadApi }).Translator,
): Promise<'available' | 'unavailable'> {
  if (!api) return 'unavailable';
  const languages = { sourceLanguage: baseLanguage(source), targetLanguage: baseLanguage(target) };
  if ((await api.availability(languages)) === 'unavailable') return 'unavailable';

  const controller = new AbortController();
  let rejectStalled: (error: Error) => void = () => {};
  const stalled = new Promise<never>((_, reject) => (rejectStalled = reject));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort();
      rejectStalled(new Error(STALLED));
    }, DOWNLOAD_STALL_MS);
  };
  arm();
  onProgress(0);
  try {
    const translator = await Promise.race([
      api.create({
        ...languages,
        signal: controller.signal,
        monitor: (monitor) =>
          monitor.addEventListener('downloadprogress', (event) => {
            arm();
            onProgress((event as Event & { loaded: number }).loaded);
          }),
      }),
      stalled,
    ]);
    // Only created to install the pack: the background makes its own.
    translator.destroy();
    onProgress(1);
    return 'available';
  } finally {
    clearTimeout(timer);
  }
}
