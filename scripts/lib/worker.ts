/**
 * One batch of an extraction run, started by `runShards`: loads pages FIRST to LAST (exclusive)
 * of the folder one by one, runs the named extractors on each, and prints one JSON line a page,
 * `{ "key": ..., "results": { name: result } }`, as soon as it is done.
 * usage: worker.ts PAGES_DIR FIRST LAST EXTRACTOR...
 */
import { listPages, loadDocument, type PageRef } from './corpus';
import { extractOurs, extractReadability, type ExtractorName, type PageResult } from './extractors';

const [pagesDir, first, last, ...names] = process.argv.slice(2);
if (!pagesDir || !first || !last)
  throw new Error('usage: worker.ts PAGES_DIR FIRST LAST EXTRACTOR...');

for (const page of listPages(pagesDir).slice(Number(first), Number(last))) {
  const results = runPage(page, names as ExtractorName[]);
  process.stdout.write(`${JSON.stringify({ key: page.key, results })}\n`);
}

/**
 * Parses the page once and runs the extractors on it in the order given. Our detection only reads
 * the document, so Readability (which rewrites it) can run after it on the same parse.
 */
function runPage(page: PageRef, extractors: ExtractorName[]): Record<string, PageResult> {
  const results: Record<string, PageResult> = {};
  let view: (Window & typeof globalThis) | null = null;
  try {
    const { doc, url } = loadDocument(page);
    view = doc.defaultView as (Window & typeof globalThis) | null;
    for (const name of extractors) {
      try {
        results[name] = name === 'ours' ? extractOurs(doc, url) : extractReadability(doc);
      } catch (err) {
        results[name] = { error: describe(err) };
      }
    }
  } catch (err) {
    for (const name of extractors) results[name] ??= { error: describe(err) };
  } finally {
    view?.close();
  }
  return results;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
