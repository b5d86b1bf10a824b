/**
 * What the bench needs from the browsers the e2e harness launches and the harness does not hand
 * out: a script in every tab before the page's first byte (to see the first translation appear),
 * and CDP sessions in Chromium (heap). Both drivers are wrapped where the harness calls them
 * (Playwright's `launchPersistentContext`, Puppeteer's `launch`), so the harness stays as it is.
 * Import this module before launching.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { PageHandle } from '../../test/e2e/harness/index.ts';
import { sleep, wrapPage } from '../../test/e2e/harness/page.ts';

let documentStartScript = '';
let latestChromium: BrowserContext | null = null;

/** The script every tab opened from now on runs at document start (an expression). */
export function runAtDocumentStart(expression: string): void {
  documentStartScript = expression;
}

const launchPersistentContext = chromium.launchPersistentContext.bind(chromium);
chromium.launchPersistentContext = async (...args) => {
  const context = await launchPersistentContext(...args);
  if (documentStartScript) await context.addInitScript({ content: documentStartScript });
  latestChromium = context;
  return context;
};

const launchPuppeteer = puppeteer.launch.bind(puppeteer);
puppeteer.launch = async (...args) => {
  const browser = await launchPuppeteer(...args);
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...pageArgs) => {
    const page = await newPage(...pageArgs);
    if (documentStartScript) await page.evaluateOnNewDocument(documentStartScript);
    return page;
  };
  return browser;
};

function chromiumContext(): BrowserContext {
  if (!latestChromium) throw new Error('no Chromium launched through the harness yet');
  return latestChromium;
}

/**
 * Opens `url` in a new Chromium tab like the harness's `openPage`, but waits up to `timeoutMs`
 * for its DOM: a 10,000-paragraph page under a trace on a loaded machine outlasts the harness's
 * 30 s.
 */
export async function openLongPage(url: string, timeoutMs: number): Promise<PageHandle> {
  const tab = await chromiumContext().newPage();
  try {
    await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  } catch (error) {
    await tab.close().catch(() => undefined);
    throw error;
  }
  const unsupported = () => Promise.reject(new Error('not needed on a long page'));
  return wrapPage('chromium', {
    url: () => tab.url(),
    evaluateExpression: (expression) => tab.evaluate(expression),
    click: unsupported,
    type: unsupported,
    press: unsupported,
    screenshot: unsupported,
    bringToFront: () => tab.bringToFront(),
    close: () => tab.close(),
  });
}

/**
 * The JS heap in use by `page`'s renderer after full garbage collections, in bytes (Chromium,
 * the last browser launched). It is V8's heap of the whole renderer: every world's objects (the
 * page's own, the harness's utility world, the content script's isolated world) and the code
 * compiled in them (bytecode, JIT and regular-expression machine code); not Blink's DOM and
 * layout objects, which live in a heap of their own. With `snapshotTo`, a heap snapshot of the
 * same state is written there (open it in DevTools' Memory panel).
 */
export async function usedHeapAfterGc(page: PageHandle, snapshotTo?: string): Promise<number> {
  const context = chromiumContext();
  const tab = context.pages().find((p) => p.url() === page.url());
  if (!tab) throw new Error(`no Chromium tab shows ${page.url()}`);
  const cdp = await context.newCDPSession(tab);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    if (snapshotTo) {
      const chunks: string[] = [];
      cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      writeFileSync(snapshotTo, chunks.join(''));
    }
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** One Chrome trace event (the fields the bench reads). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    frame?: string;
    data?: { url?: string; documentLoaderURL?: string; frame?: string };
  };
}

/** A loaded machine takes seconds to hand over a long page's trace; never wait forever. */
const TRACE_END_TIMEOUT_MS = 60_000;

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

/**
 * A Chrome trace (navigations, main-thread tasks and the scripts that ran in them) of everything
 * the browser does while `during` runs.
 */
export async function traceChromium<T>(
  during: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const context = chromiumContext();
  // The trace runs through a tab of its own, open until the trace is read.
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  try {
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    });
    let result: T;
    try {
      result = await during();
    } finally {
      const complete = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      );
      await cdp.send('Tracing.end');
      await Promise.race([
        complete,
        sleep(TRACE_END_TIMEOUT_MS).then(() => {
          throw new Error('Chromium did not finish its trace');
        }),
      ]);
    }
    return { result, events };
  } finally {
    await cdp.detach().catch(() => undefined);
    await tab.close().catch(() => undefined);
  }
}
