/**
 * Functions `npm run bench` runs inside the page (through the harness's `evaluate`): each is
 * self-contained, since it is sent to the page as source.
 */

/** What `installProbe` has seen on the page, in page milliseconds (since navigation start). */
export interface ProbeReading {
  first: number | null;
  last: number | null;
  shown: number;
  domContentLoaded: number;
  /** `performance.timeOrigin`, epoch ms: puts the engine proxy's times on the page's clock. */
  timeOrigin: number;
  /** The content script's `foreign-desk:detect` measure, when it emits one. */
  detect: { start: number; duration: number } | null;
  status: string | null;
}

interface Probe {
  first: number | null;
  last: number | null;
  shown: number;
}

/** Records when translations appear; runs at document start, before the content script. */
export function installProbe(): boolean {
  const w = window as unknown as { __fdBench?: Probe };
  if (w.__fdBench) return false;
  const probe: Probe = {
    first: null,
    last: null,
    shown: 0,
  };
  w.__fdBench = probe;
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node instanceof Element && node.classList.contains('foreign-desk-translation')) {
          probe.first ??= now;
          probe.last = now;
          probe.shown++;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  return true;
}

export function readProbe(): ProbeReading | null {
  const probe = (window as unknown as { __fdBench?: Probe }).__fdBench;
  if (!probe) return null;
  const nav = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  const detect = performance.getEntriesByName('foreign-desk:detect')[0];
  return {
    ...probe,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
    timeOrigin: performance.timeOrigin,
    detect: detect ? { start: detect.startTime, duration: detect.duration } : null,
    status:
      document
        .querySelector('foreign-desk-control')
        ?.shadowRoot?.querySelector('.control')
        ?.getAttribute('data-status') ?? null,
  };
}

/**
 * Scrolls through the page a viewport at a time, a frame or two at each stop so the extension's
 * IntersectionObserver sees every block come near, then back to the top.
 */
export async function scrollThrough(maxScreens: number): Promise<number> {
  const frame = () =>
    new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 16)));
  let screens = 0;
  for (let y = 0; y < document.documentElement.scrollHeight && screens < maxScreens; screens++) {
    window.scrollTo(0, y);
    await frame();
    y += window.innerHeight;
  }
  window.scrollTo(0, 0);
  await frame();
  return screens;
}

/**
 * A page function that runs `librarySource` (a script defining what `prepare` and `timed` use),
 * then `prepare`, and returns how long `timed` took: the cold, first call a page gets. The
 * library travels in the function's own source, which the page's CSP (no eval) lets through.
 */
export function firstCallTimer(
  librarySource: string,
  prepare: string,
  timed: string,
): () => number {
  return new Function(
    `${librarySource}\n;${prepare};\nconst benchStart = performance.now();\n${timed};\nreturn performance.now() - benchStart;`,
  ) as () => number;
}
