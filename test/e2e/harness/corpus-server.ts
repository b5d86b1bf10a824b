import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corpusPagesDir } from './paths.ts';

export interface CorpusServerOptions {
  /**
   * Let the saved pages run their own inline scripts (default false: the server sends
   * `Content-Security-Policy: script-src 'none'`, so a page is the same static DOM on every run;
   * extension content scripts are not subject to the page's CSP).
   */
  pageScripts?: boolean;
}

export interface CorpusServer {
  readonly port: number;
  /** `http://<real host>:<port><real path and query>` for a page id like `fundus/es-ElPais_2024_10_15`. */
  urlFor(pageId: string): string;
  /** The page's original URL from its meta.json. */
  originalUrlOf(pageId: string): string;
  /** Every request the server saw, in order (`host` includes the port). */
  readonly requests: { method: string; host: string; path: string; status: number }[];
  close(): Promise<void>;
}

interface PageEntry {
  id: string;
  dir: string;
  url: URL;
  /** The charset the page was served with (meta.json `charset`), sent again in `Content-Type`. */
  charset?: string;
}

/** Lower-cased host without port, plus path and query: how a page is found. */
const keyOf = (host: string, pathAndQuery: string) =>
  `${host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')}${pathAndQuery}`;

function loadIndex(): Map<string, PageEntry> {
  if (!existsSync(corpusPagesDir)) {
    throw new Error(`corpus not found at ${corpusPagesDir} (expected ../shared/corpus/pages)`);
  }
  const byId = new Map<string, PageEntry>();
  for (const dataset of readdirSync(corpusPagesDir, { withFileTypes: true })) {
    if (!dataset.isDirectory()) continue;
    for (const page of readdirSync(join(corpusPagesDir, dataset.name), { withFileTypes: true })) {
      if (!page.isDirectory()) continue;
      const dir = join(corpusPagesDir, dataset.name, page.name);
      try {
        const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as {
          url?: string;
          charset?: string;
        };
        if (meta.url)
          byId.set(`${dataset.name}/${page.name}`, {
            id: `${dataset.name}/${page.name}`,
            dir,
            url: new URL(meta.url),
            charset: meta.charset,
          });
      } catch {
        // A page without a readable meta.json cannot be served at its URL; skip it.
      }
    }
  }
  return byId;
}

/** The charset a page declares in its first bytes, as a browser's prescan would find it. */
export function declaredCharset(html: Buffer): string | undefined {
  const head = html.subarray(0, 4096).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)/i.exec(head);
  return direct?.[1]?.toLowerCase();
}

/**
 * Serves saved corpus pages at their real host and path on 127.0.0.1 (a free port). Browsers from
 * `launchBrowser` resolve every hostname to 127.0.0.1, so `urlFor()` opens the page under its real
 * hostname. Everything else (the pages' scripts, images, styles, trackers) gets an empty 404, and
 * pages' inline scripts are blocked by CSP unless `pageScripts` is set.
 */
export async function startCorpusServer(options: CorpusServerOptions = {}): Promise<CorpusServer> {
  const byId = loadIndex();
  const byKey = new Map<string, PageEntry>();
  for (const entry of byId.values()) {
    const key = keyOf(entry.url.host, entry.url.pathname + entry.url.search);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  const requests: CorpusServer['requests'] = [];
  const cache = new Map<string, { body: Buffer; type: string }>();

  function pageBody(entry: PageEntry) {
    let hit = cache.get(entry.id);
    if (!hit) {
      const body = gunzipSync(readFileSync(join(entry.dir, 'page.html.gz')));
      // The server's charset wins over the page's <meta>, as it did when the page was saved.
      const charset = entry.charset ?? declaredCharset(body);
      hit = { body, type: charset ? `text/html; charset=${charset}` : 'text/html' };
      cache.set(entry.id, hit);
    }
    return hit;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    const rawPath = req.url ?? '/';
    let entry: PageEntry | undefined;
    try {
      const u = new URL(rawPath, 'http://x');
      const forced = u.searchParams.get('__fd_page');
      entry = forced ? byId.get(forced) : byKey.get(keyOf(host, u.pathname + u.search));
    } catch {
      entry = undefined;
    }
    const method = req.method ?? 'GET';
    if (entry && (method === 'GET' || method === 'HEAD')) {
      const { body, type } = pageBody(entry);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        // The saved page without its own scripts: inline ad loaders would otherwise keep changing
        // the DOM, and the extension must not need them. Extension content scripts are exempt.
        ...(options.pageScripts ? {} : { 'Content-Security-Policy': "script-src 'none'" }),
      });
      res.end(method === 'HEAD' ? undefined : body);
      requests.push({ method, host, path: rawPath, status: 200 });
    } else {
      res.writeHead(404, { 'Content-Length': 0, 'Cache-Control': 'no-store' });
      res.end();
      requests.push({ method, host, path: rawPath, status: 404 });
    }
    req.resume();
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const entryOf = (pageId: string) => {
    const entry = byId.get(pageId);
    if (!entry) throw new Error(`no corpus page ${pageId} under ${corpusPagesDir}`);
    return entry;
  };

  return {
    port,
    requests,
    originalUrlOf: (pageId) => entryOf(pageId).url.href,
    urlFor(pageId) {
      const entry = entryOf(pageId);
      const path = entry.url.pathname + entry.url.search;
      const owner = byKey.get(keyOf(entry.url.host, path));
      // Two pages with one URL: the second is reached with an explicit query parameter.
      const extra =
        owner === entry
          ? ''
          : `${entry.url.search ? '&' : '?'}__fd_page=${encodeURIComponent(pageId)}`;
      return `http://${entry.url.hostname}:${port}${path}${extra}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
