import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, startApy, type Apy, type ExtensionBrowser } from './harness/index.ts';
import {
  FAULTS,
  QUOTA_REPLIES,
  shout,
  type KeyedEngine,
  startFaultEngine,
  type Fault,
  type FaultEngine,
} from './harness/fault-engine.ts';
import { useBrowser } from './suite.ts';
import {
  firstDifference,
  NewsPage,
  type ControlView,
  type ShownTranslation,
} from './pages/news-page.ts';
import { PageRemote } from './pages/page-remote.ts';
import { PopupPage } from './pages/popup-page.ts';
import { patchSettings, storeKey } from './pages/settings-store.ts';

/**
 * Every way the suite's loopback engine fails, one article per fault, side by side in one
 * browser. Alone, each ends translated or with a clear error and Retry, Retry completes the
 * article once the engine heals, Show original restores the page exactly, and nothing wrong is
 * cached. An engine that keeps the reader waiting is said to be slow, with the choice to keep
 * waiting or to switch; with the real APy as the fallback, the fallback finishes the article.
 */

/**
 * Faults that strike requests in flight with more queued behind them get a whole article;
 * the others a short one (one request), which keeps the engine's shared lane short.
 */
const IN_FLIGHT: ReadonlySet<Fault> = new Set(['rate-limited']);
const SHORT_ARTICLE = 6;
/** Faults the engine gets over by itself within its retries. */
const PASSING: ReadonlySet<Fault> = new Set(['rate-limited-once', 'server-error-once', 'echo']);
/**
 * Faults that keep the reader waiting, who is told the engine is slow. For the slow engine they
 * keep waiting; for the hanging one they give up and take the original back (the request would
 * end in a timeout error after a minute: utils/engines/http.ts, and its unit test).
 */
const SLOW: ReadonlySet<Fault> = new Set(['hang', 'slow']);
const GIVES_UP: Fault = 'hang';
/** With APy as the fallback: an engine that hangs, drips, refuses or is out of service for good. */
const WITH_FALLBACK: readonly Fault[] = [
  'hang',
  'drip',
  'connection-reset',
  'rate-limited',
  'bad-gateway',
  'quota',
];
/** In the fallback phase, the reader takes the offer to switch for this one; the others wait. */
const SWITCHES: Fault = 'drip';
/** The longest error message shown: the engine's own words are cut, not shown in full. */
const MAX_ERROR_CHARS = 600;

/** `FD_FAULTS=hang,echo` runs only those faults (to look into one). */
const only = process.env.FD_FAULTS?.split(',');
const pick = (faults: readonly Fault[]) => (only ? faults.filter((f) => only.includes(f)) : faults);
/** Drip only with a fallback (alone it is a hang); the slow ones last, behind the quick ones. */
const ALONE = pick([
  ...FAULTS.filter((f) => !SLOW.has(f) && f !== 'drip'),
  ...FAULTS.filter((f) => SLOW.has(f)),
]);
const FALLBACK_CASES = pick(WITH_FALLBACK);
const BASELINE = 'B';

/** Each browser and phase has its own cases: healing one leaves the others faulty. */
const tokenOf = (phase: 'F' | 'G' | typeof BASELINE, fault: Fault | null, browser: number) =>
  `${phase}${browser + 1}${String(fault ? FAULTS.indexOf(fault) + 1 : 0).padStart(2, '0')}`;
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Keyed engines, each answering with its own quota reply (test/e2e/harness/fault-engine.ts). */
const KEYED = Object.keys(QUOTA_REPLIES) as KeyedEngine[];
const QUOTA_SETTINGS: Record<KeyedEngine, [string, Record<string, string>]> = {
  deepl: ['deepl', {}],
  'google-cloud': ['googleCloud', {}],
  microsoft: ['microsoft', { region: '' }],
  openai: ['openai', { model: 'gpt-4o-mini' }],
};
const quotaToken = (engineIndex: number, browser: number) =>
  `Q${browser + 1}${String(engineIndex + 1).padStart(2, '0')}`;

