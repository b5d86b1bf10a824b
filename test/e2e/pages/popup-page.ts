import type { ExtensionBrowser, PageHandle } from '../harness/index.ts';

export interface PopupView {
  headline: string;
  message: string;
  dateText: string | null;
  dateIso: string | null;
  sourceName: string | null;
  sourceHref: string | null;
  paragraphs: string[];
  toggle: string | null;
  siteMode: string | null;
}

/** The popup opened for one tab (`/popup.html?tab=ID`), read through what it shows. */
export class PopupPage {
  private constructor(readonly page: PageHandle) {}

  static async open(browser: ExtensionBrowser, tabId: number): Promise<PopupPage> {
    const page = await browser.openExtensionPage(`/popup.html?tab=${tabId}`);
    const popup = new PopupPage(page);
    await page.waitFor(() => document.querySelector('[data-testid=message]') !== null, {
      message: 'the popup to show the page state',
    });
    return popup;
  }

  read(): Promise<PopupView> {
    return this.page.evaluate(() => {
      const q = (s: string) => document.querySelector(s);
      const time = q('[data-testid=published] time');
      const link = q('[data-testid=source] a');
      return {
        headline: q('[data-testid=headline]')?.textContent ?? '',
        message: q('[data-testid=message]')?.textContent ?? '',
        dateText: time?.textContent ?? null,
        dateIso: time?.getAttribute('datetime') ?? null,
        sourceName: link?.textContent ?? null,
        sourceHref: link?.getAttribute('href') ?? null,
        paragraphs: Array.from(document.querySelectorAll('[data-testid=paragraphs] > *')).map(
          (p) => p.textContent ?? '',
        ),
        toggle: q('[data-testid=page-toggle]')?.textContent ?? null,
        siteMode:
          document.querySelector<HTMLInputElement>('[data-testid=site-mode] input:checked')
            ?.value ?? null,
      };
    });
  }

  /** Waits until the popup's status line matches `pattern`; returns what the popup shows then. */
  async waitForMessage(pattern: RegExp, timeout = 60_000): Promise<PopupView> {
    await this.page.waitFor(
      (source: string, flags: string) =>
        new RegExp(source, flags).test(
          document.querySelector('[data-testid=message]')?.textContent ?? '',
        ),
      { timeout, message: `popup message matching ${pattern}` },
      pattern.source,
      pattern.flags,
    );
    return this.read();
  }

  async setSiteMode(mode: 'always' | 'ask' | 'never'): Promise<void> {
    await this.page.click(`[data-testid=site-mode] input[value=${mode}]`);
  }

  async togglePage(): Promise<void> {
    await this.page.click('[data-testid=page-toggle]');
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
