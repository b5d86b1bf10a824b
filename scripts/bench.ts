/**
 * `npm run bench [-- --runs N] [-- --quick] [-- --browser B] [-- --only articles|long-pages]
 * [-- --heap-snapshots DIR]`: the figures of issue 23 measured on the built
 * extension in headless Chromium and Firefox through the e2e harness. Spanish articles go to a
 * real APy, the others to a LibreTranslate-shaped loopback engine (150 ms + 1 ms per 100
 * characters), each behind a proxy that adds 300 ms and logs every request. Prints the table
 * (medians over articles × runs, each figure with what it is compared with, measured in the same
 * run) and writes bench/results.json. Exits non-zero only when the harness itself fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { openLongPage, runAtDocumentStart, traceChromium, usedHeapAfterGc } from './bench/hooks.ts';
import { compiledCode } from './bench/heap.ts';
import { extensionOnPage, type ExtensionOnPage } from './bench/trace.ts';
import {
  browserNames,
  defaultExtensionDir,
  launchBrowser,
  repoRoot,
  startApy,
  startCorpusServer,
  type BrowserName,
  type CorpusServer,
  type ExtensionBrowser,
  type PageHandle,
} from '../test/e2e/harness/index.ts';
import { sleep, toExpression } from '../test/e2e/harness/page.ts';
import { patchSettings } from '../test/e2e/pages/settings-store.ts';
import { ApertiumEngine } from '../utils/engines/providers/apertium';
import { LibreTranslateEngine } from '../utils/engines/providers/libretranslate';
import type { EngineLimits } from '../utils/engines/types';
import {
  oneByOneMs,
  startLatencyProxy,
  startPseudoEngine,
  type EngineKind,
  type LatencyProxy,
  type LoggedRequest,
} from './bench/engine.ts';
import {
  figureOf,
  notMeasured,
  printTable,
  writeResults,
  type Figure,
  type FigureId,
  type Sample,
} from './bench/figures.ts';
import {
  benchArticles,
  CONTROL_HOST,
  LONG_PAGE_SITE,
  startLongPages,
  type BenchArticle,
  type LongPages,
} from './bench/pages.ts';
import {
  firstCallTimer,
  installProbe,
  readProbe,
  scrollThrough,
  type ProbeReading,
} from './bench/probes.ts';

/** What the proxy adds to every engine request. */
const PROXY_LATENCY_MS = 300;
const RESULTS = join(repoRoot, 'bench', 'results.json');
const LIMITS: Record<EngineKind, EngineLimits> = {
  apertium: new ApertiumEngine('http://127.0.0.1').limits,
  libretranslate: new LibreTranslateEngine('http://127.0.0.1', '').limits,
};
/** How long the extension may take, so a stuck page fails its article, not the bench. */
const FIRST_TRANSLATION_TIMEOUT_MS = 60_000;
const ARTICLE_DONE_TIMEOUT_MS = 120_000;
/** Time the extension gets on a long page before its tasks are read. */
const LONG_PAGE_SETTLE_MS = 4_000;
const LONG_PAGE_LOAD_TIMEOUT_MS = 180_000;
const LONG_PAGE_FIRST_TRANSLATION_TIMEOUT_MS = 240_000;
const LONG_PAGE_FIGURES: FigureId[] = [
  'longest-task-always-5000',
  'longest-task-always-10000',
  'longest-task-never-10000',
  'extra-heap-never-10000',
];

