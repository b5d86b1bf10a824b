import { handleMessages } from '@/utils/messaging/protocol';
import { cancelTab, translateForTab } from '@/utils/engines/service';

export default defineBackground(() => {
  handleMessages({
    translate: (message, sender) =>
      translateForTab({
        segments: message.segments,
        source: message.source,
        target: message.target,
        tabId: sender.tab?.id,
      }),
    cancelTranslation: (_message, sender) => {
      if (sender.tab?.id !== undefined) cancelTab(sender.tab.id);
    },
  });
});
