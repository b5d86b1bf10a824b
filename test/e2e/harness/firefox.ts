import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readManifest, type ExtensionBrowser } from './browser.ts';
import { sleep, wrapPage, type PageHandle, type RawPage } from './page.ts';
import { APT_BROWSERS, requireFile } from './paths.ts';
import { resolveTabId, type TabInfo } from './tabs.ts';

const FIREFOX = process.env.FD_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * Puppeteer's `page.url()` stays `about:blank` after navigating to a moz-extension:// page (the
 * BiDi navigation events never arrive), so the page's own `location.href` is remembered from
 * every evaluate and used instead.
 */
function rawPage(page: Page, knownUrl?: string): RawPage {
  let lastHref = knownUrl;
  return {
    url: () => {
      const url = page.url();
      return url === 'about:blank' && lastHref ? lastHref : url;
    },
    evaluateExpression: async (expression) => {
      const { v, href } = (await page.evaluate(
        `(async () => { const v = await (${expression}); return { v, href: location.href }; })()`,
      )) as { v: unknown; href: string };
      lastHref = href;
      return v;
    },
    click: (selector) => page.click(selector),
    type: (selector, text) => page.type(selector, text),
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

function geckoIdOf(manifest: Record<string, unknown>): string {
  const settings = (manifest.browser_specific_settings ?? manifest.applications) as
    { gecko?: { id?: string } } | undefined;
  const id = settings?.gecko?.id;
  if (!id) {
    throw new Error(
      '[firefox] the built manifest has no browser_specific_settings.gecko.id; the harness needs it',
    );
  }
  return id;
}

export async function launchFirefox(extensionDir: string): Promise<ExtensionBrowser> {
  const manifest = readManifest(extensionDir, 'firefox');
  const geckoId = geckoIdOf(manifest);
  requireFile(FIREFOX, 'Firefox ESR', APT_BROWSERS.replace('chromium ', ''));
  const uuid = randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;

  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // Needed to navigate tabs to moz-extension:// pages over WebDriver BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Every hostname resolves to loopback: real news URLs hit the local corpus server.
      'network.dns.forceResolve': '127.0.0.1',
      'network.trr.mode': 5,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.predictor.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'dom.security.https_only_mode': false,
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });

  const close = async () => {
    await browser.close().catch(() => undefined);
  };

  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw new Error(
      `[firefox] could not install the extension from ${extensionDir}: ${String(error)}`,
    );
  }

  // Start from an empty tab list: tests open their own tabs.
  const blank = await browser.pages();

  async function newTab(): Promise<Page> {
    const page = await browser.newPage();
    for (const b of blank.splice(0)) await b.close().catch(() => undefined);
    return page;
  }

  async function openPage(url: string): Promise<PageHandle> {
    const page = await newTab();
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    } catch (error) {
      await page.close().catch(() => undefined);
      throw new Error(`[firefox] could not open ${url}: ${String(error)}`);
    }
    return wrapPage('firefox', rawPage(page));
  }

  async function openExtensionPage(path: string): Promise<PageHandle> {
    const url = `${extensionOrigin}${path.startsWith('/') ? '' : '/'}${path}`;
    const page = await newTab();
    // goto to a moz-extension:// page may never resolve (or reject with "Frame detached"):
    // start it, then poll the tab until it shows the page.
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 30_000;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const state = await page.evaluate(() => [location.href, document.readyState]);
        last = state.join(' ');
        if (state[0] === url && state[1] !== 'loading') {
          return wrapPage('firefox', rawPage(page, url));
        }
      } catch (error) {
        last = String(error);
      }
      await sleep(100);
    }
    await page.close().catch(() => undefined);
    throw new Error(`[firefox] extension page ${url} did not open; last state: ${last}`);
  }

  /** Runs `fn` in a code-free extension page (manifest.json), then closes it. */
  async function inExtensionPage<R>(fn: () => R | Promise<R>): Promise<Awaited<R>> {
    const helper = await openExtensionPage('/manifest.json');
    try {
      return await helper.evaluate(fn);
    } finally {
      await helper.close().catch(() => undefined);
    }
  }

  async function tabIdOf(page: PageHandle): Promise<number> {
    const id = await resolveTabId(page, () =>
      inExtensionPage(
        () =>
          (
            globalThis as unknown as {
              browser: { tabs: { query(q: object): Promise<TabInfo[]> } };
            }
          ).browser.tabs.query({}) as Promise<TabInfo[]>,
      ),
    );
    await page.bringToFront();
    return id;
  }

  async function backgroundUrl(): Promise<string> {
    const deadline = Date.now() + 15_000;
    let last = '';
    while (Date.now() < deadline) {
      last = await inExtensionPage(async () => {
        const rt = (
          globalThis as unknown as {
            browser: { runtime: { getBackgroundPage(): Promise<Window | null> } };
          }
        ).browser.runtime;
        try {
          const w = await rt.getBackgroundPage();
          return w ? w.location.href : 'no background page';
        } catch (e) {
          return `error: ${String(e)}`;
        }
      });
      if (last.startsWith('moz-extension://')) return last;
      await sleep(250);
    }
    throw new Error(`[firefox] the extension's background page is not running: ${last}`);
  }

  return {
    name: 'firefox',
    extensionOrigin,
    extensionDir,
    manifest,
    openPage,
    openExtensionPage,
    tabIdOf,
    backgroundUrl,
    close,
  };
}
