import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageControl } from '@/components/PageControl';
// Inlined: a file fetched by the page's content script must be web-accessible on that site,
// and sites the reader adds are not known when the manifest is built.
import controlCss from '@/components/page-control.css?inline';
import { handleMessages, sendToBackground } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import type { Settings } from '@/utils/settings/schema';
import { getSettings, siteModeOf, watchSettings } from '@/utils/settings/store';
import { siteMatchPatterns } from '@/utils/sites/registry';

export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const controller = new PageController(document, location.href);
    handleMessages({
      getPageState: () => controller.getState(),
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

    // Watched before the first read: a choice made in the popup while this script starts (between
    // reading the settings and mounting the control) must not be lost.
    let latest: Settings | null = null;
    let offer = false;
    const control = { redraw: () => {} };
    ctx.onInvalidated(
      watchSettings((next) => {
        latest = next;
        offer = siteModeOf(next, controller.getState().siteKey) === 'ask';
        control.redraw();
        void controller.apply(next);
      }),
    );
    const settings = await getSettings();
    offer = siteModeOf(latest ?? settings, controller.getState().siteKey) === 'ask';
    let root: HTMLElement | null = null;
    const ui = await createShadowRootUi(ctx, {
      name: 'foreign-desk-control',
      css: controlCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => {
        root = container;
        const draw = () =>
          render(
            <PageControl
              initial={controller.getState()}
              subscribe={(listener) => controller.subscribe(listener)}
              command={(command) => controller.command(command)}
              offer={offer}
            />,
            container,
          );
        draw();
        return draw;
      },
      onRemove: () => root && render(null, root),
    });
    ui.mount();
    control.redraw = () => ui.mounted?.();
    await controller.apply(latest ?? settings);
  },
});