/** What `--only` can restrict a run to: the corpus articles' rows, or the long pages' rows. */
const PARTS = ['articles', 'long-pages'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  runs: number;
  quick: boolean;
  /** `--heap-snapshots DIR`: Chromium heap snapshots of each translated article, the Never page, and their controls. */
  heapSnapshots: string | undefined;
  browsers: BrowserName[];
  parts: Part[];
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const runsAt = argv.indexOf('--runs');
  const runs = quick ? 1 : runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  const browsersAt = argv.indexOf('--browser');
  const browsers = browsersAt >= 0 ? [argv[browsersAt + 1] as BrowserName] : [...browserNames];
  if (!browsers.every((b) => browserNames.includes(b))) {
    throw new Error(`--browser takes one of ${browserNames.join(', ')}`);
  }
  const onlyAt = argv.indexOf('--only');
  const parts = onlyAt >= 0 ? [argv[onlyAt + 1] as Part] : [...PARTS];
  if (!parts.every((p) => PARTS.includes(p))) {
    throw new Error(`--only takes one of ${PARTS.join(', ')}`);
  }
  const snapshotsAt = argv.indexOf('--heap-snapshots');
  const heapSnapshots = snapshotsAt >= 0 ? argv[snapshotsAt + 1] : undefined;
  if (snapshotsAt >= 0 && !heapSnapshots) throw new Error('--heap-snapshots takes a directory');
  if (heapSnapshots) mkdirSync(heapSnapshots, { recursive: true });
  return { runs, quick, browsers, parts, heapSnapshots };
}

