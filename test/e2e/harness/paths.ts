import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (this file lives in test/e2e/harness/). */
export const repoRoot = resolve(here, '../../..');

/** The shared corpus of saved news pages: ../shared/corpus/pages next to the checkout. */
export const corpusPagesDir = process.env.FD_CORPUS_PAGES
  ? resolve(process.env.FD_CORPUS_PAGES)
  : resolve(repoRoot, '../shared/corpus/pages');

export type BrowserName = 'chromium' | 'firefox';

export const browserNames: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The two builds of the extension: `store` is what `npm run build` makes and the stores get;
 * `e2e` (`npm run build:e2e`, `wxt build --mode e2e`) is the same code with the `tabs`
 * permission added, because the tests open the popup as a page for a given tab (`?tab=`), which
 * gets no `activeTab` grant, while a reader opens it from the toolbar, which grants it. The
 * end-to-end config sets `FD_EXTENSION_BUILD=e2e`; scripts (bench, demo, store assets) use the
 * store build.
 */
export type ExtensionBuild = 'store' | 'e2e';

/** Where each browser's extension is built (`.output/`, or `$FD_OUTPUT_DIR` to test another build). */
export function defaultExtensionDir(
  name: BrowserName,
  build: ExtensionBuild = process.env.FD_EXTENSION_BUILD === 'e2e' ? 'e2e' : 'store',
): string {
  const output = process.env.FD_OUTPUT_DIR
    ? resolve(process.env.FD_OUTPUT_DIR)
    : join(repoRoot, '.output');
  const dir = name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3';
  return join(output, build === 'e2e' ? `${dir}-e2e` : dir);
}

/** Fails with a message that says what to install, never skips. */
export function requireFile(path: string, what: string, howToInstall: string): string {
  if (!existsSync(path)) {
    throw new Error(`${what} not found at ${path}.\nInstall it with: ${howToInstall}`);
  }
  return path;
}

export const APT_BROWSERS = 'apt-get install -y --no-install-recommends chromium firefox-esr';
export const APT_APY = 'apt-get install -y --no-install-recommends apertium-apy apertium-eng-spa';
/** A virtual X display for headed Chromium, with its accessibility tree and X input (xvfb.ts). */
export const APT_DESKTOP =
  'apt-get install -y --no-install-recommends xvfb xdotool dbus-daemon python3-pyatspi';
