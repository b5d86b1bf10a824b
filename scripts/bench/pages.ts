/**
 * What `npm run bench` reads: corpus articles of registry sites in several languages, and the El
 * País article repeated to thousands of paragraphs, served on its own hostname.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { detectArticle } from '../../utils/article/detect';
import { findSite } from '../../utils/sites/registry';
import { corpusPagesDir } from '../../test/e2e/harness/paths.ts';
import type { EngineKind, LoopbackServer } from './engine.ts';

export interface BenchArticle {
  /** Corpus page id, e.g. `fundus/es-ElPais_2024_10_15`. */
  id: string;
  /** Registry site id: the key its mode is stored under. */
  site: string;
  /** The article's language as the engine is asked for it (APy: ISO 639-3). */
  source: string;
  engine: EngineKind;
}

/** Spanish through APy; the others through the pseudo engine. Languages checked by the engine log. */
const ARTICLES: readonly Omit<BenchArticle, 'site'>[] = [
  { id: 'fundus/es-ElPais_2024_10_15', source: 'spa', engine: 'apertium' },
  { id: 'fundus/de-SpiegelOnline_2023_04_28', source: 'de', engine: 'libretranslate' },
  { id: 'fundus/jp-MainichiShimbun_2025_01_14', source: 'ja', engine: 'libretranslate' },
  { id: 'fundus/es-ElMundo_2024_12_02', source: 'spa', engine: 'apertium' },
  { id: 'fundus/es-ABC_2025_01_13', source: 'spa', engine: 'apertium' },
  { id: 'fundus/de-DieZeit_2023_04_28', source: 'de', engine: 'libretranslate' },
  { id: 'fundus/de-Tagesschau_2023_04_28', source: 'de', engine: 'libretranslate' },
  { id: 'htmldate-eval/liberation.fr-Gaza', source: 'fr', engine: 'libretranslate' },
  { id: 'fundus/it-LaRepubblica_2025_01_05', source: 'it', engine: 'libretranslate' },
  { id: 'fundus/kr-HankookIlbo_2025_05_15', source: 'ko', engine: 'libretranslate' },
  { id: 'fundus/tr-AnadoluAjansi_2025_04_05', source: 'tr', engine: 'libretranslate' },
];

/** The first three (Spanish, German, Japanese) in quick mode. */
export function benchArticles(quick: boolean): BenchArticle[] {
  return ARTICLES.slice(0, quick ? 3 : ARTICLES.length).map((a) => {
    const meta = JSON.parse(readFileSync(join(corpusPagesDir, a.id, 'meta.json'), 'utf8')) as {
      url: string;
    };
    const site = findSite(new URL(meta.url).hostname);
    if (!site) throw new Error(`${a.id} (${meta.url}) is not on a registry site`);
    return { ...a, site: site.id };
  });
}

/** A hostname no registry site matches: the same document there runs without the extension. */
export const CONTROL_HOST = 'fd-bench-control.test';

export const LONG_PAGE_SOURCE = 'fundus/es-ElPais_2024_10_15';
export const LONG_PAGE_SITE = 'elpais';

/** The El País article with its body paragraphs repeated, in order, to `paragraphs` paragraphs. */
function repeatedArticle(paragraphs: number): string {
  const html = gunzipSync(readFileSync(join(corpusPagesDir, LONG_PAGE_SOURCE, 'page.html.gz')));
  const dom = new JSDOM(html.toString('utf8'), { url: 'https://elpais.com/' });
  const doc = dom.window.document;
  const body = detectArticle(doc)
    .blocks.map((b) => b.element)
    .filter((e) => e.tagName === 'P');
  const last = body.at(-1);
  if (!last?.parentElement) throw new Error(`no body paragraphs found in ${LONG_PAGE_SOURCE}`);
  const copies = doc.createDocumentFragment();
  for (let i = body.length; i < paragraphs; i++) {
    copies.append(body[i % body.length]!.cloneNode(true));
  }
  last.after(copies);
  return dom.serialize();
}

export interface LongPages extends LoopbackServer {
  /** The repeated article on El País's hostname, or with `control` on CONTROL_HOST. */
  urlFor(paragraphs: number, control?: boolean): string;
}

/** Serves the repeated articles (any host, path `/bench/long-N`) with the corpus server's CSP. */
export async function startLongPages(sizes: number[]): Promise<LongPages> {
  const bodies = new Map(sizes.map((n) => [`/bench/long-${n}`, Buffer.from(repeatedArticle(n))]));
  const server = createServer((req, res) => {
    const body = bodies.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(body ? 200 : 404, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body?.length ?? 0,
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "script-src 'none'",
    });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    urlFor: (n, control = false) =>
      `http://${control ? CONTROL_HOST : 'elpais.com'}:${port}/bench/long-${n}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
