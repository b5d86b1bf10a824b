import { handleMessages } from '@/utils/messaging/protocol';
import { cancelOnNavigation, cancelTab, translateForTab } from '@/utils/engines/service';

export default defineBackground(() => {
  cancelOnNavigation();
  handleMessages({
    translate: (message, sender) =>
      translateForTab({
        segments: message.segments,
        source: message.source,
        target: message.target,
        tabId: sender.tab?.id,
        pageUrl: sender.url,
      }),
    cancelTranslation: (_message, sender) => {
      if (sender.tab?.id !== undefined) cancelTab(sender.tab.id);
    },
  });
});
