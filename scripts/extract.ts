/**
 * Runs article detection on every corpus page under PAGES_DIR and writes the results in the corpus
 * format. usage: npm run -s extract -- PAGES_DIR --out RESULTS.json [--jobs N]
 */
import { writeFileSync } from 'node:fs';
import { runShards } from './lib/shards';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const pagesDir = args[0];
const out = option('--out');
if (!pagesDir || pagesDir.startsWith('--') || !out) {
  console.error('usage: npm run -s extract -- PAGES_DIR --out RESULTS.json [--jobs N]');
  process.exit(2);
}
const jobs = option('--jobs');
const { ours } = await runShards(pagesDir, ['ours'], jobs ? Number(jobs) : undefined);
writeFileSync(out, JSON.stringify({ results: ours }));
const errors = Object.values(ours ?? {}).filter((r) => r.error).length;
console.error(`extract: ${Object.keys(ours ?? {}).length} pages, ${errors} errors -> ${out}`);
