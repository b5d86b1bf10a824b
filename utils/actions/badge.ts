import { browser } from 'wxt/browser';
import type { PageState } from '../page/state';

/** What the toolbar button says about its tab: nothing when off, the target language when done. */
function badgeFor(status: PageState['status'], target: string): { text: string; color: string } {
  switch (status) {
    case 'translating':
      return { text: '…', color: '#1a73e8' };
    case 'done':
      return { text: target.slice(0, 2).toUpperCase(), color: '#1a73e8' };
    case 'error':
      return { text: '!', color: '#b3261e' };
    default:
      return { text: '', color: '#1a73e8' };
  }
}

export async function showBadge(tabId: number, status: PageState['status'], target: string) {
  const { text, color } = badgeFor(status, target);
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setBadgeBackgroundColor({ tabId, color });
}
