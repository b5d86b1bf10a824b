import type { BrowserName } from './paths.ts';

/** A function run inside the page: it must not close over anything from the test. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R | Promise<R>;

/** What `waitFor` can return: the truthy part of `T`. */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

export interface WaitForOptions {
  /** Milliseconds before giving up (default 15000). */
  timeout?: number;
  /** Says what was awaited; shown when the wait fails. */
  message?: string;
  /** Milliseconds between polls (default 100). */
  interval?: number;
}

/** One browser tab, the same API in both browsers. */
export interface PageHandle {
  readonly browser: BrowserName;
  url(): string;
  /**
   * Runs `fn` in the page with JSON-serialisable `args` and returns its JSON-serialisable result.
   * Retries while the page is between documents ("execution context destroyed" and the like).
   */
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<Awaited<R>>;
  /** Polls `fn` until it returns something truthy, returns that; fails with the last value. */
  waitFor<A extends unknown[], R>(
    fn: PageFunction<A, R>,
    options?: WaitForOptions,
    ...args: A
  ): Promise<Truthy<Awaited<R>>>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Brings the tab to the front (the active tab of its window). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** What each browser's driver supplies; evaluate/waitFor are built on top of it. */
export interface RawPage {
  url(): string;
  evaluateExpression(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

const TRANSIENT =
  /execution context was destroyed|cannot find context with specified id|context.*(destroyed|discarded)|because of a navigation|inspected target navigated|frame (was|got) detached|no such frame|realm.*(destroyed|not found)|no such (realm|script)|navigat(ed|ion) .*(interrupt|abort)/i;

export function isTransientEvaluateError(error: unknown): boolean {
  return TRANSIENT.test(error instanceof Error ? error.message : String(error));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `fn` with its arguments, as an expression both drivers evaluate (and await). */
export function toExpression(fn: (...args: never[]) => unknown, args: unknown[]): string {
  const source = fn.toString();
  const encodedArgs = args.map((a) => (a === undefined ? 'undefined' : JSON.stringify(a)));
  // esbuild (used by Vitest) may wrap named functions in __name(); give the page a no-op one.
  return `(() => { const __name = (f) => f; return (${source})(${encodedArgs.join(', ')}); })()`;
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return String(value);
  }
}

export function wrapPage(browser: BrowserName, raw: RawPage): PageHandle {
  async function evaluate<A extends unknown[], R>(
    fn: PageFunction<A, R>,
    ...args: A
  ): Promise<Awaited<R>> {
    const expression = toExpression(fn as (...a: never[]) => unknown, args);
    const deadline = Date.now() + 10_000;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await raw.evaluateExpression(expression)) as Awaited<R>;
      } catch (error) {
        if (!isTransientEvaluateError(error) || Date.now() > deadline) throw error;
        await sleep(Math.min(50 * attempt, 250));
      }
    }
  }

  async function waitFor<A extends unknown[], R>(
    fn: PageFunction<A, R>,
    options: WaitForOptions = {},
    ...args: A
  ): Promise<Truthy<Awaited<R>>> {
    const timeout = options.timeout ?? 15_000;
    const interval = options.interval ?? 100;
    const deadline = Date.now() + timeout;
    let last: unknown = undefined;
    let lastError: unknown = undefined;
    for (;;) {
      try {
        last = await evaluate(fn, ...args);
        lastError = undefined;
        if (last) return last as Truthy<Awaited<R>>;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) break;
      await sleep(interval);
    }
    const what = options.message ?? `waitFor(${fn.toString().slice(0, 120)})`;
    const detail =
      lastError !== undefined
        ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`
        : `last value: ${describe(last)}`;
    throw new Error(
      `[${browser}] timed out after ${timeout} ms waiting for: ${what}\n  page: ${raw.url()}\n  ${detail}`,
    );
  }

  return {
    browser,
    url: () => raw.url(),
    evaluate,
    waitFor,
    click: (selector) => raw.click(selector),
    type: (selector, text) => raw.type(selector, text),
    press: (key) => raw.press(key),
    screenshot: (path) => raw.screenshot(path),
    bringToFront: () => raw.bringToFront(),
    close: () => raw.close(),
  };
}

/** Scrolls the element into view and returns a point inside it (near its start) to click. */
export function clickPoint(
  handle: PageHandle,
  selector: string,
): Promise<{ x: number; y: number } | null> {
  return handle.evaluate((sel: string) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
  }, selector);
}
