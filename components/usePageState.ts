import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToTab } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';
import type { Settings } from '@/utils/settings/schema';
import { siteKey } from '@/utils/settings/site-key';
import { getSettings, watchSettings } from '@/utils/settings/store';

/** How often the popup asks the page for progress while it translates. */
const POLL_MS = 400;
/** A page that has not answered in this long is busy: keep what is shown and ask again. */
const ANSWER_TIMEOUT_MS = 5_000;

const NO_ANSWER = Symbol('no answer');

function withinTimeout<T>(answer: Promise<T>): Promise<T | typeof NO_ANSWER> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof NO_ANSWER>((resolve) => {
    timer = setTimeout(() => resolve(NO_ANSWER), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

export interface PopupData {
  tabId: number | null;
  tabUrl: string | null;
  siteKey: string | null;
  settings: Settings | null;
  /** `undefined` while loading, `null` when no content script answers on this tab. */
  page: PageState | null | undefined;
  /** Shows a state the popup just received (after an action) without waiting for the next poll. */
  refresh: (page: PageState) => void;
}

/** The tab the popup is about: the one named in `?tab=`, else the active tab. */
async function resolveTab(tabId: number | null) {
  if (tabId !== null) return browser.tabs.get(tabId);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

export function usePageState(tabIdParam: number | null): PopupData {
  const [data, setData] = useState<Omit<PopupData, 'refresh'>>({
    tabId: tabIdParam,
    tabUrl: null,
    siteKey: null,
    settings: null,
    page: undefined,
  });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unwatch = watchSettings((settings) => setData((d) => ({ ...d, settings })));

    const poll = async (tabId: number) => {
      let page: PageState | null | typeof NO_ANSWER;
      try {
        page = await withinTimeout(sendToTab(tabId, 'getPageState', {}));
        // The popup shows the whole article, so the page translates beyond the viewport too.
        if (page !== NO_ANSWER && page.status === 'translating') {
          page = await withinTimeout(sendToTab(tabId, 'pageCommand', { command: 'translate-all' }));
        }
      } catch {
        page = null;
      }
      if (stopped) return;
      if (page !== NO_ANSWER) setData((d) => ({ ...d, page }));
      timer = setTimeout(() => void poll(tabId), POLL_MS);
    };

    void (async () => {
      const [tab, settings] = await Promise.all([resolveTab(tabIdParam), getSettings()]);
      if (stopped) return;
      const url = tab?.url ?? null;
      const host = url ? new URL(url).hostname : null;
      setData((d) => ({
        ...d,
        tabId: tab?.id ?? null,
        tabUrl: url,
        siteKey: host ? siteKey(host) : null,
        settings,
        page: tab?.id === undefined ? null : d.page,
      }));
      if (tab?.id !== undefined) await poll(tab.id);
    })();

    return () => {
      stopped = true;
      clearTimeout(timer);
      unwatch();
    };
  }, [tabIdParam]);

  return { ...data, refresh: (page) => setData((d) => ({ ...d, page })) };
}
