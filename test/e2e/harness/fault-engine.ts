import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { articleHtml, tokenPattern, type ArticleOptions } from '../fixtures/article.ts';

/**
 * A loopback translation engine with LibreTranslate's API (`GET /languages`, `POST /translate`
 * with a `q` array) that fails on purpose. It also serves the articles it translates, under El
 * País's hostname, each with its case's token in every text: the token in a request's segments
 * chooses how it answers, so every case runs side by side behind the one engine address the
 * settings hold. Healthy, it "translates" by upper-casing text and keeping every tag.
 */

/** Each way an engine fails that the suite injects. */
export const FAULTS = [
  /** The connection is dropped before any answer: the browser sees a network error. */
  'connection-reset',
  /** Accepts and never answers. */
  'hang',
  /** Answers well, but only after 45 s. */
  'slow',
  /** Sends its headers, then its body a byte a second. */
  'drip',
  /** 429 with `Retry-After: 1` once, then answers. */
  'rate-limited-once',
  /** 429 with `Retry-After: 1` on every request. */
  'rate-limited',
  /** 401, a key the server refuses. */
  'bad-key',
  /** 403, a key without access. */
  'forbidden',
  /** 456, the status that says an account's quota is used up (DeepL's). */
  'quota',
  /** 500 once, then answers. */
  'server-error-once',
  /** 502 on every request, as a proxy in front of a dead server answers. */
  'bad-gateway',
  /** 503 on every request, with a 16 KB error text. */
  'unavailable',
  /** Status 200, a body that is not JSON. */
  'malformed-json',
  /** Status 200, JSON of another shape. */
  'wrong-shape',
  'fewer-translations',
  'more-translations',
  /** An empty string for every segment. */
  'empty-strings',
  /** Declares a longer body than it sends, then closes the connection. */
  'short-body',
  /** A 5 MB answer. */
  'huge-reply',
  /** An HTML error page with status 200. */
  'html-error-page',
  /** Answers with the source unchanged. */
  'echo',
] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * Each keyed engine's own "quota used up" reply, as its API documents it, at the engine's own
 * path on this server: DeepL 456; Google Cloud 403 `dailyLimitExceeded`; Microsoft 403 with code
 * 403001 (free tier); OpenAI 429 `insufficient_quota`.
 */
export const QUOTA_REPLIES = {
  deepl: { path: '/v2/translate', status: 456, body: { message: 'Quota Exceeded' } },
  'google-cloud': {
    path: '/language/translate/v2',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Daily Limit Exceeded',
        errors: [
          { message: 'Daily Limit Exceeded', domain: 'usageLimits', reason: 'dailyLimitExceeded' },
        ],
      },
    },
  },
  microsoft: {
    path: '/translate',
    status: 403,
    body: {
      error: {
        code: 403001,
        message:
          'The operation is not allowed because the subscription has exceeded its free quota.',
      },
    },
  },
  openai: {
    path: '/chat/completions',
    status: 429,
    body: {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    },
  },
} as const;
export type KeyedEngine = keyof typeof QUOTA_REPLIES;

/** How a case's segments are answered: a fault until healed, or hostile payloads. */
export type Behaviour =
  | { fault: Fault }
  | {
      /** The reply for a segment: `segment` is what the extension sent. */
      hostile: (segment: string) => string;
    };

export interface EngineRequest {
  token: string | null;
  segments: string[];
}

export interface FaultEngine {
  /** The engine's address for LibreTranslate's settings. */
  readonly url: string;
  /** The address of a case's article page, under El País's hostname. */
  articleUrl(token: string): string;
  /** Serves `options` as the article of `options.token`, answered as `behaviour` says. */
  addCase(options: ArticleOptions, behaviour: Behaviour): void;
  /** From now on the case's requests are answered well. */
  heal(token: string): void;
  /** The `/translate` requests of a case so far. */
  requestsOf(token: string): EngineRequest[];
  /** Requests each keyed engine's quota reply answered. */
  readonly quotaRequests: Record<KeyedEngine, number>;
  /** Where hostile markup would send a request if it ever ran or loaded: `/beacon/<label>`. */
  readonly beaconUrl: string;
  /** Labels of the beacon requests received: each one is something that executed or loaded. */
  readonly beacons: string[];
  close(): Promise<void>;
}

