import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
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
import { SYSTEM_PYTHON, XDOTOOL, type VirtualDisplay } from './xvfb.ts';

const CHROMIUM = process.env.FD_CHROMIUM ?? '/usr/bin/chromium';
const READ_MENU = join(dirname(fileURLToPath(import.meta.url)), 'atspi-menu.py');

interface MenuState {
  open: boolean;
  items: { name: string; selected: boolean }[];
}

/** Runs a program with the display's environment; resolves with its standard output. */
function run(display: VirtualDisplay, command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...display.env }, timeout: 10_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')}: ${String(error)}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** Chromium's open context menu as its accessibility tree shows it (see atspi-menu.py). */
async function readMenu(display: VirtualDisplay): Promise<MenuState> {
  return JSON.parse(await run(display, SYSTEM_PYTHON, [READ_MENU])) as MenuState;
}

/** Polls the menu until `ok` holds (10 s), and returns it. */
async function waitForMenu(
  display: VirtualDisplay,
  ok: (menu: MenuState) => boolean,
  what: string,
): Promise<MenuState> {
  const deadline = Date.now() + 10_000;
  let menu = await readMenu(display);
  while (!ok(menu) && Date.now() < deadline) {
    await sleep(100);
    menu = await readMenu(display);
  }
  if (!ok(menu)) throw new Error(`[chromium] ${what}; the menu: ${JSON.stringify(menu)}`);
  return menu;
}

/** The id Chromium gives an unpacked extension without a "key": from its absolute path. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function rawPage(page: Page): RawPage {
  return {
    url: () => page.url(),
    evaluateExpression: (expression) => page.evaluate(expression),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: false });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** See `grantHostPermissionsInProfile` in browser.ts. */
export function grantChromiumHostPermissions(
  profileDir: string,
  extensionDir: string,
  origins: string[],
): void {
  const path = join(profileDir, 'Default', 'Preferences');
  const id = unpackedExtensionId(extensionDir);
  const prefs = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as {
        extensions?: { settings?: Record<string, Record<string, { explicit_host?: string[] }>> };
      })
    : {};
  const settings = prefs.extensions?.settings?.[id];
  if (!settings) {
    throw new Error(
      `[chromium] no settings for extension ${id} in ${path}: launch once with this profile first`,
    );
  }
  for (const key of ['granted_permissions', 'active_permissions']) {
    const permissions = (settings[key] ??= {});
    permissions.explicit_host = [...new Set([...(permissions.explicit_host ?? []), ...origins])];
  }
  writeFileSync(path, JSON.stringify(prefs));
}

/** Windows virtual key codes and DOM codes of the modifiers, and CDP's modifier bits. */
const MODIFIER_KEYS = {
  Alt: { code: 'AltLeft', keyCode: 18, bit: 1 },
  Control: { code: 'ControlLeft', keyCode: 17, bit: 2 },
  Shift: { code: 'ShiftLeft', keyCode: 16, bit: 8 },
} as const;

/**
 * With `display`, Chromium runs headed on that virtual display (and only then has a context menu
 * to open); otherwise headless.
 */
