import type { ExtensionBrowser, PageHandle } from '../harness/index.ts';

export interface PopupView {
  headline: string;
  /** The status line in the interface language. */
  message: string;
  /** The engine's own words about an error, in a collapsed details line. */
  detail: string | null;
  /** Whether that details line is open (it starts closed). */
  detailOpen: boolean;
  /** The site as the popup names it at the top, and in the site-mode legend. */
  siteName: string | null;
  siteModeLegend: string | null;
  dateText: string | null;
  dateIso: string | null;
  sourceName: string | null;
  sourceHref: string | null;
  paragraphs: string[];
  toggle: string | null;
  siteMode: string | null;
}

export interface ReaderDetails {
  /** The ISO 8601 form, as the date's tooltip. */
  iso: string | null;
  relative: string | null;
  updatedIso: string | null;
  byline: string | null;
  translatedBy: string | null;
  /** Each caption and its credit, as the separate elements they are shown in. */
  captions: { text: string; credit: string | null }[];
  /** Tag names of the body's blocks in order (p, h2, blockquote). */
  blocks: string[];
  dir: string;
  lang: string;
  buttons: string[];
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PopupLayout {
  viewport: { width: number; height: number };
  action: Box;
  controls: Box;
  article: Box;
  controlsFirstInDom: boolean;
}

/** The popup opened for one tab (`/popup.html?tab=ID`), read through what it shows. */
export class PopupPage {
  private constructor(readonly page: PageHandle) {}

  /**
   * `ui`: the interface in that `_locales` locale instead of the browser's (`?ui=ar`);
   * `reader`: the same component as the full reader page (`/reader.html`).
   */
  static async open(
    browser: ExtensionBrowser,
    tabId: number,
    opts: { ui?: string; reader?: boolean } = {},
  ): Promise<PopupPage> {
    const ui = opts.ui ? `&ui=${opts.ui}` : '';
    const page = await browser.openExtensionPage(
      `/${opts.reader ? 'reader' : 'popup'}.html?tab=${tabId}${ui}`,
    );
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
      const details = document.querySelector<HTMLDetailsElement>('[data-testid=error-detail]');
      return {
        headline: q('[data-testid=headline]')?.textContent ?? '',
        message: q('[data-testid=message]')?.textContent ?? '',
        detail: details?.querySelector('p')?.textContent ?? null,
        detailOpen: details?.open ?? false,
        siteName: q('[data-testid=site-name]')?.textContent ?? null,
        siteModeLegend: q('[data-testid=site-mode] legend')?.textContent ?? null,
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

  /** What the reader adds to the basic view: captions, dates in full, attribution. */
  readDetails(): Promise<ReaderDetails> {
    return this.page.evaluate(() => {
      const q = (s: string) => document.querySelector(s);
      return {
        iso: q('[data-testid=published] time')?.getAttribute('title') ?? null,
        relative: q('[data-testid=published-relative]')?.textContent ?? null,
        updatedIso: q('[data-testid=updated] time')?.getAttribute('datetime') ?? null,
        byline: q('[data-testid=byline]')?.textContent ?? null,
        translatedBy: q('[data-testid=translated-by]')?.textContent ?? null,
        captions: Array.from(document.querySelectorAll('[data-testid=captions] figcaption')).map(
          (c) => ({
            text: c.querySelector('[data-testid=caption-text]')?.textContent ?? '',
            credit: c.querySelector('[data-testid=caption-credit]')?.textContent ?? null,
          }),
        ),
        blocks: Array.from(document.querySelectorAll('[data-testid=paragraphs] > *')).map((p) =>
          p.tagName.toLowerCase(),
        ),
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        buttons: Array.from(document.querySelectorAll('button')).map((b) => b.textContent ?? ''),
      };
    });
  }

  /**
   * The popup as the browser shows it, `width`×`height` (a frame of that size in this page):
   * where the main action, the site controls and the article are, and their order in the DOM.
   */
  async layoutAt(width: number, height: number): Promise<PopupLayout> {
    await this.page.evaluate(
      (w: number, h: number) => {
        const frame = document.createElement('iframe');
        frame.id = 'layout-probe';
        frame.style.cssText = `width:${w}px;height:${h}px;border:0;display:block`;
        frame.src = location.href;
        document.body.prepend(frame);
      },
      width,
      height,
    );
    return this.page.waitFor(
      () => {
        const frame = document.querySelector<HTMLIFrameElement>('#layout-probe');
        const doc = frame?.contentDocument;
        const controls = doc?.querySelector('[data-testid=controls]');
        const article = doc?.querySelector('article');
        const action = doc?.querySelector('[data-testid=page-toggle]');
        if (!doc || !controls || !article || !action) return null;
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
        };
        return {
          viewport: {
            width: frame!.contentWindow!.innerWidth,
            height: frame!.contentWindow!.innerHeight,
          },
          action: box(action),
          controls: box(controls),
          article: box(article),
          controlsFirstInDom: Boolean(
            controls.compareDocumentPosition(article) & Node.DOCUMENT_POSITION_FOLLOWING,
          ),
        };
      },
      { message: 'the popup laid out in a frame' },
    );
  }

  /** Clicks a copy button and returns the text put on the clipboard. */
  async copy(format: 'markdown' | 'text'): Promise<string> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __copied?: string };
      delete w.__copied;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: (text: string) => {
            w.__copied = text;
            return Promise.resolve();
          },
        },
      });
    });
    await this.page.click(`[data-testid=copy-${format}]`);
    return this.page.waitFor(() => (window as unknown as { __copied?: string }).__copied, {
      message: `the ${format} copy`,
    });
  }

  async setDisplayMode(mode: 'bilingual' | 'replace'): Promise<void> {
    await this.page.click(`[data-testid=display-mode] input[value=${mode}]`);
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
