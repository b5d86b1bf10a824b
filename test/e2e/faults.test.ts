import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames } from './harness/index.ts';
import {
  FAULTS,
  shout,
  startFaultEngine,
  type Fault,
  type FaultEngine,
} from './harness/fault-engine.ts';
import { useBrowser } from './suite.ts';
import { firstDifference, NewsPage, type ShownTranslation } from './pages/news-page.ts';
import { PageRemote } from './pages/page-remote.ts';
import { patchSettings } from './pages/settings-store.ts';

/**
 * Every way the suite's loopback engine fails, one article per fault, all side by side in one
 * browser: each ends translated or with a clear error and Retry, Retry completes the article once
 * the engine heals, Show original restores the page exactly, and nothing wrong is cached.
 */

/**
 * Faults that strike requests in flight with more queued behind them get a whole article;
 * the others a short one (one request), which keeps the engine's shared lane short.
 */
const IN_FLIGHT: ReadonlySet<Fault> = new Set(['hang', 'rate-limited']);
const SHORT_ARTICLE = 6;
/** Faults the engine gets over by itself within its retries. */
const PASSING: ReadonlySet<Fault> = new Set(['rate-limited-once', 'server-error-once', 'echo']);
/** The longest error message shown: the engine's own words are cut, not shown in full. */
const MAX_ERROR_CHARS = 600;

/** `FD_FAULTS=hang,echo` runs only those faults (to look into one). */
const CASES = process.env.FD_FAULTS ? (process.env.FD_FAULTS.split(',') as Fault[]) : FAULTS;
/** Each browser has its own cases: healing one browser's case leaves the other's faulty. */
const tokenOf = (fault: Fault, browser: number) =>
  `F${browser + 1}${String(FAULTS.indexOf(fault) + 1).padStart(2, '0')}`;
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

let engine: FaultEngine | undefined;
beforeAll(async () => {
  engine = await startFaultEngine();
  for (const b of browserNames.keys()) {
    for (const fault of FAULTS) {
      const length = IN_FLIGHT.has(fault) ? undefined : SHORT_ARTICLE;
      engine.addCase({ token: tokenOf(fault, b), length }, { fault });
    }
  }
});
afterAll(async () => {
  await engine?.close();
});

/** The control's status and text, once it no longer says it is translating. */
async function settled(news: NewsPage, timeout = 150_000) {
  return news.page.waitFor(
    () => {
      const control = document
        .querySelector('foreign-desk-control')
        ?.shadowRoot?.querySelector('.control');
      const status = control?.getAttribute('data-status');
      if (status !== 'done' && status !== 'error') return null;
      return {
        status,
        text: control?.querySelector('.text')?.textContent ?? '',
        button: control?.querySelector('button.action')?.textContent ?? '',
      };
    },
    { timeout, message: 'the page control to end translating (done or error)' },
  );
}

/** Translations that are not the engine's healthy answer for their block. */
function wrong(shown: ShownTranslation[], expected: (original: string) => string): string[] {
  return shown
    .filter(
      (t) =>
        norm(t.text) !== norm(expected(t.original)) || t.links.join() !== t.originalLinks.join(),
    )
    .map((t) => `${t.original.slice(0, 40)}… → ${t.text.slice(0, 60)}`);
}

interface Outcome {
  fault: Fault;
  /** Seconds from Translate to the first outcome the reader sees (done or error). */
  waited: number;
  problems: string[];
}