/** The engine's healthy translation: text upper-cased, tags and entities as they were. */
export function shout(html: string): string {
  return html.replace(/(<[^>]*>)|(&[#\w]+;)|([^<&]+)/g, (whole, tag?: string, entity?: string) =>
    tag || entity ? whole : whole.toUpperCase(),
  );
}

const LANGUAGES = [
  { code: 'en', name: 'English', targets: ['es'] },
  { code: 'es', name: 'Spanish', targets: ['en'] },
];
const LONG_ERROR = `Service unavailable: ${'the translation backend is restarting; '.repeat(400)}`;
const HUGE_BYTES = 5 * 1024 * 1024;
const SLOW_ANSWER_MS = 45_000;

interface Case {
  article: string;
  behaviour: Behaviour;
  healed: boolean;
  requests: EngineRequest[];
}

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}

function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers one `/translate` request of a case as its fault says (healthy once healed). */
function answer(res: ServerResponse, item: Case, segments: string[]): void {
  const translations = segments.map(shout);
  const first = item.requests.length === 1;
  if ('hostile' in item.behaviour) {
    return json(res, 200, { translatedText: segments.map(item.behaviour.hostile) });
  }
  if (item.healed) return json(res, 200, { translatedText: translations });
  switch (item.behaviour.fault) {
    case 'connection-reset':
      res.socket?.destroy();
      return;
    case 'hang':
      return;
    case 'slow': {
      const later = setTimeout(
        () => json(res, 200, { translatedText: translations }),
        SLOW_ANSWER_MS,
      );
      res.on('close', () => clearTimeout(later));
      return;
    }
    case 'drip': {
      const body = Buffer.from(JSON.stringify({ translatedText: translations }));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      let sent = 0;
      const drip = setInterval(() => {
        if (sent < body.length) res.write(body.subarray(sent, ++sent));
        else clearInterval(drip);
      }, 1_000);
      res.on('close', () => clearInterval(drip));
      return;
    }
    case 'rate-limited-once':
      if (!first) return json(res, 200, { translatedText: translations });
      return json(res, 429, { error: 'Too many requests' }, { 'Retry-After': '1' });
    case 'rate-limited':
      return json(res, 429, { error: 'Too many requests' }, { 'Retry-After': '1' });
    case 'bad-key':
      return json(res, 401, { error: 'Invalid API key' });
    case 'forbidden':
      return json(res, 403, { error: 'This key has no access to the translate endpoint' });
    case 'quota':
      return json(res, 456, { message: 'Quota exceeded' });
    case 'server-error-once':
      if (!first) return json(res, 200, { translatedText: translations });
      return json(res, 500, { error: 'Internal error' });
    case 'bad-gateway':
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
      return;
    case 'unavailable':
      return json(res, 503, { error: LONG_ERROR });
    case 'malformed-json':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"translatedText": [${JSON.stringify(translations[0] ?? '')},`);
      return;
    case 'wrong-shape':
      return json(res, 200, { translatedText: translations.join('\n'), detected: 'es' });
    case 'fewer-translations':
      return json(res, 200, { translatedText: translations.slice(0, -1) });
    case 'more-translations':
      return json(res, 200, { translatedText: [...translations, 'EXTRA'] });
    case 'empty-strings':
      return json(res, 200, { translatedText: segments.map(() => '') });
    case 'short-body': {
      const text = JSON.stringify({ translatedText: translations });
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text) + 1_000,
      });
      res.write(text.slice(0, text.length >> 1));
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    case 'huge-reply': {
      const padding = 'X'.repeat(Math.ceil(HUGE_BYTES / Math.max(1, segments.length)));
      return json(res, 200, { translatedText: translations.map((t) => t + padding) });
    }
    case 'html-error-page':
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1><p>nginx</p>');
      return;
    case 'echo':
      return json(res, 200, { translatedText: segments });
  }
}

export async function startFaultEngine(): Promise<FaultEngine> {
  const cases = new Map<string, Case>();
  const beacons: string[] = [];
  const sockets = new Set<Socket>();

  const quotaRequests: Record<KeyedEngine, number> = {
    deepl: 0,
    'google-cloud': 0,
    microsoft: 0,
    openai: 0,
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://engine.test');
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (url.pathname.startsWith('/beacon/')) {
        beacons.push(decodeURIComponent(url.pathname.slice('/beacon/'.length)));
        res.writeHead(204).end();
        return;
      }
      const page = /^\/articulo\/([A-Z]\d+)\.html$/.exec(url.pathname);
      if (page) {
        const item = cases.get(page[1] ?? '');
        res.writeHead(item ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(item?.article ?? '');
        return;
      }
      if (req.method === 'OPTIONS') {
        res
          .writeHead(204, {
            'Access-Control-Allow-Headers':
              'content-type, authorization, ocp-apim-subscription-key, ocp-apim-subscription-region',
          })
          .end();
        return;
      }
      // Microsoft's path is LibreTranslate's too: its requests carry an API version.
      const keyed = (Object.keys(QUOTA_REPLIES) as KeyedEngine[]).find(
        (id) =>
          QUOTA_REPLIES[id].path === url.pathname &&
          req.method === 'POST' &&
          (id !== 'microsoft' || url.searchParams.has('api-version')),
      );
      if (keyed) {
        quotaRequests[keyed]++;
        req.resume();
        return json(res, QUOTA_REPLIES[keyed].status, QUOTA_REPLIES[keyed].body);
      }
      if (url.pathname === '/languages') return json(res, 200, LANGUAGES);
      if (url.pathname !== '/translate' || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      let segments: string[];
      try {
        const body = JSON.parse(await readBody(req)) as { q?: unknown };
        segments = Array.isArray(body.q) ? body.q.map(String) : [String(body.q ?? '')];
      } catch {
        return json(res, 400, { error: 'Invalid request' });
      }
      const token = segments.map((s) => tokenPattern.exec(textOf(s))?.[1]).find(Boolean) ?? null;
      const item = token ? cases.get(token.toUpperCase()) : undefined;
      if (!item) return json(res, 200, { translatedText: segments.map(shout) });
      item.requests.push({ token, segments });
      answer(res, item, segments);
    })().catch(() => res.socket?.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const caseOf = (token: string) => {
    const item = cases.get(token);
    if (!item) throw new Error(`no case ${token} on the fault engine`);
    return item;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    beaconUrl: `http://127.0.0.1:${port}/beacon`,
    beacons,
    quotaRequests,
    articleUrl: (token) => `http://elpais.com:${port}/articulo/${token}.html`,
    addCase(options, behaviour) {
      cases.set(options.token, {
        article: articleHtml(options),
        behaviour,
        healed: false,
        requests: [],
      });
    },
    heal(token) {
      caseOf(token).healed = true;
    },
    requestsOf: (token) => caseOf(token).requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
