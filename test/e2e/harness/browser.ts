import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageHandle } from './page.ts';
import { defaultExtensionDir, type BrowserName } from './paths.ts';

export interface LaunchOptions {
  /** The unpacked extension to load; defaults to `.output/chrome-mv3` or `.output/firefox-mv3`. */
  extensionDir?: string;
}

/** A headless browser with the extension loaded, in a fresh profile, every host on 127.0.0.1. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  readonly extensionOrigin: string;
  readonly extensionDir: string;
  /** The extension's manifest.json as built. */
  readonly manifest: Record<string, unknown>;
  /** Opens `url` in a new tab and waits for its DOM. */
  openPage(url: string): Promise<PageHandle>;
  /** Opens an extension page in a new tab, e.g. `/popup.html?tab=12`. */
  openExtensionPage(pathWithQuery: string): Promise<PageHandle>;
  /** The tab id of `page` as the extension's `tabs` API sees it. */
  tabIdOf(page: PageHandle): Promise<number>;
  /**
   * Waits until the extension's background (Chromium: service worker; Firefox: background page)
   * runs, and returns its URL.
   */
  backgroundUrl(): Promise<string>;
  close(): Promise<void>;
}

export function readManifest(extensionDir: string, name: BrowserName): Record<string, unknown> {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `[${name}] no built extension at ${extensionDir} (manifest.json missing).\n` +
        'Build it first with: npm run build   (or: npx wxt build && npx wxt build -b firefox)',
    );
  }
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
}

export async function launchBrowser(
  name: BrowserName,
  opts: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? defaultExtensionDir(name);
  if (name === 'chromium') {
    const { launchChromium } = await import('./chromium.ts');
    return launchChromium(extensionDir);
  }
  if (name === 'firefox') {
    const { launchFirefox } = await import('./firefox.ts');
    return launchFirefox(extensionDir);
  }
  throw new Error(`unknown browser ${String(name)}: use 'chromium' or 'firefox'`);
}

/** Picks the one tab whose URL is `url` from a `tabs.query({})` result. */
export function pickTabByUrl(
  tabs: { id?: number; url?: string; title?: string }[],
  url: string,
): number[] {
  const norm = (u: string) => {
    try {
      return new URL(u).href;
    } catch {
      return u;
    }
  };
  const wanted = norm(url);
  return tabs.filter((t) => t.url !== undefined && norm(t.url) === wanted).map((t) => t.id ?? -1);
}
