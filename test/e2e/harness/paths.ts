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
 * Where `npm run build` leaves each browser's extension (`.output/`, or `$FD_OUTPUT_DIR` to test
 * another build).
 */
export function defaultExtensionDir(name: BrowserName): string {
  const output = process.env.FD_OUTPUT_DIR
    ? resolve(process.env.FD_OUTPUT_DIR)
    : join(repoRoot, '.output');
  return join(output, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
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
