import { pageStatusChanged, registerReaderActions } from '@/utils/actions/reader-actions';
import { handleMessages } from '@/utils/messaging/protocol';
import { syncSiteRegistrations } from '@/utils/sites/access';
import {
  automaticEngineFor,
  engineNames,
  cancelOnNavigation,
  prepareForTab,
  cancelTab,
  translateForTab,
} from '@/utils/engines/service';
import { getEngineKeys } from '@/utils/engines/keys';
import { testEngine } from '@/utils/engines/test-connection';
import { parseSettings } from '@/utils/settings/schema';
import { presetTargetLanguage } from '@/utils/settings/first-run';
import { watchSettings } from '@/utils/settings/store';

export default defineBackground(() => {
  cancelOnNavigation();
  registerReaderActions();
  void syncSiteRegistrations();
  browser.permissions.onRemoved.addListener(() => void syncSiteRegistrations());
  // First run: the target language preset from the browser's, then the welcome page, once.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install') return;
    await presetTargetLanguage(browser.i18n.getUILanguage());
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // A mode chosen anywhere (options, the page's control) registers or unregisters at once.
  watchSettings(() => void syncSiteRegistrations());
  handleMessages({
    translate: (message, sender) =>
      translateForTab({
        segments: message.segments,
        source: message.source,
        target: message.target,
        engine: message.engine,
        tabId: sender.tab?.id,
        pageUrl: sender.url,
      }),
    prepareTranslation: ({ source, target, engine }) => prepareForTab({ source, target, engine }),
    pageStatus: ({ status, target }, sender) => {
      if (sender.tab?.id !== undefined) void pageStatusChanged(sender.tab.id, status, target);
    },
    // Receiving it is the point: it keeps Firefox's background alive for a slow engine.
    stillWaiting: () => undefined,
    cancelTranslation: (_message, sender) => {
      if (sender.tab?.id !== undefined) cancelTab(sender.tab.id);
    },
    // Only the extension's own pages (options) may test engines with a key they pass in.
    testEngine: async ({ engine, settings, key }, sender) => {
      if (sender.tab && !sender.url?.startsWith(browser.runtime.getURL('/'))) {
        return { ok: false, code: 'internal', message: 'Not allowed' };
      }
      const parsed = parseSettings(settings);
      const keys = await getEngineKeys();
      if (key && engine in keys) (keys as Record<string, string>)[engine] = key;
      return testEngine(engine, parsed, keys, parsed.targetLang);
    },
    automaticEngine: ({ target }) => automaticEngineFor(target),
    engineNames: () => engineNames(),
  });
});