let engine: FaultEngine | undefined;
let apy: Apy | undefined;
beforeAll(async () => {
  [engine, apy] = await Promise.all([startFaultEngine(), startApy()]);
  for (const b of browserNames.keys()) {
    for (const fault of FAULTS) {
      const length = IN_FLIGHT.has(fault) ? undefined : SHORT_ARTICLE;
      engine.addCase({ token: tokenOf('F', fault, b), length }, { fault });
      engine.addCase({ token: tokenOf('G', fault, b) }, { fault });
    }
    engine.addCase({ token: tokenOf(BASELINE, null, b) }, { fault: 'echo' });
    for (const k of KEYED.keys())
      engine.addCase({ token: quotaToken(k, b), length: SHORT_ARTICLE }, { fault: 'quota' });
  }
});
afterAll(async () => {
  await Promise.all([engine?.close(), apy?.stop()]);
});

const isSlowNotice = (view: ControlView | null) =>
  view?.status === 'translating' && / is slow to answer$/.test(view.text);

/** The control once it tells the reader something: done, an error, or that the engine is slow. */
async function told(news: NewsPage, timeout = 150_000): Promise<ControlView> {
  const started = Date.now();
  for (;;) {
    const view = await news.controlView();
    if (view && (view.status === 'done' || view.status === 'error' || isSlowNotice(view)))
      return view;
    if (Date.now() - started > timeout)
      throw new Error(`the control never told the reader anything: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The control once translating has ended (done or error). */
async function settled(news: NewsPage, timeout = 150_000): Promise<ControlView> {
  const started = Date.now();
  for (;;) {
    const view = await told(news, timeout);
    if (view.status !== 'translating') return view;
    if (Date.now() - started > timeout)
      throw new Error(`the control stayed on "${view.text}" (${view.buttons.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
  /** Seconds from Translate to the first thing the reader is told (done, error, slow). */
  told: number;
  /** Seconds from Translate until the article was translated (the fallback phase). */
  finished?: number;
  problems: string[];
}

async function waitForOffer(news: NewsPage): Promise<void> {
  await news.page.waitFor(
    () =>
      document
        .querySelector('foreign-desk-control')
        ?.shadowRoot?.querySelector('.control')
        ?.getAttribute('data-status') === 'off',
    { timeout: 30_000, message: 'the offer to translate (ask mode)' },
  );
}

/** One fault with no fallback engine, start to end, in its own tab. */
async function runAlone(
  browser: ExtensionBrowser,
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
    await waitForOffer(news);
    const before = await news.html();
    /** Show original, then the healed engine translates the article in full. */
    const giveUp = async () => {
      await remote.command(news.tabId, 'original');
      await news.waitForNoTranslations();
      const difference = firstDifference(before, await news.html());
      check(difference === null, `Show original left a difference: ${difference}`);
      faults.heal(token);
      await remote.translate(news.tabId);
      const healed = await settled(news);
      check(healed.status === 'done', `healed: ${healed.status} (${healed.text})`);
      const bad = wrong(await news.translations(), shout);
      check(!bad.length, `healed, wrong translations: ${bad.join(' | ')}`);
      return problems;
    };
    const started = Date.now();
    await remote.translate(news.tabId);
    const firstNews = await told(news);
    const waited = (Date.now() - started) / 1000;
    if (SLOW.has(fault)) {
      // No fallback is set: the only choice offered is to keep waiting.
      check(isSlowNotice(firstNews), `not told the engine is slow: ${JSON.stringify(firstNews)}`);
      check(
        firstNews.buttons.join() === 'Keep waiting',
        `offered ${firstNews.buttons.join(', ')}, not only Keep waiting`,
      );
      if (fault === GIVES_UP) return { fault, told: waited, problems: await giveUp() };
      // The popup says so too, rather than "Translating… 0 of 6".
      const popup = await PopupPage.open(browser, news.tabId);
      await popup.waitForMessage(/ is slow to answer$/, 10_000).finally(() => popup.close());
      if (isSlowNotice(firstNews)) await news.clickControl('Keep waiting');
    }
    const first = await settled(news);

    const expected = PASSING.has(fault) || fault === 'slow' ? 'done' : 'error';
    check(first.status === expected, `ended ${first.status} (${first.text}), not ${expected}`);
    const answer = fault === 'echo' ? (original: string) => original : shout;
    const badFirst = wrong(await news.translations(), answer);
    check(!badFirst.length, `wrong translations shown: ${badFirst.join(' | ')}`);
    check(/LibreTranslate/.test(first.text), `the control does not name the engine: ${first.text}`);
    if (first.status === 'error') {
      check(first.text.length <= MAX_ERROR_CHARS, `an error of ${first.text.length} characters`);
      check(first.buttons[0] === 'Retry', `the error offers "${first.buttons.join()}", not Retry`);
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
    return { fault, told: waited, problems };
  } catch (error) {
    return { fault, told: NaN, problems: [...problems, String(error)] };
  } finally {
    await news.page.close();
  }
}

/** Translations that are missing, or the block's own text, or carry links the block lacks. */
function untranslated(shown: ShownTranslation[], total: number): string[] {
  const bad = shown
    .filter(
      (t) =>
        !norm(t.text) ||
        norm(t.text) === norm(t.original) ||
        t.links.some((l) => !t.originalLinks.includes(l)),
    )
    .map((t) => `${t.original.slice(0, 40)}… → ${t.text.slice(0, 60)}`);
  return shown.length < total ? [`${shown.length} of ${total} shown`, ...bad] : bad;
}

/** One fault with APy as the fallback: the article ends translated, by APy where needed. */
async function runWithFallback(news: NewsPage, remote: PageRemote, fault: Fault): Promise<Outcome> {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  try {
    await waitForOffer(news);
    const started = Date.now();
    await remote.translate(news.tabId);
    let firstNews = await told(news);
    const waited = (Date.now() - started) / 1000;
    if (fault === SWITCHES) {
      check(isSlowNotice(firstNews), `not told the engine is slow: ${JSON.stringify(firstNews)}`);
      check(
        firstNews.buttons.join() === 'Use Apertium,Keep waiting',
        `offered ${firstNews.buttons.join(', ')}, not Use Apertium and Keep waiting`,
      );
      if (isSlowNotice(firstNews)) await news.clickControl('Use Apertium');
    }
    firstNews = await settled(news);
    const finished = (Date.now() - started) / 1000;
    check(firstNews.status === 'done', `ended ${firstNews.status} (${firstNews.text}), not done`);
    check(/Apertium/.test(firstNews.text), `the control does not name APy: ${firstNews.text}`);
    const state = await remote.command(news.tabId, 'translate-all');
    const bad = untranslated(await news.translations(), state.progress.total);
    check(!bad.length, `not translated: ${bad.join(' | ')}`);
    await remote.command(news.tabId, 'original');
    return { fault, told: waited, finished, problems };
  } catch (error) {
    return { fault, told: NaN, problems: [...problems, String(error)] };
  } finally {
    await news.page.close();
  }
}

/** Opens tabs one after another (a browser opening many at once is slow to), to run together. */
async function openAll(session: { browser: ExtensionBrowser }, urls: string[]) {
  const tabs: NewsPage[] = [];
  for (const url of urls) tabs.push(await NewsPage.open(session.browser, url));
  return tabs;
}

const seconds = (outcomes: Outcome[], key: 'told' | 'finished') =>
  outcomes.map((o) => `${o.fault} ${(o[key] ?? NaN).toFixed(1)}`).join(', ');
const failures = (outcomes: Outcome[]) =>
  Object.fromEntries(outcomes.filter((o) => o.problems.length).map((o) => [o.fault, o.problems]));

describe.each(browserNames)('%s: a faulty engine', (name) => {
  const session = useBrowser(name);
  const b = browserNames.indexOf(name);

  it(`recovers from each of ${ALONE.length} faults alone, Retry completes the article, nothing wrong is cached`, async () => {
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
      const tabs = await openAll(
        session,
        ALONE.map((fault) => faults.articleUrl(tokenOf('F', fault, b))),
      );
      const outcomes = await Promise.all(
        ALONE.map((fault, i) =>
          runAlone(session.browser, tabs[i]!, remote, faults, fault, tokenOf('F', fault, b)),
        ),
      );
      console.info(`[${name}] seconds until the reader was told: ${seconds(outcomes, 'told')}`);
      expect(failures(outcomes)).toEqual({});
    } finally {
      await remote.close();
    }
  }, 300_000);

  it(`finishes the article with the fallback engine after each of ${FALLBACK_CASES.length} faults for good`, async () => {
    const faults = engine!;
    await patchSettings(session.browser, {
      engine: 'apertium',
      fallbackEngine: 'none',
      apertium: { baseUrl: apy!.url },
    });
    const remote = await PageRemote.open(session.browser);
    try {
      // What the fallback costs alone: the same article translated by APy only.
      const [alone] = await openAll(session, [faults.articleUrl(tokenOf(BASELINE, null, b))]);
      const baseline = await runWithFallback(alone!, remote, 'echo');
      expect(baseline.problems).toEqual([]);

      await patchSettings(session.browser, {
        engine: 'libretranslate',
        fallbackEngine: 'apertium',
      });
      // The reader who takes the offer goes first, alone: once another case has found the engine
      // down, the engine is passed over and nothing is slow any more.
      const outcomes: Outcome[] = [];
      for (const group of [
        FALLBACK_CASES.filter((f) => f === SWITCHES),
        FALLBACK_CASES.filter((f) => f !== SWITCHES),
      ]) {
        const tabs = await openAll(
          session,
          group.map((fault) => faults.articleUrl(tokenOf('G', fault, b))),
        );
        outcomes.push(
          ...(await Promise.all(group.map((fault, i) => runWithFallback(tabs[i]!, remote, fault)))),
        );
      }
      console.info(
        `[${name}] with APy as the fallback (APy alone ${baseline.finished?.toFixed(1)} s), ` +
          `seconds until told: ${seconds(outcomes, 'told')}; until translated: ${seconds(outcomes, 'finished')}`,
      );
      expect(failures(outcomes)).toEqual({});
    } finally {
      await patchSettings(session.browser, { fallbackEngine: 'none' });
      await remote.close();
    }
  }, 180_000);

  it(`ends in each keyed engine's own quota reply (${KEYED.length} engines) with its quota error, nothing cached`, async () => {
    const faults = engine!;
    const remote = await PageRemote.open(session.browser);
    const problems: Record<string, string[]> = {};
    try {
      for (const [k, id] of KEYED.entries()) {
        const [settingsKey, extra] = QUOTA_SETTINGS[id];
        await storeKey(session.browser, id, `test-key-${id}`);
        await patchSettings(session.browser, {
          engine: id,
          fallbackEngine: 'none',
          [settingsKey]: { baseUrl: faults.url, ...extra },
        });
        const news = await NewsPage.open(session.browser, faults.articleUrl(quotaToken(k, b)));
        const found: string[] = [];
        try {
          await waitForOffer(news);
          const asked = faults.quotaRequests[id];
          await remote.translate(news.tabId);
          const first = await settled(news);
          const quotaError = (view: ControlView) =>
            view.status === 'error' && /quota/.test(view.text) && view.buttons[0] === 'Retry';
          if (!quotaError(first)) found.push(`ended ${first.status}: ${first.text}`);
          if (faults.quotaRequests[id] === asked) found.push('the engine was never asked');
          const shown = await news.translations();
          if (shown.length) found.push(`${shown.length} translations shown`);
          // The popup says it in the reader's language (the control shows the engine's words).
          const popup = await PopupPage.open(session.browser, news.tabId);
          await popup
            .waitForMessage(/ has used up its quota\./, 10_000)
            .catch((error: unknown) => found.push(String(error)))
            .finally(() => popup.close());
          // Nothing was cached: Retry asks the engine again, and ends in the same error.
          const before = faults.quotaRequests[id];
          await remote.retry(news.tabId);
          const again = await settled(news);
          if (!quotaError(again)) found.push(`after Retry: ${again.status}: ${again.text}`);
          if (faults.quotaRequests[id] === before) found.push('Retry did not ask the engine');
        } catch (error) {
          found.push(String(error));
        } finally {
          await news.page.close();
        }
        if (found.length) problems[id] = found;
      }
      expect(problems).toEqual({});
    } finally {
      await patchSettings(session.browser, { engine: 'libretranslate', fallbackEngine: 'none' });
      await remote.close();
    }
  }, 180_000);

  it('runs the engine the settings name, as the page reports it', async () => {
    const faults = engine!;
    const news = await NewsPage.open(session.browser, faults.articleUrl(tokenOf('F', 'echo', b)));
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
