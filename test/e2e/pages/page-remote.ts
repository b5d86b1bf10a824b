import type { ExtensionBrowser, PageHandle } from '../harness/index.ts';

/** What the content script reports about its page (the popup reads the same). */
export interface RemoteState {
  status: string;
  engine: string | null;
  progress: { done: number; waiting: number; total: number };
  error: { code: string; message: string } | null;
}

/**
 * Sends the popup's commands to tabs from one extension page, as the popup does when it opens
 * (`translate-all`: the whole article, not only what is near the viewport). Many tabs run side by
 * side in one browser, and a tab in the background gets no layout reports to go by.
 */
export class PageRemote {
  private constructor(private readonly page: PageHandle) {}

  static async open(browser: ExtensionBrowser): Promise<PageRemote> {
    return new PageRemote(await browser.openExtensionPage('/options.html'));
  }

  command(tabId: number, command: string): Promise<RemoteState> {
    return this.page.evaluate(
      (tab: number, name: string) => {
        type Tabs = { sendMessage(tab: number, message: unknown): Promise<RemoteState> };
        const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
        return api.tabs.sendMessage(tab, { type: 'pageCommand', command: name });
      },
      tabId,
      command,
    );
  }

  /** What the tab's page shows now, as the popup reads it when it opens. */
  state(tabId: number): Promise<RemoteState> {
    return this.page.evaluate((tab: number) => {
      type Tabs = { sendMessage(tab: number, message: unknown): Promise<RemoteState> };
      const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      return api.tabs.sendMessage(tab, { type: 'getPageState' });
    }, tabId);
  }

  /** Translates the whole article of the tab, as the popup's translate does. */
  async translate(tabId: number): Promise<void> {
    await this.command(tabId, 'translate');
    await this.command(tabId, 'translate-all');
  }

  /** Retries after an error, for the whole article. */
  async retry(tabId: number): Promise<void> {
    await this.command(tabId, 'retry');
    await this.command(tabId, 'translate-all');
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
