// Chrome only: the Translator API is exposed to windows, not to the extension's service worker,
// so the background creates this offscreen document and sends it the text (utils/engines/chrome.ts).
import { browser } from 'wxt/browser';
import {
  createOffscreenHandler,
  OFFSCREEN_TARGET,
  type OffscreenRequest,
} from '@/utils/engines/chrome-offscreen';

const handle = createOffscreenHandler(
  (globalThis as { Translator?: Parameters<typeof createOffscreenHandler>[0] }).Translator,
);

browser.runtime.onMessage.addListener((message: unknown) => {
  if ((message as { target?: unknown } | null)?.target !== OFFSCREEN_TARGET) return undefined;
  return handle(message as OffscreenRequest);
});
