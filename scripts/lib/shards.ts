/**
 * Runs extractors over a pages folder in child processes, one at a time per CPU, and merges
 * their results. Each child reads a batch of pages and exits: jsdom keeps a few megabytes of every
 * document it parsed even after `window.close()`, and one process per CPU over a thousand pages
 * ran out of heap. A child that dies or hangs on a page costs that page only: it is recorded as
 * an error and the rest of its batch goes to a new child.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { listPages } from './corpus';
import type { ExtractorName, PageResult } from './extractors';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
/** Pages one child reads before it exits; bounds its memory at a few hundred megabytes. */
const PAGES_PER_WORKER = 100;
/**
 * A child that finishes no page for this long is stuck on one and is stopped. Generous: the
 * slowest corpus page takes a few seconds, and a child's start (compiling with tsx) about one.
 */
const PAGE_TIMEOUT_MS = 120_000;

type Results = Record<string, Record<string, PageResult>>;

export async function runShards(
  pagesDir: string,
  names: ExtractorName[],
  jobs = availableParallelism(),
): Promise<Results> {
  const keys = listPages(pagesDir).map((page) => page.key);
  const batches: [number, number][] = [];
  for (let first = 0; first < keys.length; first += PAGES_PER_WORKER)
    batches.push([first, Math.min(first + PAGES_PER_WORKER, keys.length)]);
  const merged: Results = Object.fromEntries(names.map((name) => [name, {}]));
  let done = 0;
  const runNext = async (): Promise<void> => {
    const batch = batches.shift();
    if (!batch) return;
    const [first, last] = batch;
    const outcome = await runWorker([pagesDir, String(first), String(last), ...names], (line) => {
      for (const name of names) merged[name]![line.key] = line.results[name]!;
      done++;
    });
    const next = first + outcome.pages;
    if (next < last) {
      // The child died on page `next`: that page failed, the others get a new child.
      const error = `extraction worker ${outcome.failure ?? 'stopped'} on this page`;
      for (const name of names) merged[name]![keys[next]!] = { error };
      done++;
      process.stderr.write(`${keys[next]}: ${error}\n`);
      if (next + 1 < last) batches.unshift([next + 1, last]);
    }
    process.stderr.write(`${done}/${keys.length} pages\n`);
    return runNext();
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, runNext));
  return merged;
}

interface PageLine {
  key: string;
  results: Record<string, PageResult>;
}

/** Runs one child; resolves with how many pages it finished and, if it stopped early, why. */
function runWorker(
  args: string[],
  onPage: (line: PageLine) => void,
): Promise<{ pages: number; failure: string | null }> {
  return new Promise((resolve, reject) => {
    // The tsx loader comes along in execArgv; stderr is passed through for warnings.
    const child = spawn(process.execPath, [...process.execArgv, WORKER, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pages = 0;
    let timedOut = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, PAGE_TIMEOUT_MS);
    };
    arm();
    createInterface({ input: child.stdout }).on('line', (line) => {
      let page: PageLine;
      try {
        page = JSON.parse(line) as PageLine;
      } catch {
        return; // Cut off by the child's death: that page counts as failed.
      }
      onPage(page);
      pages++;
      arm();
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const failure = timedOut
        ? `timed out after ${PAGE_TIMEOUT_MS / 1000} s`
        : code === 0
          ? null
          : `exited with ${code ?? signal}`;
      resolve({ pages, failure });
    });
  });
}
