import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './page.ts';
import { APT_APY, requireFile } from './paths.ts';
import { spawnGroup, stopGroup } from './process-group.ts';

const PYTHON = '/usr/bin/python3';
const APY = '/usr/bin/apertium-apy';
const MODES = process.env.FD_APERTIUM_MODES ?? '/usr/share/apertium/modes';
const WRAPPER = join(dirname(fileURLToPath(import.meta.url)), 'apy-loopback.py');

export interface ApyRequest {
  method: string;
  /** Path without the query, e.g. `/translate`. */
  path: string;
  /** Query and form-body parameters together (e.g. `langpair`, `q`, `format`). */
  params: Record<string, string>;
}

export interface ApyOptions {
  /** Put a loopback proxy in front of APy that records every request in `requests`. */
  countRequests?: boolean;
  /** Language pairs that must be installed (default `['spa-eng']`). */
  requirePairs?: string[];
}

export interface Apy {
  /** What the extension should use: `http://127.0.0.1:PORT` (the proxy when counting). */
  readonly url: string;
  /** APy itself, bypassing any counting proxy. */
  readonly directUrl: string;
  /** Requests seen by the counting proxy (empty unless `countRequests`). */
  readonly requests: ApyRequest[];
  /** Forgets the recorded requests. */
  resetRequests(): void;
  /** Translates with APy directly (not counted), e.g. `translate('Hola', 'spa|eng')`. */
  translate(text: string, langpair: string, format?: 'txt' | 'html'): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function startProxy(target: string, requests: ApyRequest[]): Promise<Server> {
  const targetUrl = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const u = new URL(req.url ?? '/', target);
      const params: Record<string, string> = Object.fromEntries(u.searchParams);
      const type = req.headers['content-type'] ?? '';
      if (body.length && type.includes('application/x-www-form-urlencoded')) {
        Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
      }
      if (req.method !== 'OPTIONS') {
        requests.push({ method: req.method ?? 'GET', path: u.pathname, params });
      }
      const headers = { ...req.headers, host: targetUrl.host };
      const upstream = httpRequest(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`APy proxy: ${error.message}`);
      });
      upstream.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Starts Apertium APy on 127.0.0.1 (its own process group) and waits until it answers
 * `/listPairs` with the required pairs.
 */
export async function startApy(options: ApyOptions = {}): Promise<Apy> {
  requireFile(APY, 'Apertium APy', APT_APY);
  requireFile(PYTHON, "Debian's python3 (for APy)", APT_APY);
  const pairs = options.requirePairs ?? ['spa-eng'];
  for (const pair of pairs) {
    const mode = join(MODES, `${pair}.mode`);
    if (!existsSync(mode)) {
      const pkg = `apertium-${pair.split('-').sort().join('-')}`;
      throw new Error(
        `Apertium pair ${pair} not installed (${mode} missing).\nInstall it with: apt-get install -y --no-install-recommends ${pkg}`,
      );
    }
  }

  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const output: string[] = [];
    // APy and its pipeline children share one process group.
    const child = spawnGroup(PYTHON, [WRAPPER, '-p', String(port), MODES], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    const keep = (c: Buffer) => {
      output.push(c.toString('utf8'));
      if (output.length > 200) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });

    const directUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    let ready = false;
    while (!exited && Date.now() < deadline) {
      try {
        const res = await fetch(`${directUrl}/listPairs`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) {
          const body = (await res.json()) as {
            responseData?: { sourceLanguage: string; targetLanguage: string }[];
          };
          const have = new Set(
            (body.responseData ?? []).map((p) => `${p.sourceLanguage}-${p.targetLanguage}`),
          );
          const missing = pairs.filter((p) => !have.has(p));
          if (missing.length) {
            lastError = `APy lists no ${missing.join(', ')}; it has ${[...have].join(', ')}`;
            break;
          }
          ready = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }

    const stopApy = () => stopGroup(child);

    if (!ready) {
      await stopApy();
      lastError ||= `APy did not answer /listPairs on ${directUrl}`;
      lastError += `\nAPy output:\n${output.join('').slice(-2000)}`;
      continue; // the port may have been taken in between: try another
    }

    const requests: ApyRequest[] = [];
    const proxy = options.countRequests ? await startProxy(directUrl, requests) : undefined;
    const url = proxy ? `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` : directUrl;

    return {
      url,
      directUrl,
      requests,
      resetRequests: () => {
        requests.length = 0;
      },
      async translate(text, langpair, format = 'txt') {
        const res = await fetch(`${directUrl}/translate`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ langpair, q: text, markUnknown: 'no', format }),
        });
        const body = (await res.json()) as {
          responseStatus: number;
          responseData?: { translatedText?: string };
          message?: string;
        };
        if (body.responseStatus !== 200 || body.responseData?.translatedText === undefined) {
          throw new Error(`APy could not translate (${res.status}): ${JSON.stringify(body)}`);
        }
        return body.responseData.translatedText;
      },
      async stop() {
        if (proxy) {
          proxy.closeAllConnections();
          await new Promise<void>((resolve) => proxy.close(() => resolve()));
        }
        await stopApy();
      },
    };
  }
  throw new Error(`Apertium APy did not start: ${lastError}`);
}
