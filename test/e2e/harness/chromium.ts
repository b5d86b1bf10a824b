import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { readManifest, type ExtensionBrowser } from './browser.ts';
import { wrapPage, type PageHandle, type RawPage } from './page.ts';
import { APT_BROWSERS, requireFile } from './paths.ts';
import { resolveTabId, type TabInfo } from './tabs.ts';

const CHROMIUM = process.env.FD_CHROMIUM ?? '/usr/bin/chromium';

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

export async function launchChromium(extensionDir: string): Promise<ExtensionBrowser> {
  const manifest = readManifest(extensionDir, 'chromium');
  requireFile(CHROMIUM, 'Chromium', APT_BROWSERS.replace(' firefox-esr', ''));
  const profile = mkdtempSync(join(tmpdir(), 'fd-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 900 },
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
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  const closeAll = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
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

  // Start from an empty tab list: tests open their own tabs.
  const blank = context.pages();

  async function openPage(url: string): Promise<PageHandle> {
    const page = await context.newPage();
    for (const b of blank.splice(0)) await b.close().catch(() => undefined);
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    } catch (error) {
      await page.close().catch(() => undefined);
      throw new Error(`[chromium] could not open ${url}: ${String(error)}`);
    }
    return wrapPage('chromium', rawPage(page));
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
    openPage,
    openExtensionPage: (path) =>
      openPage(`${extensionOrigin}${path.startsWith('/') ? '' : '/'}${path}`),
    tabIdOf: (page) => resolveTabId(page, queryTabs),
    backgroundUrl: async () => {
      if (!hasBackground) throw new Error('[chromium] the manifest declares no service worker');
      return (await serviceWorker()).url();
    },
    close: closeAll,
  };
}
