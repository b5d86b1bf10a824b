import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** One request as the engine's server saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
}

/**
 * A stand-in for an engine's server on 127.0.0.1 (random port): `handle` checks each request
 * against the published API and answers with the documented shapes. Closed after each test.
 */
export async function loopback(handle: (request: SeenRequest) => Answer | Promise<Answer>) {
  const seen: SeenRequest[] = [];
  const problems: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', async () => {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const request = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body,
        json,
      };
      seen.push(request);
      let answer: Answer;
      try {
        answer = await handle(request);
      } catch (error) {
        // A request that breaks the published API: the test checks `problems` is empty.
        problems.push(String(error));
        answer = { status: 400, body: { error: String(error) } };
      }
      const text =
        typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
      res.writeHead(answer.status ?? 200, {
        'Content-Type': 'application/json',
        ...answer.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, problems };
}

/** A stand-in translation: the text upper-cased, the tags left exactly as they came. */
export function shout(html: string): string {
  return html.replace(
    /(^|>)([^<]*)/g,
    (_m, edge: string, text: string) => edge + text.toUpperCase(),
  );
}
