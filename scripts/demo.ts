/**
 * `npm run demo`: the built extension in headless Chromium translates one Spanish corpus article
 * through a local Apertium, and leaves the translated article (JSON) and screenshots of the page
 * and the popup in a folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, repoRoot, startApy, startCorpusServer } from '../test/e2e/harness/index.ts';
import { NewsPage } from '../test/e2e/pages/news-page.ts';
import { setApertiumUrl } from '../test/e2e/pages/options-page.ts';
import { PopupPage } from '../test/e2e/pages/popup-page.ts';

const ARTICLE = 'fundus/es-ElPais_2024_10_15';
const OUT = join(repoRoot, 'demo-output');

const corpus = await startCorpusServer();
const apy = await startApy();
const browser = await launchBrowser('chromium');
try {
  mkdirSync(OUT, { recursive: true });
  await setApertiumUrl(browser, apy.url);
  const news = await NewsPage.open(browser, corpus.urlFor(ARTICLE));
  const popup = await PopupPage.open(browser, news.tabId);
  await popup.setSiteMode('always');
  const view = await popup.waitForMessage(
    /Translated from|could not|no .* pair|cannot be reached|went wrong/i,
  );
  const shown = await news.translations();

  writeFileSync(
    join(OUT, 'article.json'),
    JSON.stringify(
      {
        url: corpus.originalUrlOf(ARTICLE),
        status: view.message,
        headline: view.headline,
        published: { local: view.dateText, iso: view.dateIso },
        source: { name: view.sourceName, url: view.sourceHref },
        paragraphs: view.paragraphs,
        onPage: shown.map((t) => ({ original: t.original, translation: t.text })),
      },
      null,
      2,
    ),
  );
  await popup.page.screenshot(join(OUT, 'popup.png'));
  await news.page.bringToFront();
  // Scroll so body paragraphs with their translations fill the screenshot.
  await news.page.evaluate(() => {
    const paragraphs = Array.from(document.querySelectorAll('p > .foreign-desk-translation'));
    const body = paragraphs.find((t) => (t.parentElement?.textContent ?? '').length > 300);
    body?.parentElement?.scrollIntoView({ block: 'start' });
  });
  await news.page.screenshot(join(OUT, 'page.png'));
  console.log(`${view.message}\n${shown.length} blocks translated.`);
  console.log(`Wrote ${join(OUT, 'article.json')}, page.png and popup.png`);
} finally {
  await browser.close();
  await apy.stop();
  await corpus.close();
}
