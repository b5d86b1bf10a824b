/**
 * The figures of issue 23's table: what each compares with and its target, medians over the
 * samples of a run, the printed table and `bench/results.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { BrowserName } from '../../test/e2e/harness/index.ts';

export type FigureId =
  | 'first-paragraph'
  | 'first-paragraph-from-navigation'
  | 'whole-article'
  | 'engine-requests'
  | 'revisit-requests'
  | 'revisit-time'
  | 'detection'
  | 'detection-fresh-page'
  | 'longest-task-always-5000'
  | 'longest-task-always-10000'
  | 'longest-task-never-10000'
  | 'extra-heap-never-10000'
  | 'content-script-gzip'
  | 'extra-heap-article';

interface FigureSpec {
  name: string;
  unit: string;
  /** What the value is divided by; absent for figures held against an absolute target. */
  comparedWith?: string;
  target: string;
  /** Whether the medians meet the target; absent for informative figures. */
  meets?: (median: { value: number; ratio: number }) => boolean;
}

export const FIGURES: Record<FigureId, FigureSpec> = {
  'first-paragraph': {
    name: 'first translated paragraph ÷ first /translate round trip (engine + 300 ms), from the content script start',
    unit: 'ms',
    comparedWith: 'first /translate round trip at the proxy',
    target: '≤ 1.3×',
    meets: ({ ratio }) => ratio <= 1.3,
  },
  'first-paragraph-from-navigation': {
    name: 'first translated paragraph ÷ first /translate round trip (engine + 300 ms), from navigation start',
    unit: 'ms',
    comparedWith: 'first /translate round trip at the proxy',
    target: '(informative)',
  },
  'whole-article': {
    name: 'whole article ÷ the same paragraphs one per request, in sequence (engine + 300 ms)',
    unit: 'ms',
    comparedWith: 'the same segments, one request each, in sequence, to the same proxy',
    target: '≤ 0.12',
    meets: ({ ratio }) => ratio <= 0.12,
  },
  'engine-requests': {
    name: 'engine requests ÷ ⌈article characters ÷ engine batch limit⌉',
    unit: 'requests',
    comparedWith: 'max(⌈characters ÷ maxChars⌉, ⌈segments ÷ maxSegments⌉)',
    target: '≤ 1.2',
    meets: ({ ratio }) => ratio <= 1.2,
  },
  'revisit-requests': {
    name: 'revisit: engine requests',
    unit: 'requests',
    comparedWith: 'first visit requests',
    target: '0',
    meets: ({ value }) => value === 0,
  },
  'revisit-time': {
    name: 'revisit: time ÷ first visit (engine + 300 ms), from navigation start',
    unit: 'ms',
    comparedWith: 'first visit, from navigation start',
    target: '≤ 0.25',
    meets: ({ ratio }) => ratio <= 0.25,
  },
  detection: {
    name: "detection in the page (the content script's only call) ÷ Readability's first parse() on the same page",
    unit: 'ms',
    comparedWith: 'Readability 0.6 first parse() in a fresh page of the same document',
    target: '≤ 1.0',
    meets: ({ ratio }) => ratio <= 1,
  },
  'detection-fresh-page': {
    name: "detection, our code's first call in a fresh page ÷ Readability's first parse() there (like for like)",
    unit: 'ms',
    comparedWith: 'Readability 0.6 first parse() in a fresh page of the same document',
    target: '(informative)',
  },
  'longest-task-always-5000': {
    name: "longest main-thread task of the extension's script, 5,000-paragraph article, site on always",
    unit: 'ms',
    target: '≤ 50 ms',
    meets: ({ value }) => value <= 50,
  },
  'longest-task-always-10000': {
    name: "longest main-thread task of the extension's script, 10,000-paragraph article, site on always",
    unit: 'ms',
    target: '≤ 50 ms',
    meets: ({ value }) => value <= 50,
  },
  'longest-task-never-10000': {
    name: "longest main-thread task of the extension's script, 10,000 paragraphs, site on never",
    unit: 'ms',
    target: 'no detection: < 50 ms',
    meets: ({ value }) => value < 50,
  },
  'extra-heap-never-10000': {
    name: 'extra JS heap, 10,000 paragraphs, site on never (vs the same page where the extension does not run)',
    unit: 'MB',
    comparedWith: 'JS heap of the same page on a host the extension does not run on',
    target: 'no detection: ≤ 0.5 MB',
    meets: ({ value }) => value <= 0.5,
  },
  'content-script-gzip': {
    name: 'content script, gzip (zlib, default level)',
    unit: 'KB',
    target: '≤ 40 KB',
    meets: ({ value }) => value <= 40,
  },
  'extra-heap-article': {
    name: 'extra JS heap on a typical article, translated (vs the same page where the extension does not run)',
    unit: 'MB',
    comparedWith: 'JS heap of the same page on a host the extension does not run on',
    target: '≤ 1.5 MB',
    meets: ({ value }) => value <= 1.5,
  },
};

/** One measurement: the value and what it is compared with, e.g. one article in one run. */
export interface Sample {
  value: number;
  compared?: number;
}

export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  compared_with: { what: string; value: number | null } | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  browser: BrowserName;
  /** How many samples the medians are of (articles × runs). */
  samples: number;
  note?: string;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians of the samples' values, of what they are compared with, and of their ratios. */
export function figureOf(
  id: FigureId,
  browser: BrowserName,
  samples: Sample[],
  note?: string,
): Figure {
  const spec = FIGURES[id];
  const value = median(samples.map((s) => s.value));
  const compared = median(samples.flatMap((s) => (s.compared === undefined ? [] : [s.compared])));
  const ratio = spec.comparedWith
    ? median(samples.flatMap((s) => (s.compared ? [s.value / s.compared] : [])))
    : null;
  const judged = spec.comparedWith && ratio === null ? null : value;
  const met =
    spec.meets && judged !== null ? spec.meets({ value: judged, ratio: ratio ?? NaN }) : null;
  return {
    name: spec.name,
    value,
    unit: spec.unit,
    compared_with: spec.comparedWith ? { what: spec.comparedWith, value: compared } : null,
    ratio,
    target: spec.target,
    met,
    browser,
    samples: samples.length,
    ...(note ? { note } : {}),
  };
}

/** A figure this browser cannot give, with the reason. */
export function notMeasured(id: FigureId, browser: BrowserName, why: string): Figure {
  return { ...figureOf(id, browser, []), note: `not measured: ${why}` };
}

const fmt = (n: number | null, digits = 2) =>
  n === null ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(digits);

function metColumn(f: Figure): string {
  if (f.met !== null) return f.met ? 'yes' : 'NO';
  if (f.note?.startsWith('not measured')) return 'not measured';
  return f.samples ? '' : 'failed';
}

export function printTable(figures: Figure[]): void {
  const rows = [['browser', 'figure', 'value', 'compared with', 'ratio', 'target', 'met', 'n']];
  for (const f of figures) {
    rows.push([
      f.browser,
      f.name,
      `${fmt(f.value)} ${f.unit}`,
      f.compared_with ? fmt(f.compared_with.value) : '',
      f.ratio === null ? '' : fmt(f.ratio),
      f.target,
      metColumn(f),
      String(f.samples),
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const notes = figures.filter((f) => f.note);
  if (notes.length) console.log('');
  for (const f of notes) console.log(`${f.browser}, ${f.name}: ${f.note}`);
}

export function writeResults(path: string, figures: Figure[], runs: number): void {
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${process.platform}; ${runs} run(s); load average at the end ${loadavg()[0]!.toFixed(1)}`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    `${JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2)}\n`,
  );
}
