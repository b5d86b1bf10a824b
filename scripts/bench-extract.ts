/**
 * Benchmark: runs our article detection and Mozilla Readability on every public corpus page in the
 * same run (same process, same page, one after the other), scores both with the corpus scorer and
 * prints both tables, a side-by-side summary against the targets of issue 25 and the ratio of
 * median extraction times, each a cold call in a fresh realm (scripts/lib/realm.ts). usage: npm run bench:extract [-- CORPUS_DIR] [--jobs N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runShards } from './lib/shards';

const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args[jobsAt + 1]) : undefined;
const corpus = resolve(
  args[0] && !args[0].startsWith('--')
    ? args[0]
    : fileURLToPath(new URL('../../shared/corpus', import.meta.url)),
);
const pagesDir = join(corpus, 'pages');
const scorer = join(corpus, 'score.mjs');

/** Issue 25's targets on the `all` group (non-English body F1 checked apart). */
const TARGETS: [label: string, pick: (s: Summary) => number | null | undefined, min: number][] = [
  ['body F1', (s) => s.body?.f1, 0.965],
  ['title as shown', (s) => s.title?.shown, 0.98],
  ['date same day', (s) => s.date?.sameDay, 0.94],
  ['snippets F1', (s) => s.snippets?.f1, 0.935],
  ['lead F1', (s) => s.lead?.f1, 0.94],
  ['captions recall', (s) => s.captions?.recall, 0.9],
  ['captions precision', (s) => s.captions?.precision, 0.93],
  ['publisher as shown', (s) => s.sourceShown, 0.98],
];
const MIN_NON_ENGLISH_BODY_F1 = 0.965;

interface Summary {
  pages: number;
  errors: number;
  body?: { f1: number };
  title?: { norm: number; shown: number };
  date?: { sameDay: number };
  snippets?: { f1: number };
  lead?: { f1: number };
  captions?: { recall: number | null; precision: number | null };
  source?: number;
  sourceShown?: number;
  ms_median?: number;
}

const started = Date.now();
const results = await runShards(
  pagesDir,
  ['ours', 'readability'] /* this order: Readability rewrites the page */,
  jobs,
);
const dir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
const scores: Record<string, { all: Summary; non_english: Summary }> = {};
for (const name of ['readability', 'ours']) {
  const resultsFile = join(dir, `${name}.json`);
  const scoreFile = join(dir, `${name}-score.json`);
  writeFileSync(resultsFile, JSON.stringify({ results: results[name] }));
  const table = execFileSync(
    process.execPath,
    [scorer, resultsFile, '--pages', pagesDir, '--json', scoreFile],
    {
      encoding: 'utf8',
    },
  );
  console.log(
    `\n## ${name === 'ours' ? 'Foreign Desk detectArticle' : 'Mozilla Readability 0.6.0'}\n`,
  );
  console.log(table.trim());
  scores[name] = JSON.parse(readFileSync(scoreFile, 'utf8'));
}

const f = (x: number | null | undefined) => (x == null ? '-' : x.toFixed(3));
const ours = scores.ours!;
const theirs = scores.readability!;
console.log('\n## Side by side (all pages)\n');
console.log('| measure | Readability | ours | target | met |');
console.log('|---|---|---|---|---|');
const rows: [string, number | null | undefined, number | null | undefined, string, boolean][] =
  TARGETS.map(([label, pick, min]) => [
    label,
    pick(theirs.all),
    pick(ours.all),
    `>= ${min}`,
    (pick(ours.all) ?? 0) >= min,
  ]);
rows.splice(1, 0, [
  'body F1 non-English',
  theirs.non_english.body?.f1,
  ours.non_english.body?.f1,
  `>= ${MIN_NON_ENGLISH_BODY_F1}`,
  (ours.non_english.body?.f1 ?? 0) >= MIN_NON_ENGLISH_BODY_F1,
]);
rows.push(['pages with errors', theirs.all.errors, ours.all.errors, '0', ours.all.errors === 0]);
for (const [label, a, b, target, met] of rows) {
  const show = (x: number | null | undefined) =>
    label.startsWith('pages') ? String(x ?? '-') : f(x);
  console.log(`| ${label} | ${show(a)} | ${show(b)} | ${target} | ${met ? 'yes' : 'no'} |`);
}
const msOurs = ours.all.ms_median ?? NaN;
const msTheirs = theirs.all.ms_median ?? NaN;
const ratio = msOurs / msTheirs;
console.log(
  `| median ms | ${msTheirs.toFixed(1)} | ${msOurs.toFixed(1)} | <= Readability | ${ratio <= 1 ? 'yes' : 'no'} |`,
);
console.log(
  `\nmedian extraction time ratio ours/Readability = ${ratio.toFixed(2)} (same run, one cold call per page each)`,
);
console.log(`results and scores in ${dir}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
