import { pageStatusChanged, registerReaderActions } from '@/utils/actions/reader-actions';
import { handleMessages } from '@/utils/messaging/protocol';
import { syncSiteRegistrations } from '@/utils/sites/access';
import { cancelOnNavigation, cancelTab, translateForTab } from '@/utils/engines/service';

export default defineBackground(() => {
  cancelOnNavigation();
  registerReaderActions();
  void syncSiteRegistrations();
  browser.permissions.onRemoved.addListener(() => void syncSiteRegistrations());
  handleMessages({
    translate: (message, sender) =>
      translateForTab({
        segments: message.segments,
        source: message.source,
        target: message.target,
        tabId: sender.tab?.id,
        pageUrl: sender.url,
      }),
    pageStatus: ({ status, target }, sender) => {
      if (sender.tab?.id !== undefined) void pageStatusChanged(sender.tab.id, status, target);
    },
    cancelTranslation: (_message, sender) => {
      if (sender.tab?.id !== undefined) cancelTab(sender.tab.id);
    },
  });
});
