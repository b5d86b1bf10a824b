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
import { patchSettings } from './pages/settings-store.ts';

/** www.publico.es is not in the site registry (utils/sites/registry.ts). */
const PUBLICO = 'fundus/es-Publico_2025_05_29';
/** A German article: the test's APy has no German, so the extension looks for other engines. */
const SPIEGEL = 'fundus/de-SpiegelOnline_2023_04_28';
/** What the extension asks for when the reader turns publico.es on (originsFor in access.ts). */
const PUBLICO_ORIGINS = ['*://publico.es/*', '*://*.publico.es/*'];

const ENGLISH = /\b(the|of|and|to|in|is|that|with)\b/gi;
const SPANISH = /\b(el|la|los|las|de|que|y|en|con|por|una)\b/gi;
const count = (text: string, words: RegExp) => text.match(words)?.length ?? 0;

const servers = useServers({ countRequests: true });

/** Waits for the article in `news` to be translated, with nobody asking on the page. */
async function expectTranslated(news: NewsPage) {
  const shown = await news.waitForTranslations(3);
  const english = shown.map((t) => t.text).join(' ');
  const spanish = shown.map((t) => t.original).join(' ');
  expect(shown.every((t) => t.lang === 'en')).toBe(true);
  expect(count(english, ENGLISH)).toBeGreaterThan(3 * Math.max(1, count(english, SPANISH)));
  expect(count(spanish, SPANISH)).toBeGreaterThan(count(spanish, ENGLISH));
}

/** Opens the article and waits for it to be translated on load. */
async function expectTranslatedOnLoad(browser: ExtensionBrowser, url: string) {
  const news = await NewsPage.open(browser, url);
  await expectTranslated(news);
  await news.page.close();
}

/** The page control's box and whether its stylesheet applies (it is pinned to the viewport). */
function controlBox() {
  const control = document
    .querySelector('foreign-desk-control')
    ?.shadowRoot?.querySelector<HTMLElement>('.control');
  if (!control) return null;
  const r = control.getBoundingClientRect();
  const icon = control.querySelector('.brand svg')?.getBoundingClientRect();
  return {
    position: getComputedStyle(control).position,
    onScreen: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    // The extension's icon, drawn (18 px), not a file the site would have to let load.
    icon: icon ? `${Math.round(icon.width)}×${Math.round(icon.height)}` : null,
  };
}

describe.each(browserNames)('%s: a news site outside the list', (name) => {
  let profileDir: string;
  let browser: ExtensionBrowser | undefined;
  /** The browser the first test left running, with the site turned on. */
  const started = () => {
    if (!browser) throw new Error('the first test of this block did not start the browser');
    return browser;
  };

  beforeAll(() => {
    profileDir = mkdtempSync(join(tmpdir(), `fd-${name}-kept-`));
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('turned on through the permission prompt, the page in front is translated at once, with the control styled', async () => {
    const url = servers.corpus.urlFor(PUBLICO);

    // First run: the reader sets up the engine. The site is not on: nothing runs there.
    browser = await launchBrowser(name, { profileDir });
    await setApertiumUrl(browser, servers.apy.url);
    // An engine the reader did not choose, at an address where a request would be seen.
    await patchSettings(browser, {
      libretranslate: { baseUrl: `http://libretranslate.test:${servers.corpus.port}` },
    });
    let news = await NewsPage.open(browser, url);
    let popup = await PopupPage.open(browser, news.tabId);
    const off = await popup.read();
    expect(off.message).toContain('not on for www.publico.es');
    // Nothing runs on the site, not even an offer: the popup does not pretend it will ask.
    expect(off.siteMode).toBe('never');
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
    // The page in front of the reader is translated at once, with the control styled and on
    // screen as on a site of the list.
    await news.page.bringToFront();
    await expectTranslated(news);
    expect(await news.page.evaluate(controlBox)).toEqual({
      position: 'fixed',
      onScreen: true,
      icon: '18×18',
    });
    await news.page.close();
    await expectTranslatedOnLoad(browser, url);
    // Two cold browser starts, each a good part of the default budget on a loaded machine.
  }, 240_000);

  it('is still translated on load after a browser restart', async () => {
    await started().close();
    browser = await launchBrowser(name, { profileDir });
    await expectTranslatedOnLoad(browser, servers.corpus.urlFor(PUBLICO));
  });

  it('Never, then Ask first, then Always: each takes effect at once, without a restart', async () => {
    const url = servers.corpus.urlFor(PUBLICO);
    const browser = started();
    const news = await NewsPage.open(browser, url);
    await expectTranslated(news);
    const popup = await PopupPage.open(browser, news.tabId);
    await popup.setSiteMode('never');
    await news.waitForNoTranslations();
    await news.reload();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await news.translations()).toHaveLength(0);
    expect(await news.control()).toBeNull();

    await popup.setSiteMode('ask');
    await news.waitForControlText('Translate this article into English?');
    expect(await news.translations()).toHaveLength(0);
    await news.reload();
    await news.waitForControlText('Translate this article into English?');

    await popup.setSiteMode('always');
    await expectTranslated(news);
    expect(await popup.read().then((v) => v.siteMode)).toBe('always');
    await popup.close();
    await news.page.close();
  });

  it('asks no server but the page’s and the chosen engine’s, also when that engine lacks the language', async () => {
    // The suggestions of other engines come from what the extension knows.
    const url = servers.corpus.urlFor(PUBLICO);
    const browser = started();
    await patchSettings(browser, { sites: { spiegel: 'always' } });
    const german = await NewsPage.open(browser, servers.corpus.urlFor(SPIEGEL));
    await german.page.waitFor(
      () =>
        document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control')
          ?.getAttribute('data-status') === 'error',
      { message: 'the engine error on the German article' },
    );
    await german.page.close();
    const pageHosts = new Set([url, servers.corpus.urlFor(SPIEGEL)].map((u) => new URL(u).host));
    const otherHosts = servers.corpus.requests.map((r) => r.host).filter((h) => !pageHosts.has(h));
    expect(otherHosts).toEqual([]);
    expect(servers.apy.requests.some((r) => r.path === '/translate')).toBe(true);
  });
});
