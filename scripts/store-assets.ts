/**
 * `npm run store-assets`: the store listing's screenshots (1280×800) of the built extension in
 * Chromium and Firefox, on a Spanish corpus article translated into English by a local Apertium:
 * the page in bilingual mode, the popup, the reader tab, the options and the welcome page.
 * Written to store/screenshots/<browser>/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  browserNames,
  launchBrowser,
  repoRoot,
  startApy,
  startCorpusServer,
  type BrowserName,
  type CorpusServer,
  type PageHandle,
} from '../test/e2e/harness/index.ts';
import { NewsPage } from '../test/e2e/pages/news-page.ts';
import { setApertiumUrl } from '../test/e2e/pages/options-page.ts';
import { PopupPage } from '../test/e2e/pages/popup-page.ts';

const ARTICLE = 'fundus/es-ElPais_2024_10_15';
const STORE_SIZE = { width: 1280, height: 800 };

async function shoot(page: PageHandle, dir: string, name: string): Promise<void> {
  await page.bringToFront();
  await page.screenshot(join(dir, `${name}.png`));
  console.log(join('store', 'screenshots', page.browser, `${name}.png`));
}

/**
 * The popup as a reader sees it: its real 480×600 panel, drawn over the translated page it
 * belongs to (the page's own screenshot as the backdrop), where the browser would open it.
 */
async function overPage(popup: PageHandle, pageShot: string): Promise<void> {
  const backdrop = `data:image/png;base64,${readFileSync(pageShot).toString('base64')}`;
  await popup.evaluate((url: string) => {
    const body = document.body.style;
    body.cssText = `max-width:none;height:800px;overflow:hidden;background:url(${url}) 0 0 / 1280px 800px no-repeat`;
    const panel = document.querySelector<HTMLElement>('main')!.style;
    panel.cssText =
      'position:absolute;top:4px;right:12px;width:480px;height:600px;overflow:hidden;' +
      'box-sizing:border-box;background:Canvas;border:1px solid #9996;border-radius:8px;' +
      'box-shadow:0 6px 28px #0006';
  }, backdrop);
}

/** Waits until an extension page has rendered past its "Loading…" line. */
async function rendered(page: PageHandle, selector: string): Promise<void> {
  await page.waitFor(
    (s: string) => document.querySelector(s) !== null,
    { message: selector },
    selector,
  );
}

async function screenshots(name: BrowserName, corpus: CorpusServer, apyUrl: string) {
  const dir = join(repoRoot, 'store', 'screenshots', name);
  mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser(name, { viewport: STORE_SIZE });
  try {
    await setApertiumUrl(browser, apyUrl);
    const news = await NewsPage.open(browser, corpus.urlFor(ARTICLE));
    const popup = await PopupPage.open(browser, news.tabId);
    await popup.setSiteMode('always');
    await popup.waitForMessage(/Translated from/);
    await news.waitForTranslations(3);

    await news.page.bringToFront();
    // The headline and the first paragraphs with their translations under them.
    await news.page.evaluate(() => {
      const first = document.querySelector('.foreign-desk-translation')?.parentElement;
      first?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -24);
    });
    await shoot(news.page, dir, '1-page-bilingual');
    await overPage(popup.page, join(dir, '1-page-bilingual.png'));
    await shoot(popup.page, dir, '2-popup');
    await popup.close();

    const reader = await PopupPage.open(browser, news.tabId, { reader: true });
    await reader.waitForMessage(/Translated from/);
    await shoot(reader.page, dir, '3-reader');
    await reader.close();

    const options = await browser.openExtensionPage('/options.html');
    await rendered(options, 'main h2');
    await shoot(options, dir, '4-options');
    await options.close();

    const welcome = await browser.openExtensionPage('/welcome.html');
    await rendered(welcome, '[data-testid=welcome-target]');
    await shoot(welcome, dir, '5-welcome');
    await welcome.close();
  } finally {
    await browser.close();
  }
}

const corpus = await startCorpusServer();
const apy = await startApy();
try {
  for (const name of browserNames) await screenshots(name, corpus, apy.url);
} finally {
  await apy.stop();
  await corpus.close();
}
