import { handleMessages } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import { getSettings, watchSettings } from '@/utils/settings/store';
import { siteMatchPatterns } from '@/utils/sites/registry';

export default defineContentScript({
  matches: siteMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    const controller = new PageController(document, location.href);
    handleMessages({
      getPageState: () => controller.getState(),
      setPageActive: ({ active }) => {
        void controller.setActive(active);
        return controller.getState();
      },
    });
    ctx.onInvalidated(watchSettings((settings) => void controller.apply(settings)));
    ctx.onInvalidated(() => controller.stop());
    await controller.apply(await getSettings());
  },
});
