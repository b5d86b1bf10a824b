import type { ExtensionBrowser, PageHandle } from '../harness/index.ts';

export interface ShownTranslation {
  /** Text of the block the translation belongs to, without the translation. */
  original: string;
  text: string;
  lang: string | null;
  translate: string | null;
  /** Links inside the translation and inside the original block, as hrefs. */
  links: string[];
  originalLinks: string[];
}

/** What the on-page control shows: its status, its text and its buttons (not close/always). */
export interface ControlView {
  status: string;
  text: string;
  buttons: string[];
}

/** A corpus news page in a tab, read through the translations the extension shows on it. */
export class NewsPage {
  private constructor(
    readonly page: PageHandle,
    readonly tabId: number,
  ) {}

  static async open(browser: ExtensionBrowser, url: string): Promise<NewsPage> {
    const page = await browser.openPage(url);
    return new NewsPage(page, await browser.tabIdOf(page));
  }

  /** Reloads the page in its tab, as the reader's reload button does, and waits for it to load. */
  async reload(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { beforeReload?: boolean }).beforeReload = true;
      // Later than this call's reply, so the harness never sees it cut off and runs it again.
      setTimeout(() => location.reload(), 300);
    });
    await this.page.waitFor(
      () =>
        !(window as unknown as { beforeReload?: boolean }).beforeReload &&
        document.readyState === 'complete',
      { message: 'the page reloaded' },
    );
  }

  /** The page's markup, without the extension's own control (a shadow host at the end of body). */
  html(): Promise<string> {
    return this.page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as Element;
      for (const host of Array.from(copy.querySelectorAll('foreign-desk-control'))) host.remove();
      return copy.outerHTML;
    });
  }

  translations(): Promise<ShownTranslation[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('.foreign-desk-translation')).map((el) => {
        const block = el.parentElement!;
        const original = Array.from(block.childNodes)
          .filter((n) => n !== el)
          .map((n) => n.textContent ?? '')
          .join('');
        const hrefs = (root: Element) =>
          Array.from(root.querySelectorAll('a[href]'))
            .filter((a) => root === el || !el.contains(a))
            .map((a) => a.getAttribute('href') ?? '');
        return {
          original: original.replace(/\s+/g, ' ').trim(),
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          lang: el.getAttribute('lang'),
          translate: el.getAttribute('translate'),
          links: hrefs(el),
          originalLinks: hrefs(block),
        };
      }),
    );
  }

  /** Waits until `count` translations show (at least), and they stopped changing. */
  async waitForTranslations(atLeast: number, timeout = 60_000): Promise<ShownTranslation[]> {
    await this.page.waitFor(
      (n: number) => document.querySelectorAll('.foreign-desk-translation').length >= n,
      { timeout, message: `at least ${atLeast} translations on the page` },
      atLeast,
    );
    return this.translations();
  }

  /** The text of the extension's control on the page (in its shadow root), or null. */
  control(): Promise<string | null> {
    return this.page.evaluate(() => {
      const host = document.querySelector('foreign-desk-control');
      return host?.shadowRoot?.querySelector('.control')?.textContent ?? null;
    });
  }

  /** The on-page control's status, text and buttons; null when there is none. */
  controlView(): Promise<ControlView | null> {
    return this.page.evaluate(() => {
      const control = document
        .querySelector('foreign-desk-control')
        ?.shadowRoot?.querySelector('.control');
      if (!control) return null;
      return {
        status: control.getAttribute('data-status') ?? '',
        text: control.querySelector('.text')?.textContent ?? '',
        buttons: Array.from(control.querySelectorAll('button:not(.close):not(.always)')).map(
          (b) => b.textContent ?? '',
        ),
      };
    });
  }

  /** Waits until the on-page control has ended: done, or an error; with its whole text. */
  waitForControlEnd(timeout: number): Promise<{ status: string; text: string }> {
    return this.page.waitFor(
      () => {
        const control = document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control');
        const status = control?.getAttribute('data-status');
        return status === 'done' || status === 'error'
          ? { status, text: control?.textContent ?? '' }
          : null;
      },
      { timeout, message: 'the on-page control to end (done or error)' },
    );
  }

  /** Waits until the on-page control says `text`. */
  async waitForControlText(text: string, timeout = 60_000): Promise<void> {
    await this.page.waitFor(
      (words: string) =>
        document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control')
          ?.textContent?.includes(words),
      { timeout, message: `the page control to say "${text}"` },
      text,
    );
  }

  /**
   * Clicks a button of the on-page control by its label, as the reader does (a real click: the
   * control ignores clicks a page script makes).
   */
  async clickControl(label: string): Promise<void> {
    const index = await this.page.waitFor(
      (text: string) => {
        const root = document.querySelector('foreign-desk-control')?.shadowRoot;
        const buttons = Array.from(root?.querySelectorAll('.control button') ?? []);
        return buttons.findIndex((b) => b.textContent === text) + 1;
      },
      { message: `the page control's "${label}" button` },
      label,
    );
    // Into the control's open shadow root: Playwright's CSS goes in by itself, Puppeteer's needs `>>>`.
    const into = this.page.browser === 'chromium' ? ' ' : ' >>> ';
    await this.page.click(`foreign-desk-control${into}.control button:nth-of-type(${index})`);
  }

  /** Scrolls down the page a screen at a time, as a reader would, to the end. */
  async scrollThrough(): Promise<void> {
    for (let i = 0; i < 60; i++) {
      const more = await this.page.evaluate(() => {
        window.scrollBy(0, window.innerHeight * 0.9);
        return window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2;
      });
      await new Promise((r) => setTimeout(r, 150));
      if (!more) return;
    }
  }

  /** Waits until the page control reports the whole article translated. */
  async waitForDone(timeout = 60_000): Promise<void> {
    await this.page.waitFor(
      () =>
        document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control')
          ?.getAttribute('data-status') === 'done',
      { timeout, message: 'the page control to report the article translated' },
    );
  }

  async waitForNoTranslations(timeout = 15_000): Promise<void> {
    await this.page.waitFor(
      () => document.querySelectorAll('.foreign-desk-translation').length === 0,
      { timeout, message: 'every translation removed from the page' },
    );
  }
}

/** Where two snapshots of a page first differ, with some context, for a readable failure. */
export function firstDifference(before: string, after: string): string | null {
  if (before === after) return null;
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return `lengths ${before.length} → ${after.length}, first difference at ${i}:\n  before: …${before.slice(Math.max(0, i - 120), i + 200)}\n  after:  …${after.slice(Math.max(0, i - 120), i + 200)}`;
}
