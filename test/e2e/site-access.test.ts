import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserNames,
  grantHostPermissionsInProfile,
  launchBrowser,
  type ExtensionBrowser,
} from './harness/index.ts';
import { useServers } from './suite.ts';
import { NewsPage } from './pages/news-page.ts';
import { setApertiumUrl } from './pages/options-page.ts';
import { PopupPage } from './pages/popup-page.ts';

/** www.publico.es is not in the site registry (utils/sites/registry.ts). */
const PUBLICO = 'fundus/es-Publico_2025_05_29';
/** What the extension asks for when the reader turns publico.es on (originsFor in access.ts). */
const PUBLICO_ORIGINS = ['*://publico.es/*', '*://*.publico.es/*'];

const ENGLISH = /\b(the|of|and|to|in|is|that|with)\b/gi;
const SPANISH = /\b(el|la|los|las|de|que|y|en|con|por|una)\b/gi;
const count = (text: string, words: RegExp) => text.match(words)?.length ?? 0;

const servers = useServers();

/** Opens the article and waits for it to be translated on load, with nobody asking. */
async function expectTranslatedOnLoad(browser: ExtensionBrowser, url: string) {
  const news = await NewsPage.open(browser, url);
  const shown = await news.waitForTranslations(3);
  const english = shown.map((t) => t.text).join(' ');
  const spanish = shown.map((t) => t.original).join(' ');
  expect(shown.every((t) => t.lang === 'en')).toBe(true);
  expect(count(english, ENGLISH)).toBeGreaterThan(3 * Math.max(1, count(english, SPANISH)));
  expect(count(spanish, SPANISH)).toBeGreaterThan(count(spanish, ENGLISH));
  await news.page.close();
}

describe.each(browserNames)('%s: a news site outside the list', (name) => {
  let profileDir: string;
  let browser: ExtensionBrowser | undefined;

  beforeAll(() => {
    profileDir = mkdtempSync(join(tmpdir(), `fd-${name}-kept-`));
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('turned on through the permission prompt, it is translated on load, also after a browser restart', async () => {
    const url = servers.corpus.urlFor(PUBLICO);

    // First run: the reader sets up the engine. The site is not on: nothing runs there.
    browser = await launchBrowser(name, { profileDir });
    await setApertiumUrl(browser, servers.apy.url);
    let news = await NewsPage.open(browser, url);
    let popup = await PopupPage.open(browser, news.tabId);
    const off = await popup.read();
    expect(off.message).toContain('not on for www.publico.es');
    expect(off.siteMode).toBe('ask');
    expect(await news.control()).toBeNull();
    await popup.close();
    await news.page.close();
    await browser.close();

    // The reader's "Allow" on the browser's prompt (Chromium: in the profile, see the harness;
    // Firefox grants the request itself when it is made).
    await grantHostPermissionsInProfile(name, profileDir, browser.extensionDir, PUBLICO_ORIGINS);

    // "Always translate" in the popup: the extension asks for the site and registers its
    // content script there.
    browser = await launchBrowser(name, { profileDir });
    news = await NewsPage.open(browser, url);
    popup = await PopupPage.open(browser, news.tabId);
    await popup.setSiteMode('always');
    // Set-up wait, not the check (that is the page below): the registration is in place.
    await popup.page.waitFor(
      async () => {
        const api = (
          globalThis as unknown as {
            chrome: {
              scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
            };
          }
        ).chrome;
        const scripts = await api.scripting.getRegisteredContentScripts();
        return scripts.some((s) => s.matches?.includes('*://publico.es/*'));
      },
      { message: 'a content script registered for publico.es' },
    );
    expect(
      await popup.page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? null),
    ).toBeNull();
    await popup.close();
    await news.page.close();
    await expectTranslatedOnLoad(browser, url);
    await browser.close();

    // After a restart with the same profile: still translated on load.
    browser = await launchBrowser(name, { profileDir });
    await expectTranslatedOnLoad(browser, url);
  });
});
