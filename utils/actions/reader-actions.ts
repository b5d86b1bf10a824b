import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { PageState } from '../page/state';
import { showBadge } from './badge';
import { commandTab } from './tab-page';

/** The manifest's command for the keyboard shortcut (see wxt.config.ts). */
const TOGGLE_COMMAND = 'toggle-translation';
const MENU_ID = 'foreign-desk-toggle';
/** Menu titles in the browser's language, the same words as the popup's button. */
const MENU_TITLE = {
  get translate() {
    return t('translateArticle');
  },
  get original() {
    return t('showOriginal');
  },
};

/** Last known state per tab, so the context menu can say what a click will do. */
const tabStatus = new Map<number, PageState['status']>();

const isActive = (status: PageState['status'] | undefined) =>
  status === 'translating' || status === 'done' || status === 'error';

async function updateMenu(tabId: number): Promise<void> {
  const title = isActive(tabStatus.get(tabId)) ? MENU_TITLE.original : MENU_TITLE.translate;
  await browser.contextMenus.update(MENU_ID, { title }).catch(() => undefined);
}

/**
 * The ways a reader acts on a tab besides the popup: the keyboard shortcut, the context menu, and
 * the toolbar badge that shows the tab's state. Wired once by the background.
 */
export function registerReaderActions(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: MENU_TITLE.translate,
        contexts: ['page', 'selection', 'link', 'image'],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void commandTab(tab.id, 'toggle');
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== TOGGLE_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await commandTab(tab.id, 'toggle');
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void updateMenu(tabId));
  browser.tabs.onRemoved.addListener((tabId) => tabStatus.delete(tabId));
}

/** A page reported its state: badge and menu follow. */
export async function pageStatusChanged(
  tabId: number,
  status: PageState['status'],
  target: string,
): Promise<void> {
  tabStatus.set(tabId, status);
  await showBadge(tabId, status, target);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === tabId) await updateMenu(tabId);
}
