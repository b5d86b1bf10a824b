import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLongPages, type LongPages } from '../../scripts/bench/pages.ts';
import { browserNames } from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';
import { corpusPagesDir } from './harness/paths.ts';
import { firstDifference, NewsPage } from './pages/news-page.ts';
import { requestedText, translateRequests } from './pages/engine-requests.ts';
import { patchSettings } from './pages/settings-store.ts';

// Each test reads an article no other test in this browser has translated (the background caches).
const EL_PAIS = 'fundus/es-ElPais_2024_10_15';
const EL_PAIS_CIENCIA = 'trafilatura-eval/elpais.com.ciencia';
const ABC = 'fundus/es-ABC_2025_01_13';
const ABC_SPORT = 'fundus/es-ABC_2026_04_25';
/**
 * El País's article repeated to this many paragraphs: far more than goes at once (four engine
 * requests), so it is sent as the reader nears each block.
 */
const LONG_PARAGRAPHS = 300;

const servers = useServers({ countRequests: true });
let longPages: LongPages;
beforeAll(async () => {
  longPages = await startLongPages([LONG_PARAGRAPHS]);
});
afterAll(() => longPages.close());

/**
 * Boxes of the page's text blocks and their columns, and the page's scroll width. The first call
 * picks the blocks (kept on `window`, not in the DOM); later calls measure the same ones.
 */
function measureLayout() {
  const w = window as unknown as { layoutBlocks?: Element[] };
  w.layoutBlocks ??= Array.from(document.querySelectorAll('p, h1, h2, li, figcaption')).filter(
    (el) => (el.textContent ?? '').trim().length > 60,
  );
  const boxes = w.layoutBlocks.map((el) => {
    const r = el.getBoundingClientRect();
    const c = el.parentElement!.getBoundingClientRect();
    return { left: Math.round(r.left), width: Math.round(r.width), column: Math.round(c.width) };
  });
  return { boxes, scrollWidth: document.documentElement.scrollWidth };
}

const translateCalls = () => translateRequests(servers.apy);
const callsContaining = (text: string) =>
  translateCalls().filter((r) => requestedText(r).includes(text));

