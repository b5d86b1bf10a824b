import { browser } from 'wxt/browser';

/** Shared by every copy of the content script in a frame: the extension's own global, not the page's. */
const ANNOUNCED = Symbol.for('foreign-desk:content-script-starting');
type SharedGlobal = typeof globalThis & { [ANNOUNCED]?: number };

/**
 * WXT stops a running copy of a content script when a newer copy fires a "started" event on the
 * document; the page can fire it too, with the name it reads from the window message WXT posts
 * along with it, and so switch the extension off on its page. Copies of the script share one
 * global the page cannot reach: a copy says there that it is starting (call this before WXT sets
 * up its context), and a "started" event no copy announced is stopped before WXT hears it. Once
 * the extension is reloaded or updated (this copy has lost its runtime), every such event passes:
 * the new copy stops this one.
 */
export function guardScriptStartedEvent(): void {
  const shared = globalThis as SharedGlobal;
  const guarded = shared[ANNOUNCED] !== undefined;
  shared[ANNOUNCED] = (shared[ANNOUNCED] ?? 0) + 1;
  if (guarded) return;
  // WXT's name for the event (`getUniqueEventName`, not exported).
  const started = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  window.addEventListener(
    started,
    (event) => {
      if (!browser.runtime?.id) return;
      if (shared[ANNOUNCED]) shared[ANNOUNCED]--;
      else event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
