import { browser } from 'wxt/browser';
import { sendToTab, type PageCommand } from '../messaging/protocol';
import type { PageState } from '../page/state';

/** The content script file, injected by hand on pages outside the supported sites. */
const CONTENT_SCRIPT = '/content-scripts/content.js';

/**
 * Sends a command to the page in `tabId`. On a site where the content script does not run (not in
 * the registry, not enabled), it is injected first: the reader's click or shortcut grants
 * `activeTab` for this one page, and no broad host permission is needed.
 */
export async function commandTab(tabId: number, command: PageCommand): Promise<PageState | null> {
  try {
    return await sendToTab(tabId, 'pageCommand', { command });
  } catch {
    // No content script answered on this page.
  }
  if (!(await startContentScript(tabId))) return null;
  try {
    return await sendToTab(tabId, 'pageCommand', { command });
  } catch {
    return null;
  }
}

/**
 * Runs the content script in `tabId` unless it runs there already; it then follows the site's
 * mode by itself. False on a page the browser keeps extensions out of (its own pages, the web
 * store) or one the extension has no access to.
 */
export async function startContentScript(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, 'getPageState', {});
    return true;
  } catch {
    // No content script answered on this page.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}