/** One fault, start to end, in its own tab. */
async function runCase(
  news: NewsPage,
  remote: PageRemote,
  faults: FaultEngine,
  fault: Fault,
  token: string,
): Promise<Outcome> {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  try {
    await news.page.waitFor(
      () =>
        document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control')
          ?.getAttribute('data-status') === 'off',
      { timeout: 30_000, message: 'the offer to translate (ask mode)' },
    );
    const before = await news.html();
    const started = Date.now();
    await remote.translate(news.tabId);
    const first = await settled(news);
    const waited = (Date.now() - started) / 1000;

    const expected = PASSING.has(fault) ? 'done' : 'error';
    check(first.status === expected, `ended ${first.status} (${first.text}), not ${expected}`);
    const answer = fault === 'echo' ? (original: string) => original : shout;
    const shownFirst = await news.translations();
    const badFirst = wrong(shownFirst, answer);
    check(!badFirst.length, `wrong translations shown: ${badFirst.join(' | ')}`);
    if (first.status === 'error') {
      check(/LibreTranslate/.test(first.text), `the error does not name the engine: ${first.text}`);
      check(first.text.length <= MAX_ERROR_CHARS, `an error of ${first.text.length} characters`);
      check(first.button === 'Retry', `the error offers "${first.button}", not Retry`);
    } else {
      check(
        /LibreTranslate/.test(first.text),
        `the control does not name the engine: ${first.text}`,
      );
    }

    // Healed, Retry translates every block the fault left.
    faults.heal(token);
    if (first.status === 'error') {
      await remote.retry(news.tabId);
      const again = await settled(news);
      check(again.status === 'done', `after Retry: ${again.status} (${again.text})`);
    }
    const state = await remote.command(news.tabId, 'translate-all');
    const shown = await news.translations();
    check(
      shown.length === state.progress.total && state.progress.done === state.progress.total,
      `${shown.length} translations shown, ${state.progress.done} of ${state.progress.total} done`,
    );
    const badAfter = wrong(shown, answer);
    check(!badAfter.length, `after healing, wrong translations: ${badAfter.join(' | ')}`);

    // Show original: the page as it was, byte for byte.
    await remote.command(news.tabId, 'original');
    await news.waitForNoTranslations();
    const difference = firstDifference(before, await news.html());
    check(difference === null, `Show original left a difference: ${difference}`);

    // Nothing wrong was cached: translated again, every block is the healed engine's answer.
    await remote.translate(news.tabId);
    const third = await settled(news);
    check(third.status === 'done', `translated again: ${third.status} (${third.text})`);
    const badCached = wrong(await news.translations(), shout);
    check(!badCached.length, `from the cache, wrong translations: ${badCached.join(' | ')}`);
    await remote.command(news.tabId, 'original');
    return { fault, waited, problems };
  } catch (error) {
    return { fault, waited: NaN, problems: [...problems, String(error)] };
  } finally {
    await news.page.close();
  }
}

describe.each(browserNames)('%s: a faulty engine', (name) => {
  const session = useBrowser(name);
  const b = browserNames.indexOf(name);

  it(`recovers from each of ${CASES.length} faults, Retry completes the article, nothing wrong is cached`, async () => {
    const faults = engine!;
    await patchSettings(session.browser, {
      engine: 'libretranslate',
      fallbackEngine: 'none',
      libretranslate: { baseUrl: faults.url },
      displayMode: 'bilingual',
      sites: { elpais: 'ask' },
    });
    const remote = await PageRemote.open(session.browser);
    try {
      // Tabs open one after another (a browser opening many at once is slow to), then run together.
      const tabs: NewsPage[] = [];
      for (const fault of CASES)
        tabs.push(await NewsPage.open(session.browser, faults.articleUrl(tokenOf(fault, b))));
      const outcomes = await Promise.all(
        CASES.map((fault, i) => runCase(tabs[i]!, remote, faults, fault, tokenOf(fault, b))),
      );
      const longest = Math.max(...outcomes.map((o) => o.waited));
      console.info(
        `[${name}] seconds until the reader was told: ${outcomes
          .map((o) => `${o.fault} ${o.waited.toFixed(1)}`)
          .join(', ')}; longest ${longest.toFixed(1)}`,
      );
      const failed = Object.fromEntries(
        outcomes.filter((o) => o.problems.length).map((o) => [o.fault, o.problems]),
      );
      expect(failed).toEqual({});
    } finally {
      await remote.close();
    }
  }, 420_000);

  it('runs the engine the settings name, as the page reports it', async () => {
    const faults = engine!;
    const news = await NewsPage.open(session.browser, faults.articleUrl(tokenOf('echo', b)));
    const remote = await PageRemote.open(session.browser);
    try {
      await remote.translate(news.tabId);
      await settled(news);
      const state = await remote.command(news.tabId, 'translate-all');
      expect(state.engine).toMatch(/^LibreTranslate/);
      expect(await news.control()).toContain('LibreTranslate');
    } finally {
      await remote.close();
      await news.page.close();
    }
  });
});