export async function launchChromium(
  extensionDir: string,
  { profileDir, display, keepFirstRunTab = false, viewport = DEFAULT_VIEWPORT }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const manifest = readManifest(extensionDir, 'chromium');
  requireFile(CHROMIUM, 'Chromium', APT_BROWSERS.replace(' firefox-esr', ''));
  // A kept profile has the extension installed from its first launch on.
  const installs = !profileDir || !existsSync(join(profileDir, 'Default', 'Preferences'));
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'fd-chromium-'));
  const removeProfile = () => {
    if (!profileDir) rmSync(profile, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: !display,
      ...(display ? { env: { ...process.env, ...display.env } } : {}),
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
        '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  } catch (error) {
    removeProfile();
    throw error;
  }

  const closeAll = async () => {
    await context.close().catch(() => undefined);
    removeProfile();
  };

  const hasBackground =
    typeof (manifest.background as { service_worker?: string } | undefined)?.service_worker ===
    'string';
  const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');

  async function serviceWorker(timeout = 15_000): Promise<Worker> {
    const existing = context.serviceWorkers().find(isExtensionWorker);
    if (existing) return existing;
    return context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout });
  }

  let extensionId: string;
  try {
    extensionId = hasBackground
      ? new URL((await serviceWorker()).url()).host
      : unpackedExtensionId(extensionDir);
  } catch (error) {
    await closeAll();
    throw new Error(
      `[chromium] the extension's service worker did not start (${extensionDir}): ${String(error)}`,
    );
  }
  const extensionOrigin = `chrome-extension://${extensionId}`;

  const firstRun = firstRunPath(extensionDir);
  const welcome =
    installs && firstRun
      ? await waitForFirstRunTab(async () =>
          context.pages().find((p) => p.url() === `${extensionOrigin}${firstRun}`),
        )
      : undefined;
  if (welcome && !keepFirstRunTab) await welcome.close();
  const firstRunTab = welcome && keepFirstRunTab ? wrapPage('chromium', rawPage(welcome)) : null;

  // Start from an empty tab list: tests open their own tabs. (Headed, the first tab stays: closing
  // a window's last tab closes the window, and Chromium then opens no new tab.)
  const blank = display ? [] : context.pages().filter((p) => p !== welcome);
  const pages = new WeakMap<PageHandle, Page>();

  async function openPage(url: string): Promise<PageHandle> {
    const page = await context.newPage();
    for (const b of blank.splice(0)) await b.close().catch(() => undefined);
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    } catch (error) {
      await page.close().catch(() => undefined);
      throw new Error(`[chromium] could not open ${url}: ${String(error)}`);
    }
    const handle = wrapPage('chromium', rawPage(page));
    pages.set(handle, page);
    return handle;
  }

  /**
   * Key events through CDP's Input.dispatchKeyEvent, as a keyboard sends them (`rawKeyDown`, then
   * `keyUp`): Chromium offers them to its accelerators, extension commands included, before the
   * page. (Playwright's `keyboard.press` sends `keyDown` events, which the commands never see.)
   */
  async function pressShortcut(handle: PageHandle, shortcut: string) {
    const page = pages.get(handle);
    if (!page) throw new Error('[chromium] pressShortcut needs a page opened with openPage');
    const { modifiers, key } = parseShortcut(shortcut);
    await page.bringToFront();
    const cdp = await context.newCDPSession(page);
    try {
      let bits = 0;
      const send = (type: 'rawKeyDown' | 'keyUp', k: string, code: string, keyCode: number) =>
        cdp.send('Input.dispatchKeyEvent', {
          type,
          modifiers: bits,
          key: k,
          code,
          windowsVirtualKeyCode: keyCode,
          nativeVirtualKeyCode: keyCode,
        });
      for (const m of modifiers) {
        bits |= MODIFIER_KEYS[m].bit;
        await send('rawKeyDown', m, MODIFIER_KEYS[m].code, MODIFIER_KEYS[m].keyCode);
      }
      const code = /\d/.test(key) ? `Digit${key}` : `Key${key}`;
      await send('rawKeyDown', key, code, key.charCodeAt(0));
      await send('keyUp', key, code, key.charCodeAt(0));
      for (const m of [...modifiers].reverse()) {
        bits &= ~MODIFIER_KEYS[m].bit;
        await send('keyUp', m, MODIFIER_KEYS[m].code, MODIFIER_KEYS[m].keyCode);
      }
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  /**
   * A right-click through CDP makes the page ask Chromium for its context menu, which Chromium
   * shows only with a display (headless, nothing opens). The menu is native UI that neither CDP
   * nor the page sees: its items are read from Chromium's accessibility tree (AT-SPI), and an
   * item is chosen with the keyboard (xdotool: X key events, which the open menu has grabbed),
   * moving down until the tree says the item is selected, then Return.
   */
  async function openContextMenu(handle: PageHandle, selector: string): Promise<ContextMenu> {
    const page = pages.get(handle);
    if (!page) throw new Error('[chromium] openContextMenu needs a page opened with openPage');
    if (!display) {
      throw new Error(
        '[chromium] headless Chromium shows no context menu: launch it with a virtual display, ' +
          'launchBrowser(name, { display: await startVirtualDisplay() })',
      );
    }
    const shown = display;
    await page.bringToFront();
    const point = await clickPoint(handle, selector);
    if (!point) throw new Error(`[chromium] no ${selector} to right-click`);
    await waitForMenu(shown, (m) => !m.open, 'a context menu is open already');
    await page.mouse.click(point.x, point.y, { button: 'right' });
    const { items } = await waitForMenu(shown, (m) => m.open, 'no context menu opened');
    const names = items.map((i) => i.name);
    const closed = () => waitForMenu(shown, (m) => !m.open, 'the context menu stays open');
    return {
      items: names,
      async choose(label: string) {
        if (!names.includes(label)) {
          throw new Error(`[chromium] no context menu item "${label}" in ${names.join(', ')}`);
        }
        // Down from the selected item (or from none: the first). Each press waits until the
        // selection has moved; a menu of n items needs at most n presses.
        let menu = await readMenu(shown);
        for (let presses = 0; presses <= names.length; presses++) {
          const selected = menu.items.findIndex((i) => i.selected);
          if (selected >= 0 && menu.items[selected]?.name === label) break;
          await run(shown, XDOTOOL, ['key', 'Down']);
          menu = await waitForMenu(
            shown,
            (m) => m.open && m.items.findIndex((i) => i.selected) !== selected,
            'Down did not move the selection',
          );
        }
        if (!menu.items.find((i) => i.selected && i.name === label)) {
          throw new Error(`[chromium] could not select "${label}": ${JSON.stringify(menu)}`);
        }
        await run(shown, XDOTOOL, ['key', 'Return']);
        await closed();
      },
      async close() {
        await run(shown, XDOTOOL, ['key', 'Escape']);
        await closed();
      },
    };
  }

  async function queryTabs(): Promise<TabInfo[]> {
    if (hasBackground) {
      const worker = await serviceWorker();
      return worker.evaluate(
        () =>
          (
            globalThis as unknown as {
              chrome: { tabs: { query(q: object): Promise<TabInfo[]> } };
            }
          ).chrome.tabs.query({}) as Promise<TabInfo[]>,
      );
    }
    const helper = await openPage(`${extensionOrigin}/manifest.json`);
    try {
      return await helper.evaluate(
        () =>
          (
            globalThis as unknown as {
              chrome: { tabs: { query(q: object): Promise<TabInfo[]> } };
            }
          ).chrome.tabs.query({}) as Promise<TabInfo[]>,
      );
    } finally {
      await helper.close();
    }
  }

  return {
    name: 'chromium',
    extensionOrigin,
    extensionDir,
    manifest,
    firstRunTab,
    openPage,
    openExtensionPage: (path) =>
      openPage(`${extensionOrigin}${path.startsWith('/') ? '' : '/'}${path}`),
    tabIdOf: (page) => resolveTabId(page, queryTabs),
    backgroundUrl: async () => {
      if (!hasBackground) throw new Error('[chromium] the manifest declares no service worker');
      return (await serviceWorker()).url();
    },
    pressShortcut,
    openContextMenu,
    close: closeAll,
  };
}
