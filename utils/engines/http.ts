import { EngineError, type EngineErrorCode } from './types';

/**
 * An engine that has not answered (headers and whole body) within this is given up on. The
 * reader hears long before: the page says the engine is slow after ~7 s and offers to keep
 * waiting (a slow server may still answer) or to switch to the fallback engine.
 */
const REQUEST_TIMEOUT_MS = 60_000;
/** No reply to a batch within an engine's limits comes near this; a bigger one is no reply. */
const MAX_REPLY_BYTES = 1_000_000;
/** An engine's own words about a failure, as far as they are kept and shown to the reader. */
const MAX_DETAIL_CHARS = 300;

/** How one HTTP engine speaks about failure: its name, its error bodies, what readers can do. */
export interface HttpEngineSpec {
  /** Shown to readers: "DeepL", "Apertium at http://…". */
  name: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** The server's own words about a failure, from its (parsed JSON) error body. */
  detail?(body: unknown): string | undefined;
  /** A failure kind the status alone does not tell (Google's 403 for quota, Microsoft's codes). */
  classify?(status: number, body: unknown): EngineErrorCode | undefined;
  /** What the reader can do about each kind of failure. */
  hints?: Partial<Record<EngineErrorCode, string>>;
}

const STATUS_CODES: Record<number, EngineErrorCode> = {
  401: 'auth',
  403: 'auth',
  429: 'rate-limited',
  // DeepL's "quota exceeded"; no other engine uses 456.
  456: 'quota',
};

const WHAT: Record<EngineErrorCode, string> = {
  auth: 'refused the key',
  quota: 'says the account’s quota is used up',
  'rate-limited': 'is receiving too many requests',
  http: 'failed',
  'bad-reply': 'sent a malformed reply',
  'unsupported-pair': 'does not translate this language pair',
  network: 'cannot be reached',
  timeout: 'did not answer in time',
  cancelled: 'was cancelled',
  unavailable: 'is not ready',
};

/** `Retry-After` as milliseconds: either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Sends one request and returns its JSON body; every failure becomes an `EngineError`. */
export async function requestJson(
  spec: HttpEngineSpec,
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(spec.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const fetchImpl = spec.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      ...init,
      // Cookies of the reader's sessions never go to an engine.
      credentials: 'omit',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_REPLY_BYTES) {
      void response.body?.cancel().catch(() => undefined);
      throw failure(spec, 'bad-reply', `a reply of ${declared} bytes`);
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof EngineError) throw error;
    if (signal?.aborted) throw new EngineError('cancelled', 'Translation was cancelled.');
    if (timeout.aborted) throw failure(spec, 'timeout', 'no answer');
    throw failure(spec, 'network', `${String(error)}`);
  }
  // Without a Content-Length (chunked), the size is known once read.
  if (text.length > MAX_REPLY_BYTES) throw failure(spec, 'bad-reply', 'a reply over 1 MB');
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (!response.ok) {
    const code =
      spec.classify?.(response.status, body) ?? STATUS_CODES[response.status] ?? ('http' as const);
    const said = (parsed && spec.detail?.(body)) || text.trim();
    throw failure(spec, code, `HTTP ${response.status}${said ? `: ${said}` : ''}`, {
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      transient: response.status >= 500,
    });
  }
  if (!parsed) throw failure(spec, 'bad-reply', 'the body is not JSON');
  return body;
}

/** An error that says who failed, how, the server's words, and what the reader can do. */
export function failure(
  spec: Pick<HttpEngineSpec, 'name' | 'hints'>,
  code: EngineErrorCode,
  detail: string,
  options?: { retryAfterMs?: number; transient?: boolean },
): EngineError {
  const hint = spec.hints?.[code] ?? DEFAULT_HINTS[code];
  const said =
    detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS).trimEnd()}…` : detail;
  return new EngineError(
    code,
    `${spec.name} ${WHAT[code]} (${said}).${hint ? ` ${hint}` : ''}`,
    options,
  );
}

const DEFAULT_HINTS: Partial<Record<EngineErrorCode, string>> = {
  auth: 'Check the key in Foreign Desk’s options.',
  quota: 'Wait until the quota renews, or choose another engine in Foreign Desk’s options.',
  'rate-limited': 'Foreign Desk will try again shortly.',
  network: 'Check the connection and the engine’s address in Foreign Desk’s options.',
  timeout: 'The service may be overloaded; try again later.',
};

/** Reads `a.b.c` from a parsed JSON body when it is a string. */
export function stringAt(body: unknown, ...path: (string | number)[]): string | undefined {
  let value: unknown = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}

/** Checks that a reply holds one string per segment sent, or throws a bad-reply error. */
export function expectStrings(
  spec: Pick<HttpEngineSpec, 'name' | 'hints'>,
  values: unknown,
  count: number,
): string[] {
  if (!Array.isArray(values) || values.length !== count) {
    throw failure(spec, 'bad-reply', `expected ${count} translations`);
  }
  if (!values.every((v): v is string => typeof v === 'string')) {
    throw failure(spec, 'bad-reply', 'a translation is not text');
  }
  return values;
}

/** A base URL without trailing slashes, so paths can be appended with one. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The error for a keyed engine chosen without its key. */
export function missingKey(name: string): EngineError {
  return new EngineError('auth', `${name} needs an API key: add it in Foreign Desk’s options.`);
}
