import { render } from 'preact';
import { PageControl } from '@/components/PageControl';
// Inlined: a file fetched by the page's content script must be web-accessible on that site,
// and sites the reader adds are not known when the manifest is built.
import controlCss from '@/components/page-control.css?inline';
import { handleMessages, sendToBackground } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import { getPageSettings, watchPageSettings } from '@/utils/settings/page';
import { siteMatchPatterns } from '@/utils/sites/registry';

export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const controller = new PageController(document, location.href);
    handleMessages({
      getPageState: () => controller.stateWithArticle(),
      pageCommand: ({ command }) => controller.command(command),
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
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      void controller.navigated(newUrl.href);
    });

    // The control follows the page's state, site mode included. Its own shadow root, not WXT's
    // createShadowRootUi, which would bring 7 KB of mounting options this one-element UI never uses.
    const host = document.createElement('foreign-desk-control');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = controlCss;
    const container = document.createElement('div');
    shadow.append(style, container);
    render(
      <PageControl
        initial={controller.getState()}
        subscribe={(listener) => controller.subscribe(listener)}
        command={(command) => controller.command(command)}
      />,
      container,
    );
    document.body.append(host);
    ctx.onInvalidated(() => {
      render(null, container);
      host.remove();
    });

    // Watched before the first read: a choice made in the popup while this script starts wins.
    ctx.onInvalidated(watchPageSettings((next) => void controller.apply(next)));
    await controller.applyFirst(await getPageSettings());
  },
});