/** Builds once when `.output` lacks either browser's extension. */
function ensureBuilt(): void {
  const missing = browserNames.some(
    (b) => !existsSync(join(defaultExtensionDir(b), 'manifest.json')),
  );
  if (!missing) return;
  console.log('No built extension in .output: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** Our detection as one script defining `FdDetect.detectArticle`, for a fresh page. */
async function detectionBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'utils/article/detect.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'FdDetect',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function readabilitySource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
}

/** The corpus page at CONTROL_HOST, which no content script matches: the page alone. */
function controlUrlFor(corpus: CorpusServer, pageId: string): string {
  const url = new URL(corpus.urlFor(pageId));
  url.hostname = CONTROL_HOST;
  url.searchParams.set('__fd_page', pageId);
  return url.href;
}

/** A heap reading asked of a visit (Chromium): after it, with a heap snapshot written there. */
interface HeapReading {
  snapshot: string | undefined;
}

/** What the bench waits for on a page it reads through, and what a timeout says it missed. */
interface ReadingStep {
  holds: () => boolean;
  message: string;
}

/** A first sign that the page is ready (the first translation), then its end (control: done). */
interface ReadingSteps {
  shown: ReadingStep;
  done: ReadingStep;
}

const TRANSLATED_PAGE: ReadingSteps = {
  shown: {
    holds: () => document.querySelector('.foreign-desk-translation') !== null,
    message: 'the first translation on the page',
  },
  done: {
    holds: () =>
      document
        .querySelector('foreign-desk-control')
        ?.shadowRoot?.querySelector('.control')
        ?.getAttribute('data-status') === 'done',
    message: 'the page control to report done',
  },
};

/** A page without the extension: both steps hold once it has loaded. */
const LOADED: ReadingStep = {
  holds: () => document.readyState === 'complete',
  message: 'the page to load',
};
const LOADED_PAGE: ReadingSteps = { shown: LOADED, done: LOADED };

/**
 * Reads `page` through as a reader of the translated article: waits for `steps.shown`, scrolls
 * through, waits for `steps.done`, reads the probe. A control page goes through the same steps,
 * so that the harness's own script in the page (Playwright's utility script and the code it
 * compiles, about 0.1 MB) is on both sides of a heap figure, not counted as the extension's.
 */
async function readThrough(page: PageHandle, steps: ReadingSteps): Promise<ProbeReading | null> {
  await page.bringToFront();
  await page.waitFor(steps.shown.holds, {
    timeout: FIRST_TRANSLATION_TIMEOUT_MS,
    message: steps.shown.message,
  });
  // The reader scrolls through the article once its first paragraph shows.
  await page.evaluate(scrollThrough, 400);
  await page.waitFor(steps.done.holds, {
    timeout: ARTICLE_DONE_TIMEOUT_MS,
    message: steps.done.message,
  });
  await sleep(200);
  return page.evaluate(readProbe);
}

interface Visit {
  reading: ProbeReading;
  /** Chromium: what its trace says about the extension on the page. */
  onPage: ExtensionOnPage | null;
  translate: LoggedRequest[];
  /** Other engine requests (pair lists) during the visit. */
  other: LoggedRequest[];
  heap: number | null;
}

/** Collects samples per browser and figure, and notes on what went wrong, for the table. */
class Samples {
  private readonly byFigure = new Map<string, Sample[]>();
  readonly notes = new Map<string, string[]>();

  add(browser: BrowserName, id: FigureId, sample: Sample): void {
    const key = `${browser}:${id}`;
    this.byFigure.set(key, [...(this.byFigure.get(key) ?? []), sample]);
  }

  note(browser: BrowserName, id: FigureId, text: string): void {
    const key = `${browser}:${id}`;
    const list = this.notes.get(key) ?? [];
    if (!list.includes(text)) list.push(text);
    this.notes.set(key, list);
  }

  figure(browser: BrowserName, id: FigureId): Figure {
    const key = `${browser}:${id}`;
    return figureOf(id, browser, this.byFigure.get(key) ?? [], this.notes.get(key)?.join('; '));
  }
}

class Bench {
  private readonly samples = new Samples();
  /** One-per-request baselines, per run and article: the same for both browsers of a run. */
  private readonly baselines = new Map<string, number>();
  /** Articles that failed in a browser, with why: reported, never fatal. */
  readonly failures: string[] = [];

  constructor(
    private readonly options: Options,
    private readonly articles: BenchArticle[],
    private readonly servers: {
      corpus: CorpusServer;
      proxies: Record<EngineKind, LatencyProxy>;
      longPages: LongPages;
    },
    private readonly bundles: { detection: string; readability: string },
  ) {}

  async run(): Promise<Figure[]> {
    for (let run = 1; run <= this.options.runs; run++) {
      for (const name of this.options.browsers) {
        console.log(`run ${run}/${this.options.runs}: ${name}`);
        await this.measureBrowser(name, run);
      }
    }
    return this.figures();
  }

  private async measureBrowser(name: BrowserName, run: number): Promise<void> {
    const browser = await launchBrowser(name);
    try {
      const { proxies } = this.servers;
      await patchSettings(browser, {
        targetLang: 'en',
        apertium: { baseUrl: proxies.apertium.url },
        libretranslate: { baseUrl: proxies.libretranslate.url },
        sites: Object.fromEntries(
          [...this.articles.map((a) => a.site), LONG_PAGE_SITE].map((s) => [s, 'always']),
        ),
      });
      for (const article of this.options.parts.includes('articles') ? this.articles : []) {
        try {
          await this.measureArticle(browser, article, run);
        } catch (error) {
          this.failures.push(`${name}, run ${run}, ${article.id}: ${String(error).split('\n')[0]}`);
          console.log(`  ${article.id}: FAILED ${String(error).split('\n')[0]}`);
        }
      }
      if (!this.options.parts.includes('long-pages')) return;
      try {
        await this.measureLongPages(browser);
      } catch (error) {
        const why = String(error).split('\n')[0];
        this.failures.push(`${name}, run ${run}, long pages: ${why}`);
        console.log(`  long pages: FAILED ${why}`);
        for (const id of LONG_PAGE_FIGURES)
          this.samples.note(name, id, `run ${run} failed: ${why}`);
      }
    } finally {
      await browser.close();
    }
  }

  /**
   * Opens `url`, lets the extension translate it while the reader scrolls through, reads it;
   * in Chromium under a trace.
   */
  private async visit(
    browser: ExtensionBrowser,
    url: string,
    proxy: LatencyProxy,
    heap: HeapReading | null,
  ): Promise<Visit> {
    if (browser.name !== 'chromium') return this.untracedVisit(browser, url, proxy, null);
    const { result, events } = await traceChromium(() =>
      this.untracedVisit(browser, url, proxy, heap),
    );
    return { ...result, onPage: extensionOnPage(events, url, browser.extensionOrigin) };
  }

  private async untracedVisit(
    browser: ExtensionBrowser,
    url: string,
    proxy: LatencyProxy,
    heap: HeapReading | null,
  ): Promise<Visit> {
    proxy.reset();
    const page = await browser.openPage(url);
    try {
      const reading = await readThrough(page, TRANSLATED_PAGE);
      if (!reading) throw new Error('the page probe did not run');
      const used = heap ? await usedHeapAfterGc(page, heap.snapshot) : null;
      const seen = proxy.since();
      return {
        reading,
        onPage: null,
        translate: seen.filter((r) => r.path === '/translate'),
        other: seen.filter((r) => r.path !== '/translate'),
        heap: used,
      };
    } finally {
      await page.close();
    }
  }

  /** With `--heap-snapshots`: how much of an article's extra heap is compiled code, and whose. */
  private printCompiledCode(browser: ExtensionBrowser, article: BenchArticle, extra: number): void {
    const translated = this.snapshotPath(article, 'translated');
    const control = this.snapshotPath(article, 'control');
    if (!translated || !control) return;
    const ours = compiledCode(translated, browser.extensionOrigin);
    const page = compiledCode(control, browser.extensionOrigin);
    // Patterns the page's side compiled too (the harness's) are not the extension's.
    const patterns = [...ours.patterns]
      .map(([source, bytes]): [string, number] => [
        source,
        bytes - (page.patterns.get(source) ?? 0),
      ])
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1]);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
    const regexps = patterns.reduce((sum, [, bytes]) => sum + bytes, 0);
    const top = patterns
      .slice(0, 3)
      .map(([source, bytes]) => `${mb(bytes)} /${source.slice(0, 30)}…/`)
      .join(', ');
    console.log(
      `  ${article.id}: extra heap ${mb(extra)}, of which regexp machine code ${mb(regexps)} ` +
        `(${top}) and the content script's compiled code ${mb(ours.script)}`,
    );
  }

  /** Where `--heap-snapshots` puts the heap snapshot of a page measured for `article`, if asked. */
  private snapshotPath(article: BenchArticle, which: 'translated' | 'control'): string | undefined {
    const dir = this.options.heapSnapshots;
    return dir && join(dir, `${article.id.replace(/\W+/g, '_')}-${which}.heapsnapshot`);
  }

  private async measureArticle(
    browser: ExtensionBrowser,
    article: BenchArticle,
    run: number,
  ): Promise<void> {
    const name = browser.name;
    const { corpus, proxies } = this.servers;
    const proxy = proxies[article.engine];
    await patchSettings(browser, { engine: article.engine });
    const url = corpus.urlFor(article.id);
    const first = await this.visit(
      browser,
      url,
      proxy,
      name === 'chromium' ? { snapshot: this.snapshotPath(article, 'translated') } : null,
    );
    const again = await this.visit(browser, url, proxy, null);
    const { reading } = first;
    const firstRequest = first.translate[0];
    if (!firstRequest || reading.first === null || reading.last === null) {
      throw new Error('no /translate request or no translation seen on the first visit');
    }
    const seenSources = [...new Set(first.translate.map((r) => r.source))];
    if (seenSources.some((s) => s !== article.source)) {
      this.samples.note(
        name,
        'engine-requests',
        `${article.id} was sent as ${seenSources.join('+')}, expected ${article.source}`,
      );
    }

    // From the content script's start: the trace's in Chromium; elsewhere its detection measure
    // where it emits one, else DOMContentLoaded (document_idle scripts start at or after it).
    const scriptStart =
      first.onPage?.scriptStart ?? reading.detect?.start ?? reading.domContentLoaded;
    if (!first.onPage) {
      this.samples.note(
        name,
        'first-paragraph',
        reading.detect
          ? 'times from the start of the content script’s detection (no trace here): its settings read before it is not counted'
          : 'times from DOMContentLoaded, an upper bound (no trace here, and the content script emits no foreign-desk:detect measure)',
      );
    }
    const roundTrip = firstRequest.answeredAt - firstRequest.arrivedAt;
    this.samples.add(name, 'first-paragraph', {
      value: reading.first - scriptStart,
      compared: roundTrip,
    });
    this.samples.add(name, 'first-paragraph-from-navigation', {
      value: reading.first,
      compared: roundTrip,
    });

    const segments = first.translate.flatMap((r) => r.segments);
    const baselineKey = `${run}:${article.id}`;
    let baseline = this.baselines.get(baselineKey);
    if (baseline === undefined) {
      baseline = await oneByOneMs(proxy.url, article.engine, segments, article.source);
      this.baselines.set(baselineKey, baseline);
    }
    this.samples.add(name, 'whole-article', {
      value: reading.last - scriptStart,
      compared: baseline,
    });

    const limits = LIMITS[article.engine];
    const chars = segments.reduce((n, s) => n + s.length, 0);
    const ideal = Math.max(
      Math.ceil(chars / limits.maxChars),
      Math.ceil(segments.length / limits.maxSegments),
    );
    this.samples.add(name, 'engine-requests', { value: first.translate.length, compared: ideal });
    if (first.other.length > 1) {
      this.samples.note(
        name,
        'engine-requests',
        `pair-list requests per first visit: up to ${first.other.length}`,
      );
    }

    this.samples.add(name, 'revisit-requests', {
      value: again.translate.length,
      compared: first.translate.length,
    });
    if (again.reading.last !== null) {
      this.samples.add(name, 'revisit-time', { value: again.reading.last, compared: reading.last });
    }

    // Chromium's first visit runs under a trace, whose overhead is the bench's, not the page's:
    // detection as the page gets it is read from the second, untraced one (a fresh page too).
    const untraced = name === 'chromium' ? again.reading : reading;
    await this.measureDetection(browser, article, untraced.detect?.duration);
    if (first.heap !== null) {
      const control = await this.controlHeap(browser, article);
      this.samples.add(name, 'extra-heap-article', {
        value: (first.heap - control) / 2 ** 20,
        compared: control / 2 ** 20,
      });
      this.printCompiledCode(browser, article, first.heap - control);
    }
    // Where the time to the first paragraph goes, on the page's clock (ms since navigation start).
    const onPage = (epoch: number) => (epoch - reading.timeOrigin).toFixed(0);
    const detected = reading.detect
      ? `detection ${reading.detect.start.toFixed(0)}+${reading.detect.duration.toFixed(0)}, `
      : '';
    console.log(
      `  ${article.id}: script ${scriptStart.toFixed(0)}, ${detected}first request ` +
        `${onPage(firstRequest.arrivedAt)}–${onPage(firstRequest.answeredAt)}, first shown ` +
        `${reading.first.toFixed(0)}, done ${reading.last.toFixed(0)} ms; ${first.translate.length} requests ` +
        `(${segments.length} segments, ${chars} chars), revisit ${again.translate.length}`,
    );
  }

  /**
   * Readability's first call in a fresh page of the same document, against ours twice: as the page
   * gets it (the content script's measure, `inPage`) and, like for like, our detection bundled and
   * called first in a fresh page the same way.
   */
  private async measureDetection(
    browser: ExtensionBrowser,
    article: BenchArticle,
    inPage: number | undefined,
  ): Promise<void> {
    const control = controlUrlFor(this.servers.corpus, article.id);
    const original = this.servers.corpus.originalUrlOf(article.id);
    const readability = await this.timeInFreshPage(
      browser,
      control,
      firstCallTimer(
        this.bundles.readability,
        'const reader = new Readability(document.cloneNode(true))',
        'reader.parse()',
      ),
    );
    const bundled = await this.timeInFreshPage(
      browser,
      control,
      firstCallTimer(
        this.bundles.detection,
        `const url = ${JSON.stringify(original)}`,
        'FdDetect.detectArticle(document, { url })',
      ),
    );
    this.samples.add(browser.name, 'detection-fresh-page', {
      value: bundled,
      compared: readability,
    });
    if (inPage === undefined) {
      this.samples.note(
        browser.name,
        'detection',
        'the content script emitted no foreign-desk:detect measure',
      );
      return;
    }
    this.samples.add(browser.name, 'detection', { value: inPage, compared: readability });
  }

  private async timeInFreshPage(
    browser: ExtensionBrowser,
    url: string,
    timer: () => number,
  ): Promise<number> {
    const page = await browser.openPage(url);
    try {
      return await page.evaluate(timer);
    } finally {
      await page.close();
    }
  }

  /**
   * The JS heap of `article`'s page where the extension does not run, read through as the
   * translated page was (Chromium).
   */
  private async controlHeap(browser: ExtensionBrowser, article: BenchArticle): Promise<number> {
    const page = await browser.openPage(controlUrlFor(this.servers.corpus, article.id));
    try {
      await readThrough(page, LOADED_PAGE);
      return await usedHeapAfterGc(page, this.snapshotPath(article, 'control'));
    } finally {
      await page.close();
    }
  }

  /** The JS heap of `page` (Chromium, no extension there), settled as a measured page; closes it. */
  private async pageHeap(page: PageHandle, snapshot?: string): Promise<number> {
    try {
      await sleep(1000);
      return await usedHeapAfterGc(page, snapshot);
    } finally {
      await page.close();
    }
  }

  /** The long pages: the extension's longest task on always and on never, and heap on never. */
  private async measureLongPages(browser: ExtensionBrowser): Promise<void> {
    const name = browser.name;
    const { longPages } = this.servers;
    if (name !== 'chromium') return;
    const sizes: [number, FigureId][] = this.options.quick
      ? [[10_000, 'longest-task-always-10000']]
      : [
          [5_000, 'longest-task-always-5000'],
          [10_000, 'longest-task-always-10000'],
        ];
    await patchSettings(browser, { engine: 'apertium' });
    for (const [size, id] of sizes) {
      const url = longPages.urlFor(size);
      const { result: translated, events } = await traceChromium(async () => {
        const page = await openLongPage(url, LONG_PAGE_LOAD_TIMEOUT_MS);
        try {
          await page.bringToFront();
          const shown = await page
            .waitFor(() => document.querySelector('.foreign-desk-translation') !== null, {
              timeout: LONG_PAGE_FIRST_TRANSLATION_TIMEOUT_MS,
            })
            .then(
              () => true,
              () => false,
            );
          if (shown) await page.evaluate(scrollThrough, 10);
          await sleep(LONG_PAGE_SETTLE_MS);
          const detection = await page.evaluate(
            () => performance.getEntriesByName('foreign-desk:detect')[0]?.duration ?? null,
          );
          return { shown, detection };
        } finally {
          await page.close();
        }
      });
      // Detection is one call, not cut in slices: the longest task is at least as long.
      if (translated.detection !== null) {
        this.samples.note(
          name,
          id,
          `the content script's detection took ${translated.detection.toFixed(0)} ms`,
        );
      }
      if (!translated.shown) {
        this.samples.note(
          name,
          id,
          `no translation after ${LONG_PAGE_FIRST_TRANSLATION_TIMEOUT_MS / 1000} s; a task still running when the trace ended is not in it`,
        );
      }
      this.addLongestTask(browser, id, extensionOnPage(events, url, browser.extensionOrigin));
    }

    await patchSettings(browser, { sites: { [LONG_PAGE_SITE]: 'never' } });
    const url = longPages.urlFor(10_000);
    const { result: heap, events } = await traceChromium(async () => {
      const page = await openLongPage(url, LONG_PAGE_LOAD_TIMEOUT_MS);
      try {
        await page.bringToFront();
        await sleep(LONG_PAGE_SETTLE_MS);
        return await usedHeapAfterGc(page, this.neverSnapshotPath('never'));
      } finally {
        await page.close();
      }
    });
    this.addLongestTask(
      browser,
      'longest-task-never-10000',
      extensionOnPage(events, url, browser.extensionOrigin),
    );
    const control = await this.pageHeap(
      await openLongPage(longPages.urlFor(10_000, true), LONG_PAGE_LOAD_TIMEOUT_MS),
      this.neverSnapshotPath('control'),
    );
    this.samples.add(name, 'extra-heap-never-10000', {
      value: (heap - control) / 2 ** 20,
      compared: control / 2 ** 20,
    });
    this.printNeverCode(browser, heap - control);
  }

  /** With `--heap-snapshots`: how much of the Never page's extra heap is the script's code. */
  private printNeverCode(browser: ExtensionBrowser, extra: number): void {
    const never = this.neverSnapshotPath('never');
    if (!never) return;
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
    const { script } = compiledCode(never, browser.extensionOrigin);
    console.log(
      `  site on never, 10,000 paragraphs: extra heap ${mb(extra)}, of which the content ` +
        `script's compiled code ${mb(script)}`,
    );
  }

  /** Where `--heap-snapshots` puts the 10,000-paragraph page's snapshots: Never, and no extension. */
  private neverSnapshotPath(which: 'never' | 'control'): string | undefined {
    const dir = this.options.heapSnapshots;
    return dir && join(dir, `long-10000-${which}.heapsnapshot`);
  }

  private addLongestTask(
    browser: ExtensionBrowser,
    id: FigureId,
    onPage: ExtensionOnPage | null,
  ): void {
    if (!onPage) throw new Error(`the trace shows no content script on the page (${id})`);
    this.samples.add(browser.name, id, { value: onPage.longestTask });
    this.samples.note(
      browser.name,
      id,
      `tasks of 50 ms or more running the extension's scripts: ${onPage.longTasks}`,
    );
  }

  private figures(): Figure[] {
    const figures: Figure[] = [];
    const chromiumOnly: FigureId[] = [...LONG_PAGE_FIGURES, 'extra-heap-article'];
    for (const name of this.options.browsers) {
      const articleIds: FigureId[] = [
        'first-paragraph',
        'first-paragraph-from-navigation',
        'whole-article',
        'engine-requests',
        'revisit-requests',
        'revisit-time',
        'detection',
        'detection-fresh-page',
      ];
      const longPageIds = LONG_PAGE_FIGURES.filter(
        (id) => !(this.options.quick && id === 'longest-task-always-5000'),
      );
      const ids = [
        ...(this.options.parts.includes('articles') ? articleIds : []),
        ...(this.options.parts.includes('long-pages') ? longPageIds : []),
        ...(this.options.parts.includes('articles') ? (['extra-heap-article'] as const) : []),
      ];
      for (const id of ids) {
        figures.push(
          name !== 'chromium' && chromiumOnly.includes(id)
            ? notMeasured(
                id,
                name,
                'needs a Chrome trace and CDP heap usage, which Firefox has not',
              )
            : this.samples.figure(name, id),
        );
      }
      figures.push(contentScriptSize(name));
    }
    return figures;
  }
}

