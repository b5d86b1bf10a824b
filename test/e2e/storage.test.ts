/**
 * Settings as stored: a change made in the options (another tab) reaches a page already open
 * there, and a stored setting the extension cannot read is reset alone, with a notice.
 */
import { describe, expect, it } from 'vitest';
import { browserNames, type ExtensionBrowser, type PageHandle } from './harness/index.ts';
import { firstDifference, NewsPage } from './pages/news-page.ts';
import { waitForSaved } from './pages/options-page.ts';
import { PopupPage } from './pages/popup-page.ts';
import { patchSettings } from './pages/settings-store.ts';
import { useBrowser, useServers } from './suite.ts';

const EL_PAIS = 'fundus/es-ElPais_2024_10_15';
const NOTICE = '.settings-reset';

const servers = useServers();

/** The stored settings, as an extension page reads them. */
function storedSettings(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return withOptions(browser, (page) =>
    page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await api.storage.local.get('settings')).settings as Record<string, unknown>;
    }),
  );
}

async function withOptions<T>(
  browser: ExtensionBrowser,
  use: (page: PageHandle) => Promise<T>,
): Promise<T> {
  const page = await browser.openExtensionPage('/options.html');
  try {
    await page.waitFor(() => document.querySelector('#target-lang') !== null, {
      message: 'the options form',
    });
    return await use(page);
  } finally {
    await page.close();
  }
}

function noticeText(page: PageHandle): Promise<string | null> {
  return page.evaluate((sel: string) => document.querySelector(sel)?.textContent ?? null, NOTICE);
}

describe.each(browserNames)('%s: settings and storage', (name) => {
  const session = useBrowser(name, servers);

  it('a change made in the options reaches a page already open in another tab', async () => {
    await patchSettings(session.browser, { sites: { elpais: 'always' } });
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    await news.waitForTranslations(3);
    expect(
      await news.page.evaluate(
        () => document.querySelectorAll('[data-foreign-desk-hidden]').length,
      ),
    ).toBe(0);

    await withOptions(session.browser, async (options) => {
      await options.click('input[name="display-mode"][value="replace"]');
      await waitForSaved(options);
      await options.click('input[name="translation-style"][value="tint"]');
      await waitForSaved(options);
    });
    // Replace: the originals hidden, the translations in their place, in the new style.
    await news.page.waitFor(
      () =>
        document.querySelectorAll('[data-foreign-desk-hidden]').length >= 3 &&
        document.querySelectorAll('[data-foreign-desk-style="tint"]').length >= 3 &&
        !document.querySelector('[data-foreign-desk-style="rule"]'),
      { message: 'the open page in replace mode with the tint' },
    );

    await withOptions(session.browser, async (options) => {
      await options.evaluate(() => {
        const row = Array.from(document.querySelectorAll('[data-testid=site-list] tr')).find((r) =>
          r.textContent?.includes('El País'),
        );
        const select = row?.querySelector('select');
        if (!select) throw new Error('no El País row in the site list');
        select.value = 'never';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitForSaved(options);
    });
    // Never: the open page is put back exactly as the same page is without the extension.
    await news.waitForNoTranslations();
    // Under another address: two tabs on one URL are told apart by a title the harness sets,
    // and setting `document.title` collapses the page's double spaces.
    const url = servers.corpus.urlFor(EL_PAIS);
    const copy = `${url}${url.includes('?') ? '&' : '?'}__fd_page=${encodeURIComponent(EL_PAIS)}`;
    const untouched = await NewsPage.open(session.browser, copy);
    expect(firstDifference(await untouched.html(), await news.html())).toBeNull();
    await untouched.page.close();
    await news.page.close();
  });

  it('a stored setting it cannot read is reset alone, and the options and popup say which', async () => {
    const stored = await storedSettings(session.browser);
    await patchSettings(session.browser, {
      displayMode: 42,
      sites: { elpais: 'sometimes', 'abc-es': 'never' },
    });
    const news = await NewsPage.open(session.browser, servers.corpus.urlFor(EL_PAIS));
    const popup = await PopupPage.open(session.browser, news.tabId);
    await popup.page.waitFor(
      (sel: string) => document.querySelector(sel)?.textContent?.includes('was reset'),
      { message: 'the popup’s notice' },
      NOTICE,
    );
    expect(await noticeText(popup.page)).toContain(
      'A setting could not be read and was reset: On the page, Sites',
    );

    // The broken fields are back to their defaults, the rest as it was, one site kept.
    const repaired = await storedSettings(session.browser);
    expect(repaired.displayMode).toBe('bilingual');
    expect(repaired.sites).toEqual({ 'abc-es': 'never' });
    expect(repaired.targetLang).toBe(stored.targetLang);
    expect(repaired.apertium).toEqual(stored.apertium);

    await withOptions(session.browser, async (options) => {
      await options.waitFor(
        (sel: string) => document.querySelector(sel)?.textContent?.includes('On the page, Sites'),
        { message: 'the options’ notice' },
        NOTICE,
      );
      await options.click(`${NOTICE} button`);
      await options.waitFor((sel: string) => !document.querySelector(sel), {}, NOTICE);
    });
    // Dismissed once, gone everywhere, and not shown again.
    await popup.page.waitFor((sel: string) => !document.querySelector(sel), {}, NOTICE);
    const left = await withOptions(session.browser, (options) =>
      options.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        return (await api.storage.local.get('settingsReset')).settingsReset ?? null;
      }),
    );
    expect(left).toBeNull();
    await popup.page.close();
    await news.page.close();
  });
});
