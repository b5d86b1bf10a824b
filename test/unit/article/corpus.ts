/** Real corpus pages for the unit tests, parsed the way the extract script parses them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../../../scripts/lib/corpus';

export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));

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
