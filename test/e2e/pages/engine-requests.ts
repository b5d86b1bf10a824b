import type { Apy, ApyRequest } from '../harness/index.ts';

/** The `/translate` requests the counting proxy saw, in order. */
export function translateRequests(apy: Apy): ApyRequest[] {
  return apy.requests.filter((r) => r.path === '/translate');
}

/** The text a request asked to translate, without our markup and entities. */
export function requestedText(request: ApyRequest | undefined): string {
  return (request?.params.q ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
