/**
 * Segments carry inline markup as `<tag data-m="n">…</tag>` and `<br data-m="n">` (see
 * utils/page/markup). HTML engines translate that form directly; text-only engines get numbered
 * placeholders instead and their reply is mapped back to the same tags. This runs in the
 * background service worker, which has no DOMParser: the segment grammar is small and regular.
 */

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+data-m="\d+")?)\s*\/?>/gi;
const VOID = new Set(['br']);
/** A marker number as we write it: canonical decimal, no sign, space or leading zero. */
const MARKER_NUMBER = /^(?:0|[1-9]\d{0,5})$/;

/**
 * The marker number a `data-m` value names, or undefined: `""`, `"0x0"`, `" 1 "`, `"01"` and a
 * missing attribute (null) are no markers, whatever `Number()` would make of them.
 */
export function markerNumber(value: string | null | undefined): number | undefined {
  return value != null && MARKER_NUMBER.test(value) ? Number(value) : undefined;
}

/**
 * A reply longer than this many times its source (plus a little for short ones) is no
 * translation: no language pair multiplies a text's length by ten.
 */
const MAX_GROWTH = 10;
const MIN_ALLOWED_LENGTH = 200;

/** Placeholders a machine translator treats as opaque symbols and keeps in place. */
const open = (n: number) => `⟦${n}⟧`;
const close = (n: number) => `⟦/${n}⟧`;
const empty = (n: number) => `⟦${n}/⟧`;
const PLACEHOLDER = /⟦\s*(\/?)\s*(\d+)\s*(\/?)\s*⟧/g;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`);
}

export interface Placeheld {
  text: string;
  /** Tag name of each marker number, to rebuild the reply. */
  tags: Map<number, string>;
}

/** A segment as plain text with `⟦n⟧…⟦/n⟧` and `⟦n/⟧` where its inline tags were. */
export function toPlaceholders(html: string): Placeheld {
  const tags = new Map<number, string>();
  const stack: number[] = [];
  let text = '';
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    text += decodeEntities(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, slash, rawName = '', attr = ''] = match;
    const name = rawName.toLowerCase();
    const n = markerNumber(/"(.*)"/.exec(attr)?.[1]);
    if (slash) {
      const opened = stack.pop();
      if (opened !== undefined) text += close(opened);
    } else if (n !== undefined) {
      tags.set(n, name);
      if (VOID.has(name)) text += empty(n);
      else {
        text += open(n);
        stack.push(n);
      }
    }
  }
  text += decodeEntities(html.slice(last));
  return { text, tags };
}

/** The reply of a text-only engine as segment HTML; unknown placeholders are dropped. */
export function fromPlaceholders(text: string, tags: Map<number, string>): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    html += escapeText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, digits, selfClosing] = match;
    const n = Number(digits);
    const name = tags.get(n);
    if (!name) continue;
    if (VOID.has(name)) {
      if (!closing) html += `<${name} data-m="${n}">`;
    } else if (!selfClosing) {
      html += closing ? `</${name}>` : `<${name} data-m="${n}">`;
    }
  }
  return html + escapeText(text.slice(last));
}

/** The markers a segment carries, as sorted `tag:n` entries. */
function markerList(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const n = markerNumber(/"(.*)"/.exec(match[3] ?? '')?.[1]);
    if (!match[1] && n !== undefined) found.push(`${(match[2] ?? '').toLowerCase()}:${n}`);
  }
  return found.sort();
}

/**
 * Whether a translation kept exactly the source's markers: none lost, duplicated or invented.
 * A reply that fails this is not cached (the pipeline asks again alone, then for plain text).
 */
export function markersIntact(source: string, translation: string): boolean {
  const a = markerList(source);
  const b = markerList(translation);
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/**
 * Whether a reply can stand as the translation of `source`: the same markers, some text where
 * the source has text, and no more than a translation's length. Only such replies are cached;
 * others are retried alone, and an empty one fails the request (the page offers Retry).
 */
export function usableReply(source: string, reply: string): boolean {
  if (reply.length > Math.max(MIN_ALLOWED_LENGTH, source.length * MAX_GROWTH)) return false;
  if (emptyReply(source, reply)) return false;
  return markersIntact(source, reply);
}

/**
 * Whether to keep a usable reply in the cache. One identical to its source may be right (a name,
 * a number) but as likely comes from an engine that did nothing; asking again costs little.
 */
export function cacheableReply(source: string, reply: string): boolean {
  return reply !== source && usableReply(source, reply);
}

/** A reply with no text for a source that has some: the engine failed, whatever its status. */
export function emptyReply(source: string, reply: string): boolean {
  return plainText(source) !== '' && plainText(reply) === '';
}

/** The text of a segment without markup, for language detection. */
export function plainText(html: string): string {
  return decodeEntities(html.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}
