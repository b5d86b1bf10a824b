import { describe, expect, it } from 'vitest';
import { browserNames, type ExtensionBrowser, type PageHandle } from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';
import { setApertiumUrl, waitForSaved } from './pages/options-page.ts';
import { focusStops, screenshot, seriousAxeViolations } from './pages/ui-checks.ts';

const servers = useServers();

async function openOptions(browser: ExtensionBrowser, ui?: string): Promise<PageHandle> {
  const page = await browser.openExtensionPage(`/options.html${ui ? `?ui=${ui}` : ''}`);
  await page.waitFor(() => document.querySelector('#engine') !== null, {
    message: 'the options form',
  });
  return page;
}

const text = (page: PageHandle, selector: string) =>
  page.evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector);

/** Sets an input's value as typing and then leaving the field would (the form is Preact's). */
const fill = (page: PageHandle, selector: string, value: string) =>
  page.evaluate(
    (s: string, v: string) => {
      const input = document.querySelector<HTMLInputElement>(s)!;
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    value,
  );

const choose = (page: PageHandle, selector: string, value: string) =>
  page.evaluate(
    (s: string, v: string) => {
      const select = document.querySelector<HTMLSelectElement>(s)!;
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    value,
  );

describe.each(browserNames)('%s: the options page', (name) => {
  const session = useBrowser(name);

  it('applies settings at once and tests the connection to APy, with the engine’s own error on failure', async () => {
    await setApertiumUrl(session.browser, servers.apy.url);
    const page = await openOptions(session.browser);
    try {
      await page.click('[data-testid=test-apertium]');
      const ok = await page.waitFor(
        () => {
          const t = document.querySelector('[data-testid=test-result-apertium]')?.textContent;
          return t && t !== 'Testing…' ? t : null;
        },
        { timeout: 30_000, message: 'the connection test result' },
      );
      expect(ok).toMatch(/^Connected: Hola → Hello/);

      // An address where nothing listens: the engine's error, not a generic one.
      await fill(page, '#apertium-url', 'http://127.0.0.1:9/');
      await page.click('[data-testid=test-apertium]');
      const failed = await page.waitFor(
        () => {
          const t = document.querySelector('[data-testid=test-result-apertium]')?.textContent;
          return t?.startsWith('Failed') ? t : null;
        },
        { timeout: 30_000, message: 'the failed connection test' },
      );
      expect(failed).toMatch(/Failed: .*127\.0\.0\.1:9/);
      await fill(page, '#apertium-url', servers.apy.url);

      // "Automatic" says what it uses now: the reader's own APy, set above.
      await choose(page, '#engine', 'auto');
      const automatic = await page.waitFor(
        () => document.querySelector('[data-testid=automatic-engine]')?.textContent,
        { message: 'what Automatic uses now' },
      );
      expect(automatic).toMatch(/^Now: .*Apertium/);

      // One change applies at once: the status line says so, politely, with no Save button.
      await choose(page, '#target-lang', 'de');
      await waitForSaved(page);
      expect(
        await page.evaluate(() => ({
          role: document.querySelector('#save-status')?.getAttribute('role'),
          saveButton: document.querySelector('#save, button[type=submit]:not([data-testid])'),
        })),
      ).toEqual({ role: 'status', saveButton: null });

      // An address that is no URL: marked where it was typed, and not stored.
      await fill(page, '#deepl-url', 'not an address');
      expect(await text(page, '[data-testid=deepl-url-error]')).toContain('http');
      // One typed with spaces around it is stored trimmed.
      await fill(page, '#deepl-url', ' https://api.deepl.com ');
      await page.waitFor(() => !document.querySelector('[data-testid=deepl-url-error]'), {
        message: 'the error gone once the address is valid',
      });

      // Target language, display mode, engine and fallback: applied, and there after a reload.
      await choose(page, '#engine', 'apertium');
      await choose(page, '#fallback-engine', 'google-web');
      await page.click('input[name=display-mode][value=replace]');
      await page.click('[data-testid=always-from] input[value=es]');
      await waitForSaved(page);
    } finally {
      await page.close();
    }
    const again = await openOptions(session.browser);
    try {
      const values = await again.evaluate(() => ({
        target: document.querySelector<HTMLSelectElement>('#target-lang')!.value,
        engine: document.querySelector<HTMLSelectElement>('#engine')!.value,
        fallback: document.querySelector<HTMLSelectElement>('#fallback-engine')!.value,
        mode: document.querySelector<HTMLInputElement>('input[name=display-mode]:checked')!.value,
        from: document.querySelector<HTMLInputElement>('[data-testid=always-from] input[value=es]')!
          .checked,
        url: document.querySelector<HTMLInputElement>('#apertium-url')!.value,
        deepl: document.querySelector<HTMLInputElement>('#deepl-url')!.value,
      }));
      expect(values).toEqual({
        target: 'de',
        engine: 'apertium',
        fallback: 'google-web',
        mode: 'replace',
        from: true,
        url: servers.apy.url,
        deepl: 'https://api.deepl.com',
      });
      await fill(again, '#deepl-url', '');
      // Back to the defaults the other tests expect.
      await choose(again, '#target-lang', 'en');
      await restoreDefaults(again);
    } finally {
      await again.close();
    }
  });

  it('adds and removes a site, shows and clears the cache, names the shortcut and what is sent where', async () => {
    const page = await openOptions(session.browser);
    try {
      await fill(page, '#new-site', 'https://www.example.org/news');
      await choose(page, '.add-site select', 'ask');
      await page.click('[data-testid=add-site]');
      const added = await page.waitFor(
        () =>
          document.querySelector('tr[data-site="www.example.org"]')
            ? 'listed'
            : document.querySelector('#save-status')?.textContent,
        { message: 'the added site in the list' },
      );
      expect(added).toBe('listed');
      await page.click('tr[data-site="www.example.org"] button');
      await page.waitFor(() => !document.querySelector('tr[data-site="www.example.org"]'), {
        message: 'the site removed',
      });

      // A registry site is listed by its publisher's name, never by its internal id.
      await fill(page, '#new-site', 'https://elpais.com/internacional/');
      await choose(page, '.add-site select', 'ask');
      await page.click('[data-testid=add-site]');
      const listed = await page.waitFor(
        () => document.querySelector('tr[data-site="elpais"] td')?.textContent,
        { message: 'El País in the list' },
      );
      expect(listed).toBe('El País');
      expect(await text(page, '[data-testid=site-list]')).not.toMatch(/\belpais\b/);
      await page.click('tr[data-site="elpais"] button');
      await page.waitFor(() => !document.querySelector('tr[data-site="elpais"]'), {
        message: 'El País removed',
      });

      expect(await text(page, '[data-testid=cache-count]')).toMatch(/^\d+ paragraphs kept/);
      await page.click('[data-testid=clear-cache]');
      await page.waitFor(
        () => document.querySelector('[data-testid=cache-count]')?.textContent?.startsWith('0 '),
        { message: 'an empty cache' },
      );

      const shortcut = await text(page, '[data-testid=shortcut]');
      expect(shortcut).toContain('Alt+Shift+J');
      expect(shortcut).toContain(
        name === 'firefox' ? 'about:addons' : 'chrome://extensions/shortcuts',
      );
      const privacy = await text(page, '.privacy');
      expect(privacy).toContain('headline, paragraphs and captions');
      expect(privacy).toContain(servers.apy.url);
      await screenshot(page, `${name}-options-en`);
      if (name === 'chromium') expect(await seriousAxeViolations(page)).toEqual([]);
      const stops = await focusStops(page, 5);
      expect(stops.every((s) => s.tag !== 'body' && /^(solid|auto) /.test(s.outline))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('in Arabic: right to left, every label translated', async () => {
    const page = await openOptions(session.browser, 'ar');
    try {
      const shown = await page.evaluate(() => ({
        dir: document.documentElement.dir,
        title: document.querySelector('h1')?.textContent,
        engine: document.querySelector('label[for=engine]')?.textContent,
      }));
      expect(shown).toEqual({ dir: 'rtl', title: 'إعدادات Foreign Desk', engine: 'المحرك' });
      await screenshot(page, `${name}-options-ar`);
      if (name === 'chromium') expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** Restores bilingual display and waits until it is stored. */
async function restoreDefaults(page: PageHandle): Promise<void> {
  await page.click('input[name=display-mode][value=bilingual]');
  await waitForSaved(page);
}
