import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';
import { firstDifference, NewsPage } from './pages/news-page.ts';
import { PopupPage } from './pages/popup-page.ts';

const EL_PAIS = 'fundus/es-ElPais_2024_10_15';
const SPIEGEL = 'fundus/de-SpiegelOnline_2023_04_28';

/** Words that show a sentence is English and not Spanish. */
const ENGLISH = /\b(the|of|and|to|in|is|that|with)\b/gi;
const SPANISH = /\b(el|la|los|las|de|que|y|en|con|por|una)\b/gi;
const count = (text: string, words: RegExp) => text.match(words)?.length ?? 0;

const servers = useServers({ countRequests: true });

describe.each(browserNames)('%s: reading a foreign article', (name) => {
  const session = useBrowser(name, servers);

  it('translates a Spanish El País article with Apertium, in place, and restores it exactly', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    const before = await news.html();
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      // Nothing happens before the reader asks: the site is in "ask" mode by default.
      const asked = await popup.read();
      expect(asked.siteMode).toBe('ask');
      expect(asked.headline).toContain('Bruselas sondea la apertura de centros de deportación');
      expect((await news.translations()).length).toBe(0);

      servers.apy.resetRequests();
      await popup.setSiteMode('always');
      const view = await popup.waitForMessage(/Translated from Spanish by Apertium/);

      // On the page: English under the Spanish paragraphs, marked for the browser and readers.
      const shown = await news.translations();
      expect(shown.length).toBeGreaterThanOrEqual(10);
      for (const t of shown) {
        expect(t.lang).toBe('en');
        expect(t.translate).toBe('no');
        expect(t.text).not.toBe(t.original);
      }
      const english = shown.map((t) => t.text).join(' ');
      const spanish = shown.map((t) => t.original).join(' ');
      expect(count(english, ENGLISH)).toBeGreaterThan(5 * Math.max(1, count(english, SPANISH)));
      expect(count(spanish, SPANISH)).toBeGreaterThan(count(spanish, ENGLISH));
      expect(english).toContain('European Commission');

      // Links inside translated paragraphs still point where they did.
      const withLinks = shown.filter((t) => t.originalLinks.length > 0);
      expect(withLinks.length).toBeGreaterThan(0);
      for (const t of withLinks) expect(t.links.sort()).toEqual(t.originalLinks.sort());

      // APy did the work, in batches (far fewer requests than paragraphs).
      const translateCalls = servers.apy.requests.filter((r) => r.path === '/translate');
      expect(translateCalls.length).toBeGreaterThan(0);
      expect(translateCalls.length).toBeLessThan(shown.length);
      expect(translateCalls.every((r) => r.params.langpair === 'spa|eng')).toBe(true);

      // The popup: translated headline, date, source with a link to the original, paragraphs.
      expect(view.headline).toMatch(/Brussels/);
      expect(view.dateIso?.slice(0, 10)).toBe('2024-10-15');
      expect(view.dateText).toMatch(/2024/);
      expect(view.sourceName).toMatch(/pa[ií]s/i);
      expect(view.sourceHref).toContain('elpais.com/internacional/2024-10-15/');
      // The body's paragraphs, in the page's order, as shown on the page.
      expect(view.paragraphs.length).toBeGreaterThanOrEqual(10);
      expect(view.paragraphs.join(' ')).toContain('president of the European Commission');
      const onPage = shown.map((t) => t.text);
      const positions = view.paragraphs.map((p) => onPage.indexOf(p.replace(/\s+/g, ' ').trim()));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(view.toggle).toBe('Show original');

      // Show original: the page is byte for byte what it was.
      await popup.togglePage();
      await news.waitForNoTranslations();
      expect(firstDifference(before, await news.html())).toBeNull();
      await popup.waitForMessage(/Not translated/);
    } finally {
      await popup.close();
      await news.page.close();
    }
  });

  it('shows a German Spiegel article in the popup and says Apertium lacks German → English', async () => {
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(SPIEGEL));
    const before = await news.html();
    const popup = await PopupPage.open(session.browser, news.tabId);
    try {
      await popup.togglePage();
      const view = await popup.waitForMessage(/no German → English pair/);
      expect(view.detail).toContain('Spanish → English');
      expect(view.headline).toContain('Kollaps der Silicon Valley Bank');
      expect(view.dateIso?.slice(0, 10)).toBe('2023-04-28');
      expect(view.sourceName).toMatch(/spiegel/i);
      expect(view.sourceHref).toContain('spiegel.de/wirtschaft/');
      expect(firstDifference(before, await news.html())).toBeNull();
    } finally {
      await popup.close();
      await news.page.close();
    }
  });
});
