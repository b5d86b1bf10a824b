import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageControl } from '@/components/PageControl';
// Inlined: a file fetched by the page's content script must be web-accessible on that site,
// and sites the reader adds are not known when the manifest is built.
import controlCss from '@/components/page-control.css?inline';
import { handleMessages, sendToBackground } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import { guardScriptStartedEvent } from '@/utils/page/forged-events';
import { getSettings, watchSettings } from '@/utils/settings/store';
import { siteMatchPatterns } from '@/utils/sites/registry';

// Before WXT sets up this copy's context, which announces it to the copies already running.
guardScriptStartedEvent();

export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
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

    // The control follows the page's state, site mode included.
    const ui = await createShadowRootUi(ctx, {
      name: 'foreign-desk-control',
      css: controlCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        render(
          <PageControl
            initial={controller.getState()}
            subscribe={(listener) => controller.subscribe(listener)}
            command={(command) => controller.command(command)}
          />,
          container,
        );
        return container;
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();

    // Watched before the first read: a choice made in the popup while this script starts wins.
    ctx.onInvalidated(watchSettings((next) => void controller.apply(next)));
    await controller.applyFirst(await getSettings());
  },
});
