/**
 * The loopback translation side of `npm run bench`: a LibreTranslate-shaped engine with realistic
 * latency and a deterministic pseudo-translation, and a latency proxy that logs every request, put
 * in front of both that engine and APy.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep } from '../../test/e2e/harness/page.ts';

/** The engine answers after this much, plus 1 ms per PER_MS_CHARS characters of the request. */
const ENGINE_BASE_MS = 150;
const PER_MS_CHARS = 100;

/** Languages the pseudo engine offers, each into every other. */
const LANGUAGES = [
  'ar',
  'da',
  'de',
  'en',
  'es',
  'fr',
  'it',
  'ja',
  'ko',
  'nl',
  'pl',
  'pt',
  'ru',
  'sv',
  'tr',
  'uk',
  'zh',
];

/** Inline wrappers of APy batches (utils/engines/apertium.ts): one text per segment. */
const APY_SEGMENT = /<div data-fd-seg="\d+">([\s\S]*?)<\/div>/g;

export interface LoggedRequest {
  method: string;
  path: string;
  /** The texts asked for (`/translate` only): LibreTranslate's `q` list, APy's segments. */
  segments: string[];
  /** The source language asked for (`/translate` only): `de`, or APy's `spa`. */
  source: string;
  /** Epoch ms, as `performance.timeOrigin + performance.now()` in the page reads it. */
  arrivedAt: number;
  answeredAt: number;
}

export interface LoopbackServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface LatencyProxy extends LoopbackServer {
  readonly requests: LoggedRequest[];
  /** Requests since the last `reset()`. */
  since(): LoggedRequest[];
  reset(): void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function listen(server: Server): Promise<string> {
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** Text runs outside tags get a marker; tags and entities pass unchanged, as an engine keeps them. */
export function pseudoTranslate(html: string, target: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') || !/\p{L}/u.test(part) ? part : `[${target}] ${part}`))
    .join('');
}

/**
 * LibreTranslate's API (`GET /languages`, `POST /translate` with `{q, source, target, format}`),
 * answering after ENGINE_BASE_MS + 1 ms per PER_MS_CHARS characters with `pseudoTranslate`.
 */
export async function startPseudoEngine(): Promise<LoopbackServer> {
  const languages = LANGUAGES.map((code) => ({
    code,
    name: code,
    targets: LANGUAGES.filter((c) => c !== code),
  }));
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const reply = (status: number, value: unknown) => {
        const json = JSON.stringify(value);
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(json);
      };
      if (path === '/languages') return reply(200, languages);
      if (path !== '/translate' || req.method !== 'POST') return reply(404, { error: 'not found' });
      const asked = JSON.parse(body.toString('utf8')) as { q: string | string[]; target: string };
      const texts = Array.isArray(asked.q) ? asked.q : [asked.q];
      const chars = texts.reduce((n, t) => n + t.length, 0);
      await sleep(ENGINE_BASE_MS + chars / PER_MS_CHARS);
      const out = texts.map((t) => pseudoTranslate(t, asked.target));
      reply(200, { translatedText: Array.isArray(asked.q) ? out : out[0] });
    })().catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: String(error) }));
    });
  });
  const url = await listen(server);
  return { url, close: closer(server) };
}

/** What one `/translate` request asks for, from an APy form or a LibreTranslate JSON body. */
function askedIn(req: IncomingMessage, body: Buffer): { segments: string[]; source: string } {
  const type = req.headers['content-type'] ?? '';
  const text = body.toString('utf8');
  if (type.includes('application/json')) {
    const { q, source } = JSON.parse(text) as { q?: unknown; source?: unknown };
    return {
      segments: Array.isArray(q) ? q.map(String) : [String(q ?? '')],
      source: String(source ?? ''),
    };
  }
  const form = new URLSearchParams(text);
  const q = form.get('q') ?? '';
  const wrapped = [...q.matchAll(APY_SEGMENT)].map((m) => m[1] ?? '');
  return {
    segments: wrapped.length ? wrapped : [q],
    source: (form.get('langpair') ?? '').split('|')[0] ?? '',
  };
}

/** Forwards everything to `target` after `delayMs`, logging each request with its times. */
export async function startLatencyProxy(target: string, delayMs: number): Promise<LatencyProxy> {
  const targetUrl = new URL(target);
  const requests: LoggedRequest[] = [];
  let since = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const arrivedAt = Date.now();
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', target).pathname;
      const entry: LoggedRequest = {
        method: req.method ?? 'GET',
        path,
        ...(path === '/translate' ? askedIn(req, body) : { segments: [], source: '' }),
        arrivedAt,
        answeredAt: arrivedAt,
      };
      if (entry.method !== 'OPTIONS') requests.push(entry);
      await sleep(delayMs);
      const upstream = httpRequest(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: targetUrl.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('end', () => {
            entry.answeredAt = Date.now();
          });
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`bench proxy: ${error.message}`);
      });
      upstream.end(body);
    })();
  });
  const url = await listen(server);
  return {
    url,
    requests,
    since: () => requests.slice(since),
    reset: () => {
      since = requests.length;
    },
    close: closer(server),
  };
}

export type EngineKind = 'apertium' | 'libretranslate';

/**
 * The baseline the article's time is compared with: the same segments, one request each, in
 * sequence, straight to `engineUrl` (the latency proxy). Returns the total in ms.
 */
export async function oneByOneMs(
  engineUrl: string,
  kind: EngineKind,
  segments: string[],
  source: string,
): Promise<number> {
  const started = performance.now();
  for (const segment of segments) {
    const init: RequestInit =
      kind === 'apertium'
        ? {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              langpair: `${source}|eng`,
              q: segment,
              format: 'html',
              markUnknown: 'no',
            }),
          }
        : {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ q: [segment], source, target: 'en', format: 'html' }),
          };
    const res = await fetch(`${engineUrl}/translate`, {
      ...init,
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok)
      throw new Error(`${kind} baseline request failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }
  return performance.now() - started;
}