function contentScriptSize(name: BrowserName): Figure {
  const file = join(defaultExtensionDir(name), 'content-scripts', 'content.js');
  const kb = gzipSync(readFileSync(file)).length / 1000;
  return figureOf('content-script-gzip', name, [{ value: kb }]);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  ensureBuilt();
  const articles = benchArticles(options.quick);
  runAtDocumentStart(toExpression(installProbe, []));

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(130)));
  }
  try {
    const corpus = await startCorpusServer();
    stops.push(() => corpus.close());
    const apy = await startApy();
    stops.push(() => apy.stop());
    const engine = await startPseudoEngine();
    stops.push(() => engine.close());
    const proxies = {
      apertium: await startLatencyProxy(apy.directUrl, PROXY_LATENCY_MS),
      libretranslate: await startLatencyProxy(engine.url, PROXY_LATENCY_MS),
    };
    stops.push(
      () => proxies.apertium.close(),
      () => proxies.libretranslate.close(),
    );
    const longPages = await startLongPages(options.quick ? [10_000] : [5_000, 10_000]);
    stops.push(() => longPages.close());
    const bundles = { detection: await detectionBundle(), readability: readabilitySource() };

    const bench = new Bench(options, articles, { corpus, proxies, longPages }, bundles);
    const figures = await bench.run();
    console.log('');
    printTable(figures);
    for (const failure of bench.failures) console.log(`failed: ${failure}`);
    writeResults(RESULTS, figures, options.runs);
    console.log(`\nwrote ${RESULTS}`);
    return 0;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
