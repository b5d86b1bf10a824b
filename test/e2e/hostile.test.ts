import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, type PageHandle } from './harness/index.ts';
import { shout, startFaultEngine, type FaultEngine } from './harness/fault-engine.ts';
import { armed, PAYLOADS } from './fixtures/payloads.ts';
import { useBrowser } from './suite.ts';
import { firstDifference, NewsPage } from './pages/news-page.ts';
import { PageRemote } from './pages/page-remote.ts';
import { PopupPage } from './pages/popup-page.ts';
import { patchSettings } from './pages/settings-store.ts';

/**
 * A hostile engine: every paragraph's translation carries one attack payload, before the
 * translated text in odd paragraphs and after it in even ones. A beacon on the engine's server proves
 * nothing ran or loaded; a DOM check proves that no element, attribute or URL reached the page,
 * the popup or the reader tab that the original did not have, and the copies as text and
 * Markdown carry the same paragraphs with no link or markup of the engine's.
 */

const tokenOf = (browser: number) => `H${browser + 1}`;

let engine: FaultEngine | undefined;
beforeAll(async () => {
  const hostile = await startFaultEngine();
  engine = hostile;
  browserNames.forEach((_, b) => {
    const token = tokenOf(b);
    const paragraphs = PAYLOADS.map(
      (_p, k) =>
        `Párrafo ${k + 1} del expediente ${token}. El Gobierno aprobó un plan para renovar los trenes de cercanías. Más en <a href="https://elpais.com/espana/${k}.html">el informe</a> y <em>la nota</em>.`,
    );
    hostile.addCase(
      { token, paragraphs },
      {
        hostile: (segment) => {
          const k = Number(/Párrafo (\d+)/.exec(segment)?.[1] ?? segment.length) - 1;
          const index = k % PAYLOADS.length;
          const payload = armed(PAYLOADS[index]!, hostile.beaconUrl, `${token}-${index}`);
          return k % 2 === 0 ? `${payload} ${shout(segment)}` : `${shout(segment)} ${payload}`;
        },
      },
    );
  });
});
afterAll(async () => {
  await engine?.close();
});

/**
 * What the page holds that it did not before translation: the page without our translations
 * must be `before` exactly, every element inside a translation must be one the page had (same
 * tag, attributes and URLs, less its id), and our translation elements carry only our
 * attributes and their block's.
 */
function foreignContent(page: PageHandle, before: string): Promise<string[]> {
  return page.evaluate((original: string) => {
    const OURS = new Set([
      'class',
      'data-foreign-desk',
      'data-foreign-desk-style',
      'lang',
      'dir',
      'translate',
      'style',
    ]);
    const REPLACE = new Set(['title', 'tabindex']);
    const signature = (el: Element) =>
      [
        el.localName,
        ...Array.from(el.attributes)
          .filter((a) => a.name !== 'id')
          .map((a) => `${a.name}=${a.value}`)
          .sort(),
      ].join(' ');
    const problems: string[] = [];
    const copy = document.documentElement.cloneNode(true) as Element;
    for (const n of Array.from(
      copy.querySelectorAll('foreign-desk-control, style[data-foreign-desk]'),
    ))
      n.remove();
    const translations = Array.from(copy.querySelectorAll('[data-foreign-desk="translation"]'));
    const inside: Element[] = [];
    for (const t of translations) {
      const block = t.localName === 'font' ? t.parentElement : t.previousElementSibling;
      for (const a of Array.from(t.attributes)) {
        const own = OURS.has(a.name) || (t.localName !== 'font' && REPLACE.has(a.name));
        if (!own && block?.getAttribute(a.name) !== a.value)
          problems.push(`translation attribute ${a.name}=${a.value}`);
      }
      inside.push(...Array.from(t.querySelectorAll('*')));
    }
    for (const t of translations) t.remove();
    for (const el of Array.from(copy.querySelectorAll('[data-foreign-desk-hidden]')))
      el.removeAttribute('data-foreign-desk-hidden');
    if (copy.outerHTML !== original) problems.push('the page changed outside its translations');
    const known = new Set(Array.from(copy.querySelectorAll('*')).map(signature));
    for (const el of inside) {
      if (!known.has(signature(el))) problems.push(`element not on the page: ${signature(el)}`);
    }
    return problems;
  }, before);
}