describe.each(browserNames)('%s: on the page', (name) => {
  const session = useBrowser(name, servers);

  it('follows the site mode: never leaves the page alone, ask offers, always translates on load', async () => {
    await patchSettings(session.browser, { sites: { 'abc-es': 'never' } });
    let news = await NewsPage.open(session.browser, servers.corpus.urlFor(ABC));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await news.translations()).toHaveLength(0);
    expect(await news.control()).toBeFalsy();
    await news.page.close();

    await patchSettings(session.browser, { sites: { 'abc-es': 'ask' } });
    news = await NewsPage.open(session.browser, servers.corpus.urlFor(ABC));
    await news.page.waitFor(
      () =>
        document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control')
          ?.textContent?.includes('Translate this article into English?'),
      { message: 'the page control to offer translation' },
    );
    expect(await news.translations()).toHaveLength(0);
    await news.clickControl('Translate');
    await news.waitForTranslations(2);
    await news.page.close();

    await patchSettings(session.browser, { sites: { 'abc-es': 'always' } });
    news = await NewsPage.open(session.browser, servers.corpus.urlFor(ABC));
    await news.waitForTranslations(2);
    await news.page.close();
  });

  it('in ask mode on a long page: translations in the reader’s style, "on screen: done" while the rest waits for scrolling, and "Always on this site"', async () => {
    await patchSettings(session.browser, { sites: { elpais: 'ask' }, translationStyle: 'italic' });
    const long = longPages.urlFor(LONG_PARAGRAPHS);
    let news = await NewsPage.open(session.browser, long);
    await news.page.bringToFront();
    await news.clickControl('Translate');
    await news.waitForTranslations(2);

    // What is on screen is translated; the control says the rest comes as the reader scrolls,
    // instead of a count that does not move.
    await news.page.waitFor(
      () =>
        document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control')
          ?.textContent?.includes('On screen: done — the rest as you read'),
      { message: 'the page control to say the blocks on screen are done' },
    );
    const styleOf = () =>
      Array.from(document.querySelectorAll<HTMLElement>('.foreign-desk-translation')).map((el) => {
        const style = getComputedStyle(el);
        return { fontStyle: style.fontStyle, rule: style.borderInlineStartWidth };
      });
    expect((await news.page.evaluate(styleOf)).every((s) => s.fontStyle === 'italic')).toBe(true);

    // The reader picks another style in the options: the page follows without a reload.
    await patchSettings(session.browser, { translationStyle: 'rule' });
    await news.page.waitFor(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('.foreign-desk-translation')).every(
          (el) => getComputedStyle(el).borderInlineStartWidth === '2px',
        ),
      { message: 'translations shown with a rule at their start edge' },
    );
    expect((await news.page.evaluate(styleOf)).every((s) => s.fontStyle === 'normal')).toBe(true);

    // "Always on this site", as Firefox's translation bar offers: the next visit translates on load.
    await news.clickControl('Always on this site');
    await news.page.waitFor(
      () =>
        !Array.from(
          document.querySelector('foreign-desk-control')?.shadowRoot?.querySelectorAll('button') ??
            [],
        ).some((b) => b.textContent === 'Always on this site'),
      { message: 'the offer gone once the site is translated always' },
    );
    await news.page.close();
    news = await NewsPage.open(session.browser, long);
    await news.waitForTranslations(2);
    await news.page.close();
  });

  it('sends a short article whole, the blocks on screen first, keeps the layout, switches modes without translating again, and restores exactly', async () => {
    await patchSettings(session.browser, { sites: { elpais: 'ask' }, displayMode: 'bilingual' });
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    await news.page.bringToFront();
    const before = await news.html();
    const layoutBefore = await news.page.evaluate(measureLayout);

    // The reader has scrolled to the middle of the article when they ask for a translation.
    const middle = 'La idea de crear centros de deportación como el que ha impulsado Meloni';
    const last = 'Cada vez más gobiernos han endurecido su política y su discurso';
    await news.page.evaluate((text: string) => {
      const p = Array.from(document.querySelectorAll('p')).find((el) =>
        el.textContent?.startsWith(text),
      );
      p!.scrollIntoView({ block: 'center' });
    }, middle);
    servers.apy.resetRequests();
    await news.clickControl('Translate');
    await news.waitForTranslations(2);
    // The article takes two APy requests: the first starts with what is on screen.
    const first = requestedText(translateCalls()[0]);
    const headline = await news.page.evaluate(() => document.querySelector('h1')!.textContent!);
    expect(first).toContain(middle);
    const headlineAt = first.indexOf(headline.trim().slice(0, 40));
    expect(headlineAt === -1 || first.indexOf(middle) < headlineAt).toBe(true);

    // The rest comes without the reader scrolling: the article is short enough to go whole.
    await news.waitForDone();
    const shown = await news.translations();
    expect(shown.some((t) => t.original.startsWith(last))).toBe(true);

    // Layout: the article column keeps its width and nothing is pushed sideways.
    const layoutAfter = await news.page.evaluate(measureLayout);
    expect(layoutAfter.scrollWidth).toBeLessThanOrEqual(layoutBefore.scrollWidth);
    expect(layoutAfter.boxes.length).toBe(layoutBefore.boxes.length);
    for (const [i, box] of layoutBefore.boxes.entries()) {
      const after = layoutAfter.boxes[i]!;
      expect({ left: after.left, width: after.width, column: after.column }).toEqual(box);
    }

    // Replace mode and back, from what was translated: no new engine request.
    const calls = translateCalls().length;
    await patchSettings(session.browser, { displayMode: 'replace' });
    await news.page.waitFor(
      // Replace mode shows a copy of the block's element instead of the <font> inside it.
      () => document.querySelector('.foreign-desk-translation')?.localName !== 'font',
      { message: 'translations shown in place of the originals' },
    );
    const replaced = await news.page.evaluate(() =>
      Array.from(document.querySelectorAll('.foreign-desk-translation')).map((t) => {
        const original = t.previousElementSibling as HTMLElement;
        return {
          hidden: getComputedStyle(original).display === 'none',
          title: t.getAttribute('title'),
        };
      }),
    );
    expect(replaced.length).toBe(shown.length);
    expect(replaced.every((r) => r.hidden && r.title)).toBe(true);
    await patchSettings(session.browser, { displayMode: 'bilingual' });
    await news.page.waitFor(
      () => document.querySelector('.foreign-desk-translation')?.localName === 'font',
      { message: 'translations back under the originals' },
    );
    expect(translateCalls().length).toBe(calls);

    // Show original after scrolling and switching: the page is what it was.
    await news.clickControl('Show original');
    await news.waitForNoTranslations();
    expect(firstDifference(before, await news.html())).toBeNull();
    await news.page.close();
  });

  it('translates a paragraph added after load once, and a new article after a pushState navigation', async () => {
    await patchSettings(session.browser, { sites: { elpais: 'always' } });
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS_CIENCIA));
    await news.page.bringToFront();
    await news.scrollThrough();
    await news.waitForDone();

    const late =
      'Última hora: los científicos confirman la medición de la temperatura en la Antártida.';
    await news.page.evaluate((text: string) => {
      const paragraphs = Array.from(document.querySelectorAll('p > .foreign-desk-translation'));
      const p = document.createElement('p');
      p.id = 'late-paragraph';
      p.textContent = text;
      paragraphs[paragraphs.length - 1]!.parentElement!.after(p);
    }, late);
    await news.page.waitFor(
      () => !!document.querySelector('#late-paragraph .foreign-desk-translation'),
      { message: 'the late paragraph translated' },
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      await news.page.evaluate(
        () => document.querySelectorAll('#late-paragraph .foreign-desk-translation').length,
      ),
    ).toBe(1);
    expect(callsContaining('Última hora')).toHaveLength(1);

    // A single-page navigation to another article: the new one is translated, the old not again.
    const oldHeadline = await news.page.evaluate(() =>
      document.querySelector('h1')!.firstChild!.textContent!.trim(),
    );
    const oldCalls = callsContaining(oldHeadline.slice(0, 30)).length;
    const next = readFileSync(join(corpusPagesDir, ABC_SPORT, 'page.html.gz'));
    const nextHtml = gunzipSync(next).toString('utf8');
    const nextPath = new URL(servers.corpus.originalUrlOf(ABC_SPORT)).pathname;
    await news.page.evaluate(
      (html: string, path: string) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        document.title = doc.title;
        for (const meta of Array.from(
          document.head.querySelectorAll(
            'script[type="application/ld+json"], meta[property], meta[name]',
          ),
        ))
          meta.remove();
        for (const meta of Array.from(
          doc.head.querySelectorAll(
            'script[type="application/ld+json"], meta[property], meta[name]',
          ),
        ))
          document.head.append(meta);
        const control = document.querySelector('foreign-desk-control');
        document.body.replaceChildren(...Array.from(doc.body.childNodes));
        if (control) document.body.append(control);
        history.pushState({}, '', path);
      },
      nextHtml,
      nextPath,
    );
    await news.page.waitFor(
      () => {
        const h1 = document.querySelector('h1');
        return h1?.querySelector('.foreign-desk-translation')?.textContent;
      },
      { message: 'the new article’s headline translated', timeout: 60_000 },
    );
    const headline = await news.page.evaluate(
      () => document.querySelector('h1 .foreign-desk-translation')!.textContent!,
    );
    expect(headline).toMatch(/C[oó]rdoba/);
    expect(headline).not.toContain('logra un punto vital');
    expect(callsContaining(oldHeadline.slice(0, 30)).length).toBe(oldCalls);
    await news.page.close();
  });
});
