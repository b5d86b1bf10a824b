import { markerNumber } from '../engines/markers';

/**
 * Inline markup through an engine. A block's content goes out as HTML whose inline elements carry
 * only a number (`<a data-m="0">`), and comes back rebuilt from the *original* elements by that
 * number: hrefs, classes and listeners' targets never come from the engine.
 */

/** Inline elements that keep their place in a translation; others pass on their text only. */
const KEPT_INLINE_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
];
const KEPT_INLINE = new Set(KEPT_INLINE_TAGS);
/** Never sent: not text a reader reads as part of the sentence. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'object',
  'button',
  'input',
  'select',
  'textarea',
  'canvas',
  // Ruby readings, printed small above the characters they spell out ("子<rt>こ</rt>ども").
  'rt',
  'rp',
]);
/**
 * Dropped with all they hold when a reply carries them, as the sanitiser's FORBID_CONTENTS did
 * (SVG and MathML go whole by their namespace): their text is no part of the sentence. Other
 * elements the reply invents are unwrapped, keeping their text.
 */
const DROPPED_WITH_CONTENT = new Set([
  'audio',
  'colgroup',
  'head',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'style',
  'template',
  'thead',
  'title',
  'video',
  'xmp',
]);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const MARKER = 'data-m';
/** Inline elements nest a few levels in real text; a reply nested deeper is no translation. */
const MAX_REPLY_DEPTH = 64;
/** Every `data-m` value as written in a reply (the sanitiser trims them, so read them before). */
const RAW_MARKER_VALUES = /\bdata-m\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))/gi;
/** The background drops replies over ten times their source; this bounds what a page parses. */
const MAX_REPLY_CHARS = 200_000;
/**
 * Line-breaking hints inside words (soft hyphen "Mit&shy;tel&shy;al&shy;ter", zero-width space,
 * word joiner, byte-order mark): engines read a word so broken as two unknown ones.
 */
const INVISIBLE_RE = /[\u00ad\u200b\u2060\ufeff]/g;
/** Our own nodes inside a block (the translation shown under it) are not part of its text. */
export const TRANSLATION_CLASS = 'foreign-desk-translation';

export interface EncodedBlock {
  html: string;
  /** Original inline elements, indexed by marker number. */
  refs: Element[];
  /** The block's text alone, for the plain-text fallback. */
  text: string;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`,
  );
}

function isSkipped(el: Element): boolean {
  return (
    SKIPPED.has(el.localName) ||
    el.classList.contains(TRANSLATION_CLASS) ||
    el.getAttribute('translate') === 'no' ||
    el.classList.contains('notranslate') ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

export function encodeBlock(block: Element): EncodedBlock {
  const refs: Element[] = [];
  let text = '';
  const walk = (node: Node): string => {
    let html = '';
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const value = (child.nodeValue ?? '').replace(INVISIBLE_RE, '').replace(/\s+/g, ' ');
        html += escapeHtml(value);
        text += value;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (isSkipped(el)) continue;
        if (!KEPT_INLINE.has(el.localName)) {
          html += walk(el);
          continue;
        }
        const n = refs.push(el) - 1;
        if (el.localName === 'br') {
          html += `<br ${MARKER}="${n}">`;
          text += '\n';
        } else {
          html += `<${el.localName} ${MARKER}="${n}">${walk(el)}</${el.localName}>`;
        }
      }
    }
    return html;
  };
  const html = walk(block).trim();
  return { html, refs, text: text.replace(/[ \t]+/g, ' ').trim() };
}

/**
 * An engine's HTML reply parsed in a document of its own, which has no window: nothing in it runs
 * or loads. What it holds is only ever read, never inserted.
 */
export function parseInert(html: string, doc: Document): HTMLElement | null {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  return new Parser().parseFromString(`<body>${html}`, 'text/html').body;
}

/**
 * The translated content rebuilt on the original inline elements, or `null` when the reply is
 * broken: a marker lost, duplicated or invented, no text for a block that has some, too long or
 * too deeply nested, or not a fragment of inline HTML (a `<frameset>` reply). Only text and
 * copies of the page's own elements reach the page, so nothing of the reply's markup can run. The
 * page then shows the reply's text alone (the pipeline has already retried); nothing here throws.
 */
export function decodeTranslation(
  html: string,
  refs: Element[],
  doc: Document,
): DocumentFragment | null {
  if (html.length > MAX_REPLY_CHARS) return null;
  for (const [, double, single, bare] of html.matchAll(RAW_MARKER_VALUES)) {
    if (markerNumber(double ?? single ?? bare) === undefined) return null;
  }
  const used = new Set<number>();
  /** Copies `from` into `into` on the original elements; false at the first broken marker. */
  const rebuild = (from: Node, into: Node, depth: number): boolean => {
    if (depth > MAX_REPLY_DEPTH) return false;
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === 3) {
        into.appendChild(doc.createTextNode(child.nodeValue ?? ''));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el.namespaceURI !== HTML_NAMESPACE || DROPPED_WITH_CONTENT.has(el.localName)) continue;
      if (!KEPT_INLINE.has(el.localName)) {
        // An element the engine invented: its text stays, in its place.
        if (!rebuild(el, into, depth + 1)) return false;
        continue;
      }
      const n = markerNumber(el.getAttribute(MARKER));
      const original = n === undefined ? undefined : refs[n];
      if (n === undefined || !original || used.has(n)) return false;
      if (original.localName !== el.localName) return false;
      used.add(n);
      const copy = original.cloneNode(false) as Element;
      copy.removeAttribute('id');
      if (!rebuild(el, copy, depth + 1)) return false;
      into.appendChild(copy);
    }
    return true;
  };
  const out = doc.createDocumentFragment();
  // A reply that is a whole document (`<frameset>`) has no body to read.
  const parsed = parseInert(html, doc);
  if (parsed?.localName !== 'body' || !rebuild(parsed, out, 0)) return null;
  if (used.size !== refs.length) return null;
  // What the sanitiser dropped may have been all the text: no translation, never an empty block.
  return out.textContent?.trim() ? out : null;
}
