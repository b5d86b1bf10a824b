import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { controlShows, mountPageControl } from '@/components/page-control';
// Inlined: a file fetched by the page's content script must be web-accessible on that site,
// and sites the reader adds are not known when the manifest is built.
import controlCss from '@/components/page-control.css?inline';
import { handleMessages, sendToBackground } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import { guardScriptStartedEvent } from '@/utils/page/forged-events';
import { getPageSettings, watchPageSettings } from '@/utils/settings/page';
import { CONTENT_SCRIPT_RUN_AT, siteMatchPatterns } from '@/utils/sites/registry';

/** The control is built this long after it has something to show at the latest, idle or not. */
const CONTROL_LATEST_MS = 500;

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

// Before WXT sets up this copy's context, which announces it to the copies already running.
guardScriptStartedEvent();

export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: CONTENT_SCRIPT_RUN_AT,
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Text, JSON, images and PDFs open as documents too: no article there, and nothing of ours
    // belongs in them.
    if (!HTML_TYPES.has(document.contentType) || !document.body) return;
    // Asked first: nothing is decided before the settings are in.
    const firstSettings = getPageSettings();
    const controller = new PageController(document, location.href);
    handleMessages({
      getPageState: () => controller.stateWithArticle(),
      pageCommand: ({ command }) => controller.command(command),
      useEngineForPage: ({ engine }) => controller.useEngine(engine),
    });
    ctx.onInvalidated(() => controller.stop());
    // The toolbar badge and the context menu follow the page's state.
    let reported = '';
    ctx.onInvalidated(
      controller.subscribe(({ status, target }) => {
        if (status === reported) return;
        reported = status;
        void sendToBackground('pageStatus', { status, target }).catch(() => undefined);
      }),
    );
    // The page can fire this event too, but not with the new address (a property of WXT's own
    // event, which the page's scripts cannot set on an event this script sees).
    let address = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (!(newUrl instanceof URL) || newUrl.href === address) return;
      address = newUrl.href;
      void controller.navigated(address);
    });

    // The control follows the page's state, site mode included. Built once it has something to
    // show, so never on a site set to Never (its DOM interfaces, icon and strings would stay in
    // this world's heap for nothing), and then when the page is idle after the first request
    // went out (the article's blocks are counted): not in the way of detection and that
    // request, which the reader waits for.
    const awaitControl = controller.subscribe((state) => {
      const requestOut = state.status !== 'translating' || state.progress.total > 0;
      if (!controlShows(state) || !requestOut) return;
      awaitControl();
      ctx.requestIdleCallback(() => mountControl(ctx, controller), {
        timeout: CONTROL_LATEST_MS,
      });
    });
    ctx.onInvalidated(awaitControl);

    // Watched in the same task as the first read began (no change can be reported between the
    // two): a choice made in the popup while this script starts wins.
    ctx.onInvalidated(watchPageSettings((next) => void controller.apply(next)));
    await controller.applyFirst(await firstSettings);
  },
});

/** The page control, in a shadow root of its own: not WXT's createShadowRootUi, which would
 * bring 7 KB of mounting options this one-element UI never uses. */
function mountControl(ctx: ContentScriptContext, controller: PageController): void {
  const host = document.createElement('foreign-desk-control');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = controlCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  const unmount = mountPageControl(container, {
    initial: controller.getState(),
    subscribe: (listener) => controller.subscribe(listener),
    command: (command) => controller.command(command),
  });
  controller.adopt(host);
  document.body.append(host);
  ctx.onInvalidated(() => {
    unmount();
    host.remove();
  });
}
