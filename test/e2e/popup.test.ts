import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';
import { NewsPage } from './pages/news-page.ts';
import { PopupPage } from './pages/popup-page.ts';
import { patchSettings } from './pages/settings-store.ts';
import { focusStops, screenshot, seriousAxeViolations } from './pages/ui-checks.ts';

const EL_PAIS = 'fundus/es-ElPais_2024_10_15';
const SPIEGEL = 'fundus/de-SpiegelOnline_2023_04_28';
const ABC = 'fundus/es-ABC_2025_01_13';
/** Nothing listens there: every request to it fails as the network would. */
const DEAD_ENGINE = 'http://127.0.0.1:9';

const servers = useServers();

describe.each(browserNames)('%s: the popup reader', (name) => {
  const session = useBrowser(name, servers);

  it('shows the translated El País article with date, source, captions; copies it; opens the reader tab', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.setSiteMode('always');
      const view = await popup.waitForMessage(/Translated from Spanish by Apertium/);
      const details = await popup.readDetails();

      // Headline, date in the reader's locale and in ISO 8601, how long ago.
      expect(view.headline).toMatch(/Brussels/);
      expect(view.dateIso).toMatch(/^2024-10-15T08:22/);
      expect(details.iso).toBe(view.dateIso);
      expect(view.dateText).toMatch(/October 15, 2024|15 October 2024/);
      expect(details.relative).toMatch(/ago|year/);
      // The site by its name, never by Foreign Desk's id for it ("elpais").
      expect(view.siteName).toBe('El País');
      expect(view.siteModeLegend).toBe('On El País');
      // Source: the publisher, linked to the original; who translated it, from what.
      expect(view.sourceName).toMatch(/pa[ií]s/i);
      expect(view.sourceHref).toContain('elpais.com/internacional/2024-10-15/');
      expect(details.translatedBy).toBe('Translated from Spanish by Apertium.');
      expect(details.byline).toContain('Sahuquillo');
      // Lead first, the subheading kept as a heading, paragraphs in the page's order.
      expect(view.paragraphs.length).toBeGreaterThanOrEqual(10);
      expect(view.paragraphs[0]).toMatch(/Commission/);
      expect(details.blocks).toContain('h2');
      const shown = (await news.translations()).map((t) => t.text);
      const positions = view.paragraphs.map((p) => shown.indexOf(p.replace(/\s+/g, ' ').trim()));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      // Photo captions, translated, each with its credit as a separate element, not run into it.
      expect(details.captions.length).toBeGreaterThan(0);
      expect(details.captions.map((c) => c.text).join(' ')).toMatch(/Albania/);
      const credits = details.captions.flatMap((c) => (c.credit ? [c.credit] : []));
      expect(credits.join(' ')).toMatch(/Misja|Goga/);
      expect(details.captions.map((c) => c.text).join(' ')).not.toMatch(/Misja|Goga/);
      await screenshot(popup.page, `${name}-popup-spanish-article-en`);

      // Copy as Markdown and as text: headline, date, body, source attribution.
      const markdown = await popup.copy('markdown');
      expect(markdown.split('\n')[0]).toBe(`# ${view.headline.replace(/([*_[\]])/g, '\\$1')}`);
      expect(markdown).toContain(view.dateIso!);
      expect(markdown).toMatch(/\n## \S/);
      expect(markdown).toContain(`Source: [${view.sourceName}](<${view.sourceHref}>)`);
      expect(markdown).toContain('Translated from Spanish by Apertium.');
      const text = await popup.copy('text');
      expect(text).toContain(`Source: ${view.sourceName} — ${view.sourceHref}`);
      expect(text).not.toContain('](');

      // Open in a tab: the reader page, with the same article.
      await popup.page.click('[data-testid=open-reader]');
      const readerUrl = await popup.page.waitFor(
        async (tabId: number) => {
          type Tabs = { query(q: object): Promise<{ url?: string }[]> };
          const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
          const tabs = await api.tabs.query({});
          return tabs.find((t) => t.url?.includes(`/reader.html?tab=${tabId}`))?.url;
        },
        { message: 'a reader tab' },
        news.tabId,
      );
      expect(readerUrl).toContain('reader.html');
      const reader = await PopupPage.open(session.browser, news.tabId, { reader: true });
      try {
        const full = await reader.waitForMessage(/Translated from Spanish/);
        expect(full.headline).toBe(view.headline);
        expect(full.paragraphs).toEqual(view.paragraphs);
        expect(full.siteName).toBe('El País');
        expect(full.siteModeLegend).toBe('On El País');
        await screenshot(reader.page, `${name}-reader-tab-spanish-article-en`);
      } finally {
        await reader.close();
      }
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('in Arabic: right to left, Arabic strings and dates', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    // The site is on "always" from the test before: it translates on load.
    const popup = await PopupPage.open(session.browser, news.tabId, { ui: 'ar' });
    try {
      const view = await popup.waitForMessage(/مترجم من/);
      const details = await popup.readDetails();
      expect(details.dir).toBe('rtl');
      expect(details.lang).toBe('ar');
      expect(view.toggle).toBe('عرض الأصل');
      expect(view.dateIso).toMatch(/^2024-10-15/);
      expect(view.dateText).toMatch(/أكتوبر|[٠-٩]/);
      expect(view.headline).toMatch(/Brussels/);
      await screenshot(popup.page, `${name}-popup-spanish-article-ar`);
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('at 480×600 puts what the page is, the main action and the site controls before the article', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    // The site is on "always" from the tests before: it translates on load.
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.waitForMessage(/Translated from Spanish/);
      const layout = await popup.layoutAt(480, 600);
      expect(layout.viewport).toEqual({ width: 480, height: 600 });
      // In the DOM (screen readers, keyboard) and on screen: the controls come first…
      expect(layout.controlsFirstInDom).toBe(true);
      expect(layout.action.bottom).toBeLessThanOrEqual(layout.controls.top);
      expect(layout.controls.bottom).toBeLessThanOrEqual(layout.article.top);
      // …and all of them within the popup's first screen, no scrolling needed.
      for (const box of [layout.action, layout.controls]) {
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(600);
        expect(box.right).toBeLessThanOrEqual(480);
      }
      expect(layout.article.top).toBeLessThan(600);
      await screenshot(popup.page, `${name}-popup-layout-480x600`);
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('site controls take effect on the page: replace, bilingual, target language, never', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.waitForMessage(/Translated from Spanish/);
      await popup.setDisplayMode('replace');
      await news.page.waitFor(
        () => document.querySelectorAll('[data-foreign-desk-hidden]').length > 5,
        { message: 'originals hidden in replace mode' },
      );
      await popup.setDisplayMode('bilingual');
      await news.page.waitFor(
        () => document.querySelectorAll('[data-foreign-desk-hidden]').length === 0,
        { message: 'originals shown again in bilingual mode' },
      );
      // The target language: Spanish, for a Spanish article, leaves it as it is.
      const chooseTarget = (lang: string) =>
        popup.page.evaluate((value: string) => {
          const select = document.querySelector<HTMLSelectElement>('[data-testid=target-lang]')!;
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }, lang);
      await chooseTarget('es');
      await popup.waitForMessage(/already in Spanish/);
      await news.waitForNoTranslations();
      await chooseTarget('en');
      await popup.waitForMessage(/Translated from Spanish/);
      await popup.setSiteMode('never');
      await news.waitForNoTranslations();
      await popup.waitForMessage(/Not translated/);
      expect((await popup.read()).siteMode).toBe('never');
      await popup.setSiteMode('ask');
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('on a German article says what went wrong and what to do, in English and Arabic', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(SPIEGEL));
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.togglePage();
      const view = await popup.waitForMessage(/no German → English pair/);
      const details = await popup.readDetails();
      expect(view.headline).toContain('Kollaps der Silicon Valley Bank');
      expect(view.dateIso?.slice(0, 10)).toBe('2023-04-28');
      expect(view.sourceHref).toContain('spiegel.de/wirtschaft/');
      expect(details.buttons).toEqual(expect.arrayContaining(['Retry', 'Settings']));
      // Nothing was translated: the main action tries again, it does not offer the original.
      expect(view.toggle).toBe('Retry');
      // What APy does translate is in the engine's own words, behind a closed details line.
      expect(view.detail).toContain('Spanish → English');
      expect(view.detailOpen).toBe(false);
      await screenshot(popup.page, `${name}-popup-german-article-en`);
      const arabic = await PopupPage.open(session.browser, news.tabId, { ui: 'ar' });
      try {
        await arabic.waitForMessage(/الألمانية → الإنجليزية/);
        expect((await arabic.readDetails()).buttons).toEqual(
          expect.arrayContaining(['إعادة المحاولة', 'الإعدادات']),
        );
        await screenshot(arabic.page, `${name}-popup-german-article-ar`);
      } finally {
        await arabic.close();
      }

      // One click: an engine that translates German, from now on, and this article with it.
      await popup.page.click('[data-testid=use-engine-google-web]');
      const engine = await popup.page.waitFor(
        async () => {
          type Area = { get(key: string): Promise<{ settings?: { engine?: string } }> };
          const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
          const { settings } = await api.storage.local.get('settings');
          return settings?.engine === 'google-web' ? settings.engine : null;
        },
        { message: 'Google Translate chosen as the engine' },
      );
      expect(engine).toBe('google-web');
      await popup.page.waitFor(
        () =>
          !/German → English/.test(document.querySelector('[data-testid=message]')!.textContent!),
        { message: 'the article tried again with the new engine' },
      );
    } finally {
      await patchSettings(session.browser, { engine: 'auto' });
      await popup.close();
      await news.page.close();
    }
  });

  it('after a language the engine lacks, uses another engine for this article only', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(SPIEGEL));
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.togglePage();
      await popup.waitForMessage(/no German → English pair/);
      const storedEngine = () =>
        popup.page.evaluate(async () => {
          type Area = { get(key: string): Promise<{ settings?: { engine?: string } }> };
          const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
          return (await api.storage.local.get('settings')).settings?.engine ?? 'auto';
        });
      const before = await storedEngine();
      await popup.page.click('[data-testid=use-engine-google-web-article]');
      // The article goes to Google Translate (which this machine cannot reach: its error says so)…
      const view = await popup.waitForMessage(/Google Translate/);
      expect(view.message).not.toMatch(/German → English/);
      // …and the reader's engine setting is what it was.
      expect(before).not.toBe('google-web');
      expect(await storedEngine()).toBe(before);
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('is accessible: no serious axe violations, keyboard reachable, focus visible', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(SPIEGEL));
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.togglePage();
      await popup.waitForMessage(/German → English/);
      if (name === 'chromium') expect(await seriousAxeViolations(popup.page)).toEqual([]);
      const stops = await focusStops(popup.page, 6);
      expect(stops.map((s) => s.tag)).toEqual(expect.arrayContaining(['button']));
      for (const stop of stops.filter((s) => s.tag === 'button')) {
        expect(stop.outline).toMatch(/^(solid|auto) /);
      }
      for (const ui of ['ar']) {
        const other = await PopupPage.open(session.browser, news.tabId, { ui });
        try {
          await other.waitForMessage(/الألمانية → الإنجليزية/);
          if (name === 'chromium') expect(await seriousAxeViolations(other.page)).toEqual([]);
        } finally {
          await other.close();
        }
      }
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('with a German interface, says in German that the engine cannot be reached, the exception only in details', async () => {
    await patchSettings(session.browser, {
      engine: 'apertium',
      fallbackEngine: 'none',
      apertium: { baseUrl: DEAD_ENGINE },
    });
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(ABC));
    const popup = await PopupPage.open(session.browser, news.tabId, { ui: 'de' });
    try {
      // The site by its name in German too, not by its id ("abc-es").
      const before = await popup.read();
      expect(before.siteName).toBe('ABC');
      expect(before.siteModeLegend).toBe('Auf ABC');
      expect(before.toggle).toBe('Diesen Artikel übersetzen');
      await popup.togglePage();
      const view = await popup.waitForMessage(/Apertium ist nicht erreichbar/);
      expect(view.message).not.toMatch(/TypeError|Failed to fetch|NetworkError|fetch|reach/i);
      // The engine's own words are there for who asks, behind a closed details line.
      expect(view.detail).toBeTruthy();
      expect(view.detailOpen).toBe(false);
      // Nothing was translated: the main action is to try again, not "Show original".
      expect(view.toggle).toBe('Erneut versuchen');
      expect((await popup.readDetails()).buttons).not.toContain('Original zeigen');
      await screenshot(popup.page, `${name}-popup-engine-error-de`);
    } finally {
      await patchSettings(session.browser, {
        engine: 'auto',
        apertium: { baseUrl: servers.apy.url },
      });
      await popup.close();
      await news.page.close();
    }
  });
});
