import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  DEFAULT_VIEWPORT,
  parseShortcut,
  readManifest,
  type ContextMenu,
  type ExtensionBrowser,
  type LaunchOptions,
} from './browser.ts';
import { clickPoint, sleep, wrapPage, type PageHandle, type RawPage } from './page.ts';
import { APT_BROWSERS, requireFile } from './paths.ts';
import { firstRunPath, resolveTabId, waitForFirstRunTab, type TabInfo } from './tabs.ts';

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

interface BiDiConnection {
  send(method: string, params: object): Promise<unknown>;
}

/** The result of a WebDriver BiDi `script.evaluate`. */
interface BiDiEvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/**
 * The uuid of the extension's origin in a kept profile: the same across launches, so what the
 * extension stored under its origin (IndexedDB, the cache) stays its own.
 */
const PROFILE_UUID = '5f0e2a6c-3b1d-4c8e-9a7f-fd0000000001';

export async function launchFirefox(
  extensionDir: string,
  { profileDir, keepFirstRunTab = false, viewport = DEFAULT_VIEWPORT }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const manifest = readManifest(extensionDir, 'firefox');
  const geckoId = geckoIdOf(manifest);
  // A kept profile has the extension installed from its first launch on.
  const installs = !profileDir || !existsSync(join(profileDir, 'extensions', geckoId));
  requireFile(FIREFOX, 'Firefox ESR', APT_BROWSERS.replace('chromium ', ''));
  const uuid = profileDir ? PROFILE_UUID : randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;

  if (profileDir) {
    // Installed for good, as from the add-ons manager: a proxy file named after the add-on id in
    // the profile's extensions/ folder holds the path of the unpacked extension. Firefox ESR
    // honours xpinstall.signatures.required=false for an unsigned add-on; autoDisableScopes=0
    // keeps it from being disabled as sideloaded.
    mkdirSync(join(profileDir, 'extensions'), { recursive: true });
    writeFileSync(join(profileDir, 'extensions', geckoId), realpathSync(extensionDir));
  }

  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    ...(profileDir ? { userDataDir: profileDir } : {}),
    defaultViewport: viewport,
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
      ...(profileDir
        ? {
            'xpinstall.signatures.required': false,
            'extensions.autoDisableScopes': 0,
            'extensions.startupScanScopes': 1,
          }
        : {}),
    },
  });

  const close = async () => {
    await browser.close().catch(() => undefined);
  };

  try {
    if (!profileDir) await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw new Error(
      `[firefox] could not install the extension from ${extensionDir}: ${String(error)}`,
    );
  }

  // Puppeteer keeps `about:blank` as the URL of a tab the extension opened: ask the tab itself.
  const firstRun = firstRunPath(extensionDir);
  const welcomeUrl = `${extensionOrigin}${firstRun}`;
  const welcome =
    installs && firstRun
      ? await waitForFirstRunTab(async () => {
          for (const page of await browser.pages()) {
            const href = await page.evaluate(() => location.href).catch(() => '');
            if (href === welcomeUrl) return page;
          }
          return undefined;
        })
      : undefined;
  if (welcome && !keepFirstRunTab) await welcome.close();
  const firstRunTab =
    welcome && keepFirstRunTab ? wrapPage('firefox', rawPage(welcome, welcomeUrl)) : null;

  // Start from an empty tab list: tests open their own tabs.
  const blank = (await browser.pages()).filter((p) => p !== welcome);
  const pages = new WeakMap<PageHandle, Page>();

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
    const handle = wrapPage('firefox', rawPage(page));
    pages.set(handle, page);
    return handle;
  }

  /**
   * Runs `fn(...args)` in the browser window itself (browser.xhtml, privileged), through WebDriver
   * BiDi's chrome contexts (`moz:scope`), which `--remote-allow-system-access` opens.
   */
  async function inBrowserWindow<R>(fn: string, ...args: unknown[]): Promise<R> {
    // Puppeteer's BiDi browser has the raw connection; its public type does not say so.
    const bidi = (browser as unknown as { connection: BiDiConnection }).connection;
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string; url: string }[] };
    };
    const win = tree.result.contexts.find(
      (c) => c.url === 'chrome://browser/content/browser.xhtml',
    );
    if (!win) throw new Error('[firefox] no browser window among the chrome contexts');
    const expression = `(async () => JSON.stringify(await (${fn})(...${JSON.stringify(args)})))()`;
    const reply = (await bidi.send('script.evaluate', {
      expression,
      target: { context: win.context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: BiDiEvaluateResult };
    const { result } = reply;
    if (result.type === 'exception') {
      throw new Error(`[firefox] in the browser window: ${result.exceptionDetails?.text ?? '?'}`);
    }
    const json = result.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as R;
  }

  async function frontPage(handle: PageHandle): Promise<Page> {
    const page = pages.get(handle);
    if (!page) throw new Error('[firefox] this needs a page opened with openPage');
    await page.bringToFront();
    const shown = await inBrowserWindow<string>(`() => gBrowser.currentURI.spec`);
    if (shown !== page.url()) {
      throw new Error(`[firefox] the window shows ${shown}, not the page ${page.url()}`);
    }
    return page;
  }

  /**
   * Key events from nsITextInputProcessor in the browser window (what Firefox's own tests use
   * for a keyboard): they go through Firefox's key handling, <key> elements of extension commands
   * included, and to the page when it has the focus.
   */
  async function pressShortcut(handle: PageHandle, shortcut: string) {
    const { modifiers, key } = parseShortcut(shortcut);
    await frontPage(handle);
    const result = await inBrowserWindow<string>(
      `(modifiers, key) => {
        gBrowser.selectedBrowser.focus();
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
        const ev = (k, code) => new KeyboardEvent('', { key: k, code, keyCode: KeyboardEvent['DOM_VK_' + k.toUpperCase()] });
        const mods = modifiers.map((m) => ev(m, m + 'Left'));
        const main = ev(key, (key >= '0' && key <= '9' ? 'Digit' : 'Key') + key);
        for (const m of mods) tip.keydown(m);
        tip.keydown(main);
        tip.keyup(main);
        for (const m of mods.reverse()) tip.keyup(m);
        return 'ok';
      }`,
      modifiers,
      key,
    );
    if (result !== 'ok') throw new Error(`[firefox] could not press ${shortcut}: ${result}`);
  }

  /** The extension's items in the open page context menu (ids from Firefox's ext-menus). */
  const menuItemPrefix = `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-menuitem-`;

  async function openContextMenu(handle: PageHandle, selector: string): Promise<ContextMenu> {
    const page = await frontPage(handle);
    const point = await clickPoint(handle, selector);
    if (!point) throw new Error(`[firefox] no ${selector} to right-click`);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    const readMenu = () =>
      inBrowserWindow<{ state: string; items: string[] }>(
        `(prefix) => {
          const menu = document.getElementById('contentAreaContextMenu');
          const items = Array.from(menu.querySelectorAll('menuitem'))
            .filter((i) => i.id.startsWith(prefix) && !i.hidden)
            .map((i) => i.label);
          return { state: menu.state, items };
        }`,
        menuItemPrefix,
      );
    const waitForState = async (state: string) => {
      const deadline = Date.now() + 10_000;
      let last = await readMenu();
      while (last.state !== state && Date.now() < deadline) {
        await sleep(100);
        last = await readMenu();
      }
      if (last.state !== state) {
        throw new Error(`[firefox] the context menu is ${last.state}, not ${state}`);
      }
      return last;
    };
    const { items } = await waitForState('open');
    return {
      items,
      async choose(label: string) {
        const found = await inBrowserWindow<boolean>(
          `(prefix, label) => {
            const menu = document.getElementById('contentAreaContextMenu');
            const item = Array.from(menu.querySelectorAll('menuitem')).find(
              (i) => i.id.startsWith(prefix) && !i.hidden && i.label === label,
            );
            if (item) menu.activateItem(item);
            return !!item;
          }`,
          menuItemPrefix,
          label,
        );
        if (!found)
          throw new Error(`[firefox] no context menu item "${label}" in ${items.join(', ')}`);
        await waitForState('closed');
      },
      async close() {
        await inBrowserWindow(
          `() => document.getElementById('contentAreaContextMenu').hidePopup()`,
        );
        await waitForState('closed');
      },
    };
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
    firstRunTab,
    openPage,
    openExtensionPage,
    tabIdOf,
    backgroundUrl,
    pressShortcut,
    openContextMenu,
    close,
  };
}
