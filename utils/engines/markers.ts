/**
 * Segments carry inline markup as `<tag data-m="n">…</tag>` and `<br data-m="n">` (see
 * utils/page/markup). HTML engines translate that form directly; text-only engines get numbered
 * placeholders instead and their reply is mapped back to the same tags. This runs in the
 * background service worker, which has no DOMParser: the segment grammar is small and regular.
 */

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+data-m="\d+")?)\s*\/?>/gi;
const VOID = new Set(['br']);

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
    const n = Number(/\d+/.exec(attr)?.[0] ?? NaN);
    if (slash) {
      const opened = stack.pop();
      if (opened !== undefined) text += close(opened);
    } else if (Number.isInteger(n)) {
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
    const n = /\d+/.exec(match[3] ?? '')?.[0];
    if (!match[1] && n !== undefined) found.push(`${(match[2] ?? '').toLowerCase()}:${n}`);
  }
  return found.sort();
}

/**
 * Whether a translation kept exactly the source's markers: none lost, duplicated or invented.
 * A reply that fails this is not cached (the content script retries, then shows plain text).
 */
export function markersIntact(source: string, translation: string): boolean {
  const a = markerList(source);
  const b = markerList(translation);
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** The text of a segment without markup, for language detection. */
export function plainText(html: string): string {
  return decodeEntities(html.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}
