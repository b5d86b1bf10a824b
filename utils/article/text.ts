/** Text helpers shared by the detection passes. */
import { pauseDue, runToEnd, type Steps } from './steps';
import { UNREAD_TAGS } from './tags';

/** Scripts written without spaces carry about three Latin letters of meaning per character. */
const NO_SPACE_SCRIPT_WEIGHT = 3;
const NO_SPACE_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
/**
 * Blocks holding every character of those scripts (and more: any astral one, CJK punctuation):
 * plain ranges scan a paragraph of European text many times faster than the script classes.
 */
const MAYBE_NO_SPACE_RE =
  /[\u0e00-\u0e7f\u1100-\u11ff\u2e80-\ua97f\uac00-\udfff\uf900-\ufaff\uff66-\uffdc]/;

/** Whitespace `collapse` replaces, but for the plain space (which it replaces when doubled). */
const SPECIAL_SPACE_RE =
  /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  // Most text nodes of a page's prose need no replacing, only trimming: a scan, no new string.
  if (!SPECIAL_SPACE_RE.test(text) && !text.includes('  ')) return text.trim();
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

const UNREAD_SELECTOR = [...UNREAD_TAGS].join(', ').toLowerCase();

/** An element's text as it reads on the page: "子ども", not "子こども" with its ruby reading. */
export function shownText(el: Element): string {
  // Most elements hold none of these: the native textContent is then the same, and faster.
  if (!el.querySelector(UNREAD_SELECTOR)) return el.textContent ?? '';
  let text = '';
  // A walk with its own stack: a page may nest elements deeper than the call stack goes.
  const stack: Node[] = [];
  for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) text += node.nodeValue;
    else if (node.nodeType === 1 && !UNREAD_TAGS.has((node as Element).tagName.toUpperCase()))
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return text;
}

/** Length in Latin-letter equivalents, so thresholds hold for Chinese, Japanese, Korean and Thai. */
export function weightedLength(text: string): number {
  if (!MAYBE_NO_SPACE_RE.test(text)) return text.length;
  const dense = text.match(NO_SPACE_RE)?.length ?? 0;
  return text.length + dense * (NO_SPACE_SCRIPT_WEIGHT - 1);
}

/**
 * Lower-case word tokens of an element's class and id, split at `-`, `_`, spaces and camelCase
 * ("c-articleBody__related" -> c, article, body, related), so patterns match whole words.
 */
export function nameTokens(el: Element): string[] {
  let tokens = tokenCache.get(el);
  if (tokens) return tokens;
  // Taxonomy and state classes ("tag-social", "category-comments", "comments-enabled") and BEM
  // modifiers ("TestReport__Section--Ads") describe a variant, not what the part of the page is.
  // A custom element's name says what it is as a class would ("pp-navigation", "site-footer").
  const custom = el.tagName.includes('-') ? el.tagName.toLowerCase() : '';
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${custom}`
    .replace(STATE_CLASS_RE, ' ')
    .replace(CAMEL_STATE_CLASS_RE, ' ')
    .replace(SIDEBAR_LAYOUT_RE, ' ')
    .replace(/--[\w-]+/g, ' ');
  tokens =
    raw.length < 3
      ? NO_TOKENS
      : raw
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()
          .split(/[^a-z0-9]+/)
          .filter(Boolean);
  tokenCache.set(el, tokens);
  return tokens;
}
const NO_TOKENS: string[] = [];
/**
 * "author-admin" files a post under its writer as "tag-…" does under a topic, but "author-bio",
 * "author-box" or "author-profile" name the writer's box: those stay words.
 */
const STATE_CLASS_RE =
  /(?:^|\s)(?:(?:tag|tags|category|categories|topic|section|has|is|with|no|postid|format|single|template|author(?![-_](?:bio|box|info|information|description|profile|card|details|about)(?:\s|$)))[-_][^\s]*|[^\s]*[-_](?:enabled|disabled|active|open|closed|template))(?=\s|$)/gi;
/**
 * A page layout that has a sidebar ("sidebar-grid__header", "content-with-sidebar"), whose
 * parts are the main column as much as the sidebar: the name says nothing of what they hold.
 */
const SIDEBAR_LAYOUT_RE = /(?:with|has)[-_]sidebar|sidebar[-_](?:grid|layout)/gi;
/** The same in camelCase ("articleHeader hasCaption"): case tells "isSticky" from "island". */
const CAMEL_STATE_CLASS_RE = /(?:^|\s)(?:has|is|with|no)[A-Z][^\s]*(?=\s|$)/g;
/** Every pass asks about the same elements; tokenising once per element keeps detection fast. */
const tokenCache = new WeakMap<Element, string[]>();

/** All elements under `root` in document order, with their positions for order comparisons. */
export interface ElementIndex {
  all: Element[];
  position: Map<Element, number>;
}

export function indexElements(root: Element | null): ElementIndex {
  return runToEnd(indexSteps(root));
}

export function* indexSteps(root: Element | null): Steps<ElementIndex> {
  const all = yield* descendantSteps(root);
  const position = new Map<Element, number>();
  for (let i = 0; i < all.length; i++) {
    if (pauseDue()) yield;
    position.set(all[i]!, i);
  }
  return { all, position };
}

export function descendants(root: Element | null): Element[] {
  return runToEnd(descendantSteps(root));
}

/**
 * Elements under `root` in document order. A plain walk: iterating a live `getElementsByTagName`
 * collection or `querySelectorAll` with attribute selectors is many times slower in jsdom. It
 * follows sibling and parent links, without recursion: a page may nest elements deeper than the
 * call stack goes.
 */
export function* descendantSteps(root: Element | null): Steps<Element[]> {
  const out: Element[] = [];
  let el = root?.firstElementChild ?? null;
  while (el) {
    if (pauseDue()) yield;
    out.push(el);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return out;
}

/** Loose comparison key: case, punctuation and spacing ignored. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/** HTML entities left in JSON-LD strings (script text is not entity-decoded by the parser). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== '#') return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
    const n =
      code[1] === 'x' || code[1] === 'X'
        ? parseInt(code.slice(2), 16)
        : parseInt(code.slice(1), 10);
    return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
  });
}

/**
 * Whether the element's shown text is longer than `limit`, reading no more of it than needed. A
 * picture's JSON-LD or lazy-load script is not text the reader sees.
 */
export function textLongerThan(el: Element, limit: number): boolean {
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      length += node.nodeValue!.trim().length;
      if (length > limit) return true;
    } else if (
      node !== el &&
      node.nodeType === 1 &&
      UNREAD_TAGS.has((node as Element).tagName.toUpperCase())
    )
      continue;
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return false;
}
