import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserNames,
  launchBrowser,
  startVirtualDisplay,
  type ExtensionBrowser,
} from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';
import { firstDifference, NewsPage, type ShownTranslation } from './pages/news-page.ts';
import { setApertiumUrl } from './pages/options-page.ts';

// Each test reads an article no other test in this browser has translated (the background caches).
/** www.publico.es is not in the site registry: only the reader's action brings the extension in. */
const PUBLICO = 'fundus/es-Publico_2025_05_29';
/** abc.es is in the registry, in its default mode (ask): the content script runs and waits. */
const ABC = 'fundus/es-ABC_2025_01_13';

/** Words that show a text is English and not Spanish. */
const ENGLISH = /\b(the|of|and|to|in|is|that|with)\b/gi;
const SPANISH = /\b(el|la|los|las|de|que|y|en|con|por|una)\b/gi;
const count = (text: string, words: RegExp) => text.match(words)?.length ?? 0;

/** The page now reads in English under the Spanish paragraphs. */
function expectEnglish(shown: ShownTranslation[]) {
  for (const t of shown) {
    expect(t.lang).toBe('en');
    // A dateline such as "Madrid-29/05/2025 20:00" reads the same in English.
    if (count(t.original, SPANISH) > 0) expect(t.text).not.toBe(t.original);
  }
  const english = shown.map((t) => t.text).join(' ');
  const spanish = shown.map((t) => t.original).join(' ');
  expect(count(english, ENGLISH)).toBeGreaterThan(3 * Math.max(1, count(english, SPANISH)));
  expect(count(spanish, SPANISH)).toBeGreaterThan(count(spanish, ENGLISH));
}

const servers = useServers();

/**
 * Right-click on the headline of a page whose site waits to be asked: the menu offers to translate
 * (and not to show the original), choosing it translates; then the menu offers "Show original",
 * and choosing that puts the page back exactly.
 */
async function contextMenuRoundTrip(browser: ExtensionBrowser) {
  const news = await NewsPage.open(browser, servers.corpus.urlFor(ABC));
  await news.page.waitFor(() => !!document.querySelector('foreign-desk-control'), {
    message: 'the page control (site in ask mode)',
  });
  const before = await news.html();
  expect(await news.translations()).toHaveLength(0);

  let menu = await browser.openContextMenu(news.page, 'h1');
  // Firefox lists the extension's items only; Chromium every item of its menu.
  if (browser.name === 'firefox') expect(menu.items).toEqual(['Translate this article']);
  expect(menu.items).toContain('Translate this article');
  expect(menu.items).not.toContain('Show original');
  await menu.choose('Translate this article');
  expectEnglish(await news.waitForTranslations(3));

  menu = await browser.openContextMenu(news.page, 'h1');
  if (browser.name === 'firefox') expect(menu.items).toEqual(['Show original']);
  expect(menu.items).toContain('Show original');
  expect(menu.items).not.toContain('Translate this article');
  await menu.choose('Show original');
  await news.waitForNoTranslations();
  expect(firstDifference(before, await news.html())).toBeNull();
  await news.page.close();
}

describe.each(browserNames)('%s: shortcut and context menu', (name) => {
  const session = useBrowser(name, servers);
  /** The shortcut as the manifest suggests it (the default a reader gets). */
  let shortcut: string;

  beforeAll(() => {
    const commands = session.browser.manifest.commands as Record<
      string,
      { suggested_key?: { default?: string } }
    >;
    shortcut = commands['toggle-translation']?.suggested_key?.default ?? '';
    expect(shortcut).not.toBe('');
  });

  it('the keyboard shortcut translates an article on a site outside the list, and pressed again restores it exactly', async () => {
    // Pressed with the focus in the page, where the reader is. (Firefox hands Alt+Shift+<letter>
    // to its menu bar while the page has the focus when the letter is a menu's access key, which
    // is why the default is J.)
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(PUBLICO));
    const before = await news.html();
    expect(await news.translations()).toHaveLength(0);
    expect(await news.control()).toBeNull();

    await session.browser.pressShortcut(news.page, shortcut);
    expectEnglish(await news.waitForTranslations(3));

    await session.browser.pressShortcut(news.page, shortcut);
    await news.waitForNoTranslations();
    expect(firstDifference(before, await news.html())).toBeNull();
    await news.page.close();
  });

  if (name === 'firefox') {
    it('the context menu offers "Translate this article", translates, then offers "Show original" and restores exactly', async () => {
      await contextMenuRoundTrip(session.browser);
    });
  } else {
    // Headless Chromium shows no context menu: this test runs Chromium headed on a virtual X
    // display, right-clicks through CDP, reads the native menu from Chromium's accessibility
    // tree and picks the item with X key events (harness/chromium.ts, openContextMenu).
    it('the context menu (headed, on a virtual display) offers "Translate this article", translates, then offers "Show original" and restores exactly', async () => {
      const display = await startVirtualDisplay();
      let headed: ExtensionBrowser | undefined;
      try {
        headed = await launchBrowser(name, { display });
        await setApertiumUrl(headed, servers.apy.url);
        await contextMenuRoundTrip(headed);
      } finally {
        await headed?.close();
        await display.stop();
      }
    });
  }
});
