/**
 * What a Chrome trace says about the extension on one page: when its content script started and
 * the main-thread tasks it ran in. Long animation frames cannot say it: Chromium leaves content
 * scripts (isolated worlds) out of their script attribution. Tasks count as the extension's when
 * an event in them names its scripts or when they hold its detection's measure; other work it
 * resumes from a promise is not seen, so the longest task is a lower bound.
 */
import type { TraceEvent } from './hooks.ts';

export interface ExtensionOnPage {
  /** The content script's start, in ms since the page's navigation start (its `performance.now()`). */
  scriptStart: number;
  /** The longest main-thread task in which any of the extension's scripts ran, in ms. */
  longestTask: number;
  /** Tasks of 50 ms or more in which the extension's scripts ran. */
  longTasks: number;
}

const LONG_TASK_MS = 50;
/** The content script's detection, as it measures it (utils/page/controller.ts). */
const DETECT_MEASURE = 'foreign-desk:detect';

/**
 * The extension (scripts under `extensionOrigin`) on the page loaded from `pageUrl`; null when
 * the trace shows no content script there.
 */
export function extensionOnPage(
  events: TraceEvent[],
  pageUrl: string,
  extensionOrigin: string,
): ExtensionOnPage | null {
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl)
    .at(-1);
  const frame = navigation?.args?.frame;
  const fromExtension = (e: TraceEvent) => e.args?.data?.url?.startsWith(extensionOrigin) === true;
  const start = events.find(
    (e) => e.name === 'EvaluateScript' && fromExtension(e) && e.args?.data?.frame === frame,
  );
  if (!navigation || !start) return null;
  const sameThread = (e: TraceEvent) => e.pid === start.pid && e.tid === start.tid;
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && sameThread(e))
    .sort((a, b) => a.ts - b.ts);
  const ours = new Set<TraceEvent>();
  // Work the extension starts from a promise (after its settings are read, after a yield) runs in
  // tasks with no event naming its scripts: its detection is found by its user-timing measure.
  const measures = events.filter(
    (e) => e.name === DETECT_MEASURE && e.cat.includes('blink.user_timing'),
  );
  const begin = measures.find((e) => e.ph === 'b');
  const end = measures.find((e) => e.ph === 'e');
  if (begin && end) {
    for (const task of tasks) {
      if (task.ts <= end.ts && begin.ts <= task.ts + (task.dur ?? 0)) ours.add(task);
    }
  }
  for (const event of events) {
    if (!sameThread(event) || !fromExtension(event)) continue;
    // The last task starting at or before the event, if the event lies within it.
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tasks[mid]!.ts <= event.ts) lo = mid;
      else hi = mid - 1;
    }
    const task = tasks[lo];
    if (task && task.ts <= event.ts && event.ts <= task.ts + (task.dur ?? 0)) ours.add(task);
  }
  const durations = [...ours].map((t) => (t.dur ?? 0) / 1000);
  return {
    scriptStart: (start.ts - navigation.ts) / 1000,
    longestTask: Math.max(0, ...durations),
    longTasks: durations.filter((d) => d >= LONG_TASK_MS).length,
  };
}
