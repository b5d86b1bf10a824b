import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PageHandle } from './page.ts';
import { sleep } from './page.ts';
import { pickTabByUrl } from './browser.ts';

/** The page the extension opens on install (entrypoints/welcome), when the build has one. */
export function firstRunPath(extensionDir: string): string | null {
  return existsSync(join(extensionDir, 'welcome.html')) ? '/welcome.html' : null;
}

/**
 * Polls `find` until it returns the first-run tab (15 s): the extension opens it from
 * `runtime.onInstalled`, which runs once the browser has installed it. Undefined when it never
 * appears (the end-to-end test of the welcome page says so).
 */
export async function waitForFirstRunTab<T>(
  find: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = await find();
    if (found !== undefined) return found;
    await sleep(100);
  }
  return undefined;
}

export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
}

/**
 * Finds the tab id of `page` with the extension's own `tabs.query({})`: by URL, and when several
 * tabs share the URL, by a unique title set for a moment.
 */
export async function resolveTabId(
  page: PageHandle,
  queryTabs: () => Promise<TabInfo[]>,
): Promise<number> {
  const url = page.url();
  let tabs = await queryTabs();
  let ids = pickTabByUrl(tabs, url);
  const only = ids[0];
  if (ids.length === 1 && only !== undefined && only >= 0) return only;

  const marker = `fd-tab-${Math.random().toString(36).slice(2)}`;
  const oldTitle = await page.evaluate((m: string) => {
    const old = document.title;
    document.title = m;
    return old;
  }, marker);
  try {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      tabs = await queryTabs();
      ids = tabs.filter((t) => t.title === marker).map((t) => t.id ?? -1);
      const found = ids[0];
      if (ids.length === 1 && found !== undefined && found >= 0) return found;
      await sleep(100);
    }
  } finally {
    await page.evaluate((t: string) => {
      document.title = t;
    }, oldTitle);
  }
  throw new Error(
    `no single tab found for ${url}; the extension sees: ${JSON.stringify(
      tabs.map((t) => ({ id: t.id, url: t.url, title: t.title })),
    )}`,
  );
}
