import { describe, expect, it } from 'vitest';
import { browserNames } from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';

const ELPAIS = 'fundus/es-ElPais_2024_10_15';

const servers = useServers({ countRequests: true });

describe('Apertium APy', () => {
  it('translates "Hola mundo" from Spanish to English on loopback', async () => {
    expect(servers.apy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${servers.apy.url}/translate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ langpair: 'spa|eng', q: 'Hola mundo', markUnknown: 'no' }),
    });
    const body = (await res.json()) as { responseData: { translatedText: string } };
    expect(body.responseData.translatedText.trim()).toMatch(/^hello world$/i);
    expect(servers.apy.requests).toEqual([
      { method: 'POST', path: '/translate', params: expect.objectContaining({ q: 'Hola mundo' }) },
    ]);
  });
});

describe.each(browserNames)('%s', (name) => {
  const session = useBrowser(name);

  it('loads the extension with its background running', async () => {
    const scheme = name === 'chromium' ? 'chrome-extension' : 'moz-extension';
    expect(session.browser.extensionOrigin).toMatch(new RegExp(`^${scheme}://[0-9a-z-]+$`));
    expect(session.browser.manifest.manifest_version).toBe(3);
    const background = await session.browser.backgroundUrl();
    expect(background.startsWith(`${session.browser.extensionOrigin}/`)).toBe(true);
  });

  it('opens an extension page with the extension API', async () => {
    // The popup when it has been built, else the manifest (an extension page all the same).
    const action = session.browser.manifest.action as { default_popup?: string } | undefined;
    const path = action?.default_popup ? `/${action.default_popup}` : '/manifest.json';
    const page = await session.browser.openExtensionPage(path);
    try {
      expect(page.url()).toBe(`${session.browser.extensionOrigin}${path}`);
      const info = await page.waitFor(
        () => {
          const api = (
            globalThis as unknown as { chrome?: { runtime?: { getURL(p: string): string } } }
          ).chrome?.runtime;
          return api ? { root: api.getURL('/'), ready: document.readyState } : null;
        },
        { message: 'the extension API in an extension page' },
      );
      expect(info.root).toBe(`${session.browser.extensionOrigin}/`);
    } finally {
      await page.close();
    }
  });

  it('serves a corpus page under its real hostname, headline visible', async () => {
    const url = servers.corpus.urlFor(ELPAIS);
    expect(new URL(url).hostname).toBe('elpais.com');
    const page = await session.browser.openPage(url);
    try {
      expect(new URL(page.url()).hostname).toBe('elpais.com');
      const headline = await page.waitFor(
        () => {
          const h1 = document.querySelector('h1');
          const box = h1?.getBoundingClientRect();
          return h1 && box && box.width > 0 && box.height > 0 ? h1.textContent?.trim() : '';
        },
        { message: 'the visible <h1> headline of the El País page' },
      );
      expect(headline).toContain('Bruselas');
      // The saved page's own inline scripts are blocked (its ad loader would define _taboola).
      expect(await page.evaluate(() => typeof (window as { _taboola?: unknown })._taboola)).toBe(
        'undefined',
      );
      const tabId = await session.browser.tabIdOf(page);
      expect(Number.isInteger(tabId) && tabId >= 0).toBe(true);
    } finally {
      await page.close();
    }
  });
});
