/**
 * Set-up shared by the end-to-end files: the loopback servers for a whole file, and one browser
 * per `describe.each(browserNames)` block with APy as its Apertium engine. Both hand back objects
 * whose fields are filled in by `beforeAll`, so read them inside tests and hooks.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  launchBrowser,
  startApy,
  startCorpusServer,
  type Apy,
  type ApyOptions,
  type BrowserName,
  type CorpusServer,
  type ExtensionBrowser,
} from './harness/index.ts';
import { setApertiumUrl } from './pages/options-page.ts';

export interface Servers {
  /** Corpus pages on loopback under their real hostnames. */
  readonly corpus: CorpusServer;
  /** A real Apertium APy on 127.0.0.1. */
  readonly apy: Apy;
}

export interface BrowserSession {
  readonly browser: ExtensionBrowser;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test`);
  return value;
}

/** Starts the corpus server and APy before a file's tests and stops them after. */
export function useServers(apyOptions: ApyOptions = {}): Servers {
  let corpus: CorpusServer | undefined;
  let apy: Apy | undefined;
  beforeAll(async () => {
    corpus = await startCorpusServer();
    apy = await startApy(apyOptions);
  });
  afterAll(async () => {
    await apy?.stop();
    await corpus?.close();
  });
  return {
    get corpus() {
      return started(corpus, 'the corpus server');
    },
    get apy() {
      return started(apy, 'APy');
    },
  };
}

/**
 * Launches `name` with the extension for the enclosing `describe` and closes it after; with
 * `servers`, the extension translates through their APy.
 */
export function useBrowser(name: BrowserName, servers?: Servers): BrowserSession {
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(name);
    if (servers) await setApertiumUrl(browser, servers.apy.url);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return started(browser, `${name}`);
    },
  };
}
