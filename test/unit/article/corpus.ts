/** Real corpus pages for the unit tests, parsed the way the extract script parses them. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDocument } from '../../../scripts/lib/corpus';

/** The shared corpus beside the checkout (tests run from the repository root). */
export const CORPUS = resolve(process.cwd(), '../shared/corpus');

export interface Truth {
  lang?: string;
  title?: string | null;
  date?: string | null;
  body_text?: string | null;
  lead?: string[];
  publisher?: string;
  images?: { caption?: string | null; credit?: string | null }[];
  with?: string[];
  without?: string[];
}

export function loadPage(key: string): { doc: Document; url: string | undefined } {
  return loadDocument({ key, dir: join(CORPUS, 'pages', key) });
}

/** The answers, for checking only (detection itself never reads them). */
export function loadTruth(key: string): Truth {
  return JSON.parse(readFileSync(join(CORPUS, 'pages', key, 'truth.json'), 'utf8')) as Truth;
}

/** F1 of 4-word shingles, as the corpus scorer measures body text. */
export function shingleF1(truth: string, predicted: string): number {
  const bag = (text: string) => {
    const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const counts = new Map<string, number>();
    for (let i = 0; i < Math.max(1, words.length - 3); i++) {
      const key = words.slice(i, i + 4).join(' ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const t = bag(truth);
  const p = bag(predicted);
  let tp = 0;
  for (const [k, n] of p) tp += Math.min(n, t.get(k) ?? 0);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const precision = tp / (sum(p) || 1);
  const recall = tp / (sum(t) || 1);
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}
