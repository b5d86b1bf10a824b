/**
 * Benchmark: what the translation pipeline costs a reader. Translates the Spanish articles of the
 * public corpus with a real Apertium APy on loopback, as the content script sends them (headline
 * and body blocks, in messages of MESSAGE_BLOCKS), then visits every article again. Prints engine
 * requests per article and cache hits on the revisit. usage: npm run bench:engines
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { detectArticle } from '../utils/article/detect';
import { ApertiumEngine } from '../utils/engines/providers/apertium';
import { IndexedDbCache } from '../utils/engines/cache';
import { TranslationPipeline, type PipelineStats } from '../utils/engines/pipeline';
import { encodeBlock } from '../utils/page/markup';
import { startApy } from '../test/e2e/harness/apy.ts';
import { corpusPagesDir } from '../test/e2e/harness/paths.ts';

/** Blocks per message from the content script (utils/page/controller.ts sends 12). */
const MESSAGE_BLOCKS = 12;

function articleSegments(file: string): string[] {
  const html = gunzipSync(readFileSync(file)).toString('utf8');
  const doc = new JSDOM(html).window.document;
  const article = detectArticle(doc);
  const elements = [article.titleElement, ...article.blocks.map((b) => b.element)];
  return elements
    .filter((e): e is Element => e !== null)
    .map((e) => encodeBlock(e))
    .filter((b) => b.text.length > 0)
    .map((b) => b.html);
}

async function visit(pipeline: TranslationPipeline, engine: ApertiumEngine, segments: string[]) {
  const total: PipelineStats = {
    segments: 0,
    requests: 0,
    cacheHits: 0,
    duplicates: 0,
    alreadyInTarget: 0,
  };
  const started = performance.now();
  for (let i = 0; i < segments.length; i += MESSAGE_BLOCKS) {
    const { stats } = await pipeline.translate([engine], {
      segments: segments.slice(i, i + MESSAGE_BLOCKS),
      source: 'es',
      target: 'en',
    });
    for (const key of Object.keys(total) as (keyof PipelineStats)[]) total[key] += stats[key];
  }
  return {
    ...total,
    messages: Math.ceil(segments.length / MESSAGE_BLOCKS),
    ms: performance.now() - started,
  };
}

const pages = readdirSync(join(corpusPagesDir, 'fundus'))
  .filter((name) => name.startsWith('es-'))
  .map((name) => ({ name, file: join(corpusPagesDir, 'fundus', name, 'page.html.gz') }));

const apy = await startApy({ countRequests: true });
try {
  const engine = new ApertiumEngine(apy.url);
  const pipeline = new TranslationPipeline({ cache: new IndexedDbCache() });
  const rows: string[][] = [
    ['article', 'blocks', 'messages', 'requests', 'ms', 'revisit requests', 'revisit cache hits'],
  ];
  let blocks = 0;
  let requests = 0;
  let revisitRequests = 0;
  let revisitHits = 0;
  for (const page of pages) {
    const segments = articleSegments(page.file);
    const first = await visit(pipeline, engine, segments);
    const again = await visit(pipeline, engine, segments);
    blocks += segments.length;
    requests += first.requests;
    revisitRequests += again.requests;
    revisitHits += again.cacheHits;
    rows.push([
      page.name,
      String(segments.length),
      String(first.messages),
      String(first.requests),
      first.ms.toFixed(0),
      String(again.requests),
      `${again.cacheHits}/${segments.length - again.duplicates}`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log(
    `\n${pages.length} articles, ${blocks} blocks: ${(requests / pages.length).toFixed(1)} engine requests per article ` +
      `(${(blocks / requests).toFixed(1)} blocks per request); revisit: ${revisitRequests} requests, ` +
      `${revisitHits} cache hits. APy saw ${apy.requests.filter((r) => r.path === '/translate').length} /translate requests.`,
  );
} finally {
  await apy.stop();
}
