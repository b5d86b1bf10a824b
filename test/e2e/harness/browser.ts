import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageHandle } from './page.ts';
import { defaultExtensionDir, type BrowserName } from './paths.ts';
import type { VirtualDisplay } from './xvfb.ts';

export interface LaunchOptions {
  /** The unpacked extension to load; defaults to `.output/chrome-mv3` or `.output/firefox-mv3`. */
  extensionDir?: string;
  /**
   * A profile directory that outlives the browser (the caller creates and removes it). The
   * extension is installed in it as a reader's would be (in Firefox from the profile's
   * `extensions/` folder, not as a temporary add-on), so launching again with the same directory
   * is a browser restart with everything the extension stored.
   */
  profileDir?: string;
  /**
   * Chromium only: run headed on this virtual display (`startVirtualDisplay()`), which its
   * context menu needs; without it the browser is headless.
   */
  display?: VirtualDisplay;
  /**
   * On a fresh install the extension opens its welcome page (`/welcome.html`) in a new tab. The
   * launch waits for that tab and closes it, so tests start from an empty tab list; with
   * `keepFirstRunTab` it stays open, as `firstRunTab`.
   */
  keepFirstRunTab?: boolean;
  /** The size of every tab's viewport; 1280×900 unless given (store screenshots are 1280×800). */
  viewport?: { width: number; height: number };
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/** The browser's own context menu of a page, open. */
export interface ContextMenu {
  /**
   * Labels of the items in the open menu, in order. Firefox: the extension's items only (their
   * ids say whose they are). Chromium: every item, named as its accessibility tree names it (the
   * label, then any keyboard shortcut, e.g. `Reload Ctrl+R`); nothing there says which items are
   * the extension's.
   */
  readonly items: string[];
  /** Activates the item labelled `label` as a click on it would, and waits for the menu to close. */
  choose(label: string): Promise<void>;
  close(): Promise<void>;
}

/** A browser (headless unless given a display) with the extension loaded, in a fresh profile, every host on 127.0.0.1. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  readonly extensionOrigin: string;
  readonly extensionDir: string;
  /** The extension's manifest.json as built. */
  readonly manifest: Record<string, unknown>;
  /** The welcome tab the extension opened on install, when launched with `keepFirstRunTab`. */
  readonly firstRunTab: PageHandle | null;
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
  /**
   * Presses a key combination such as `Alt+Shift+J` (modifiers, then one letter or digit) with the
   * focus in `page`, which is brought to the front first. The keys go through the browser's own
   * keyboard handling, so browser and extension shortcuts (commands API) react as they would to a
   * keyboard.
   */
  pressShortcut(page: PageHandle, shortcut: string): Promise<void>;
  /**
   * Right-clicks the element `selector` in `page` and returns the browser's context menu that
   * opens. Chromium needs to have been launched with a `display` (headless it shows no menu).
   */
  openContextMenu(page: PageHandle, selector: string): Promise<ContextMenu>;
  close(): Promise<void>;
}

/** `Alt+Shift+J` → modifiers and the key, checked. */
export function parseShortcut(shortcut: string): {
  modifiers: ('Alt' | 'Shift' | 'Control')[];
  key: string;
} {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((m) => (m === 'Ctrl' ? 'Control' : m));
  if (!/^[A-Z0-9]$/.test(key) || modifiers.some((m) => !['Alt', 'Shift', 'Control'].includes(m))) {
    throw new Error(
      `unsupported shortcut ${shortcut}: use modifiers (Alt, Shift, Ctrl) + A-Z or 0-9`,
    );
  }
  return { modifiers: modifiers as ('Alt' | 'Shift' | 'Control')[], key };
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
    return launchChromium(extensionDir, opts);
  }
  if (name === 'firefox') {
    if (opts.display) throw new Error('[firefox] runs headless only: launch it without display');
    const { launchFirefox } = await import('./firefox.ts');
    return launchFirefox(extensionDir, opts);
  }
  throw new Error(`unknown browser ${String(name)}: use 'chromium' or 'firefox'`);
}

/**
 * Test set-up only, between two launches with the same `profileDir`: records in the profile that
 * the reader granted the extension these optional host permissions, which is what answering the
 * browser's permission prompt with "Allow" stores.
 *
 * - Chromium: headless Chromium shows the prompt of `permissions.request` as a dialog nothing can
 *   answer (the promise stays pending), and neither a switch nor CDP grants optional permissions;
 *   so the grant is written where Chromium keeps it (the profile's Preferences,
 *   `extensions.settings.<id>.granted_permissions` and `active_permissions`) before the launch,
 *   and `permissions.request` then resolves `true` without a prompt. The profile must have been
 *   used by a launch with the extension already.
 * - Firefox: nothing to do; every launch sets `extensions.webextOptionalPermissionPrompts` to
 *   false, so Firefox grants the request itself, without a prompt, when it is made.
 */
export async function grantHostPermissionsInProfile(
  name: BrowserName,
  profileDir: string,
  extensionDir: string,
  origins: string[],
): Promise<void> {
  if (name === 'chromium') {
    const { grantChromiumHostPermissions } = await import('./chromium.ts');
    grantChromiumHostPermissions(profileDir, extensionDir, origins);
  }
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
