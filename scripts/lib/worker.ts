/**
 * One shard of an extraction run, started by `runShards`: loads its pages one by one, runs the
 * named extractors on it, and prints `{ name: { key: result } }` as JSON.
 * usage: worker.ts PAGES_DIR SHARD_INDEX SHARD_COUNT EXTRACTOR...
 */
import { listPages, loadDocument, shardOf, type PageRef } from './corpus';
import { extractOurs, extractReadability, type ExtractorName, type PageResult } from './extractors';

const [pagesDir, index, count, ...names] = process.argv.slice(2);
if (!pagesDir || !index || !count)
  throw new Error('usage: worker.ts PAGES_DIR INDEX COUNT EXTRACTOR...');

const out: Record<string, Record<string, PageResult>> = {};
for (const name of names) out[name] = {};
/** Progress goes to stderr every this many pages, so a long run shows it is alive. */
const PROGRESS_EVERY = 100;
const pages = shardOf(listPages(pagesDir), Number(index), Number(count));
pages.forEach((page, i) => {
  const results = runPage(page, names as ExtractorName[]);
  for (const [name, result] of Object.entries(results)) out[name]![page.key] = result;
  if ((i + 1) % PROGRESS_EVERY === 0)
    process.stderr.write(`shard ${index}: ${i + 1}/${pages.length}\n`);
});
process.stdout.write(JSON.stringify(out));

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