/** Active or foreign content in an extension page (popup, reader tab). */
function activeContent(page: PageHandle): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('*')).flatMap((el) => [
      ...(['script', 'iframe', 'object', 'embed', 'img', 'svg', 'math'].includes(el.localName) &&
      el.closest('[data-testid]')
        ? [`element ${el.localName}`]
        : []),
      ...Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name) || /beacon|javascript:|data:text/i.test(a.value))
        .map((a) => `${el.localName} ${a.name}=${a.value}`),
    ]),
  );
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(browserNames)('%s: a hostile engine', (name) => {
  const session = useBrowser(name);

  it(`runs none of ${PAYLOADS.length} payloads and adds nothing to the page, popup, reader tab or copies`, async () => {
    const hostile = engine!;
    const browser = session.browser;
    await patchSettings(browser, {
      engine: 'libretranslate',
      fallbackEngine: 'none',
      libretranslate: { baseUrl: hostile.url },
      displayMode: 'bilingual',
      sites: { elpais: 'ask' },
    });
    const b = browserNames.indexOf(name);
    const remote = await PageRemote.open(browser);
    const news = await NewsPage.open(browser, hostile.articleUrl(tokenOf(b)));
    try {
      // A boolean: an element does not cross from the page to the test in Firefox (BiDi).
      await news.page.waitFor(
        () =>
          !!document.querySelector('foreign-desk-control')?.shadowRoot?.querySelector('.control'),
        { timeout: 30_000, message: 'the offer to translate' },
      );
      const before = await news.html();
      await remote.translate(news.tabId);
      // Every block translated: a payload never blocks the other paragraphs.
      const ended = await news.waitForControlEnd(200_000);
      expect(ended.status, ended.text).toBe('done');
      const shown = await news.translations();
      expect(shown.length).toBeGreaterThanOrEqual(PAYLOADS.length);
      // Links are the block's own, or none where the reply fell back to plain text.
      const foreignLinks = shown.flatMap((t) =>
        t.links.filter((l) => !t.originalLinks.includes(l)),
      );
      expect(foreignLinks).toEqual([]);
      expect(await foreignContent(news.page, before)).toEqual([]);

      // The popup and the reader tab: the page's translation, and nothing active.
      const onPage = shown.map((t) => norm(t.text));
      for (const reader of [false, true]) {
        const popup = await PopupPage.open(browser, news.tabId, { reader });
        try {
          const view = await popup.read();
          expect(view.paragraphs.length).toBeGreaterThanOrEqual(PAYLOADS.length);
          const missing = view.paragraphs.filter((p) => !onPage.includes(norm(p)));
          expect(missing).toEqual([]);
          expect(await activeContent(popup.page)).toEqual([]);
          if (reader) continue;
          // Copied as text: the same paragraphs. As Markdown: no link but the source's, and no
          // markup a Markdown reader would render (every "<" escaped).
          const text = norm(await popup.copy('text'));
          expect(view.paragraphs.filter((p) => !text.includes(norm(p)))).toEqual([]);
          const markdown = await popup.copy('markdown');
          const source = /^Source: \[.*\]\(<[^>]*>\)$/m;
          expect(markdown).toMatch(source);
          const body = markdown.replace(source, '');
          expect(body.match(/\]\(/g) ?? []).toEqual([]);
          expect(body.match(/(^|[^\\])</gm) ?? []).toEqual([]);
        } finally {
          await popup.close();
        }
      }

      // Replace mode: the same translations in the blocks' place, nothing foreign either.
      await patchSettings(browser, { displayMode: 'replace' });
      await news.page.waitFor(() => !!document.querySelector('[data-foreign-desk-hidden]'), {
        message: 'the page in replace mode',
      });
      expect(await foreignContent(news.page, before)).toEqual([]);
      await remote.command(news.tabId, 'original');
      await news.waitForNoTranslations();
      expect(firstDifference(before, await news.html())).toBeNull();
      // Whatever would have run has had its time to call the beacon.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(hostile.beacons).toEqual([]);
    } finally {
      await patchSettings(browser, { displayMode: 'bilingual' });
      await remote.close();
      await news.page.close();
    }
  }, 300_000);
});
