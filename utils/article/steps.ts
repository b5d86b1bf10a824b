/**
 * Detection as steps: its passes are generators that `yield` at checkpoints inside every loop as
 * long as the page, and one of two drivers runs them. `runToEnd` runs them at once (scripts,
 * tests: the same result as ever); `runSliced` hands the page its turn between slices, so a
 * long page never holds the main thread for the whole detection.
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Work done between two turns of the page: well under the 50 ms past which a task is "long" and
 * a click waits, and long enough that the turns themselves (a few hundred each on a
 * 10,000-paragraph page) cost little.
 */
export const SLICE_BUDGET_MS = 8;

/**
 * Checkpoints inside loops pause every this many passes: each pause resumes the whole chain of
 * generators (`yield*`), which in a page's cold, first detection costs more than the few elements'
 * work between two checkpoints; this many passes stay far below the budget.
 */
const CHECKPOINT_STRIDE = 16;
let checkpoints = 0;

/** Whether a loop's checkpoint pauses this time (`if (pauseDue()) yield;`). */
export function pauseDue(): boolean {
  return ++checkpoints % CHECKPOINT_STRIDE === 0;
}

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runSliced<T>(steps: Steps<T>): Promise<T> {
  let end = performance.now() + SLICE_BUDGET_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= end) {
      await pageTurn();
      end = performance.now() + SLICE_BUDGET_MS;
    }
  }
}

/** `scheduler.yield` resumes ahead of other queued tasks; elsewhere a message comes back soonest. */
function pageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
