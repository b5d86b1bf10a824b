/**
 * The article body: a content-scoring pass in the manner of Mozilla Readability, done in one walk
 * over the page without changing it. Text blocks (paragraphs, list items, quotes, subheadings, and
 * containers holding only inline text) give points to their ancestors; the best-scoring container,
 * with the siblings that look like more of the same article, holds the body; its blocks, less
 * link lists and boilerplate, are the body in reading order.
 */
import type { ArticleBlock, BlockKind } from './types';
import { isBoilerplate, isWeakBoilerplate } from './clean';
import { collapse, nameTokens, weightedLength } from './text';

/** Elements that are one block of text when they hold no other block (H1, the headline, is read apart). */
const BLOCK_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'DT',
  'DD',
  'ADDRESS',
]);
/** Layout elements that become a block when everything in them is inline text (`<div>text<br>text</div>`). */
const TEXT_CONTAINER_TAGS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'TD',
  'TH',
  'CENTER',
  'FONT',
  'HEADER',
]);
const HEADING_RE = /^H[2-6]$/;

/** A block shorter than this (Latin-letter equivalents) scores nothing: captions, labels, buttons. */
const MIN_SCORING_LENGTH = 25;
/** Score per 100 characters of a block, up to this many points (Readability's rule). */
const MAX_LENGTH_POINTS = 3;
/** How many ancestor levels a block's score reaches; beyond the grandparent it fades as 1/(3·level). */
const SCORE_LEVELS = 5;
/** Bonus for containers whose class or id says "article body", penalty for "boilerplate-ish". */
const CLASS_WEIGHT = 25;
const POSITIVE_TOKENS = new Set([
  'article',
  'body',
  'content',
  'entry',
  'main',
  'post',
  'story',
  'text',
  'blog',
  'page',
  'articlebody',
  'storybody',
]);
const NEGATIVE_TOKENS = new Set([
  'teaser',
  'more',
  'list',
  'card',
  'header',
  'masthead',
  'hero',
  'links',
  'widget',
  'box',
  'latest',
  'popular',
  'trending',
  'most',
]);
/** `itemprop="articleBody"` is the publisher saying where the body is. */
const ARTICLE_BODY_BONUS = 60;
/** Siblings of the top container join it when they score this share of its score (Readability: 0.2). */
const SIBLING_SHARE = 0.2;
/** A sibling paragraph joins when it is this long with little link text. */
const SIBLING_PARAGRAPH_LENGTH = 80;
/** Blocks whose text is mostly link text are navigation or teasers. */
const MAX_BLOCK_LINK_DENSITY = 0.5;
/** Blocks this short without sentence punctuation are labels ("Advertisement", "Share"). */
const MIN_LABEL_LENGTH = 20;
const SENTENCE_END_RE = /[.!?。！？…:"'»”)\u061f\u0964]$/;

interface BlockInfo {
  element: Element;
  text: string;
  length: number;
  linkLength: number;
}

interface Walk {
  blocks: BlockInfo[];
  scores: Map<Element, number>;
  /** Text and link-text length of every element that holds blocks. */
  sizes: Map<Element, { length: number; linkLength: number }>;
}

/** The block's visible text and how much of it is link text, skipping non-article subtrees. */
function readText(el: Element, inLink: boolean, acc: { text: string; linkLength: number }): void {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      acc.text += value;
      if (inLink) acc.linkLength += collapse(value).length;
    } else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.tagName === 'BR') acc.text += ' ';
      else if (!isBoilerplate(child)) readText(child, inLink || child.tagName === 'A', acc);
    }
  }
}

function walk(root: Element): Walk {
  const result: Walk = { blocks: [], scores: new Map(), sizes: new Map() };
  const visit = (el: Element): boolean => {
    let holdsBlock = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (!isBoilerplate(child) && visit(child)) holdsBlock = true;
    }
    if (holdsBlock) return true;
    const tag = el.tagName.toUpperCase();
    if (!BLOCK_TAGS.has(tag) && !TEXT_CONTAINER_TAGS.has(tag)) return false;
    const acc = { text: '', linkLength: 0 };
    readText(el, el.tagName === 'A', acc);
    const text = collapse(acc.text);
    if (!text) return false;
    result.blocks.push({
      element: el,
      text,
      length: weightedLength(text),
      linkLength: acc.linkLength,
    });
    return true;
  };
  visit(root);
  for (const block of result.blocks) {
    for (
      let el = block.element.parentElement, level = 0;
      el && el !== root.parentElement;
      el = el.parentElement, level++
    ) {
      const size = result.sizes.get(el) ?? { length: 0, linkLength: 0 };
      size.length += block.length;
      size.linkLength += block.linkLength;
      result.sizes.set(el, size);
    }
    score(block, result.scores);
  }
  return result;
}

function linkDensity(block: { length: number; linkLength: number }): number {
  return block.length ? Math.min(1, block.linkLength / block.length) : 0;
}

function score(block: BlockInfo, scores: Map<Element, number>): void {
  if (block.length < MIN_SCORING_LENGTH || linkDensity(block) > MAX_BLOCK_LINK_DENSITY) return;
  if (/^H[1-6]$/.test(block.element.tagName)) return;
  const commas = block.text.match(/[,،、，]/g)?.length ?? 0;
  const points = 1 + commas + Math.min(Math.floor(block.length / 100), MAX_LENGTH_POINTS);
  let el: Element | null = block.element.parentElement;
  for (let level = 0; el && level < SCORE_LEVELS; level++, el = el.parentElement) {
    const share = level === 0 ? 1 : level === 1 ? 0.5 : 1 / (level * 3);
    scores.set(el, (scores.get(el) ?? containerBase(el)) + points * share);
  }
}

function containerBase(el: Element): number {
  let base = 0;
  const tag = el.tagName.toUpperCase();
  if (tag === 'DIV' || tag === 'ARTICLE' || tag === 'SECTION') base += 5;
  else if (tag === 'PRE' || tag === 'TD' || tag === 'BLOCKQUOTE') base += 3;
  else if (tag === 'OL' || tag === 'UL' || tag === 'DL' || tag === 'LI' || tag === 'FORM')
    base -= 3;
  if (el.getAttribute('itemprop') === 'articleBody') base += ARTICLE_BODY_BONUS;
  if (isWeakBoilerplate(el)) base -= CLASS_WEIGHT;
  for (const token of nameTokens(el)) {
    if (POSITIVE_TOKENS.has(token)) base += CLASS_WEIGHT;
    if (NEGATIVE_TOKENS.has(token)) base -= CLASS_WEIGHT;
  }
  return base;
}

function finalScore(el: Element, w: Walk): number {
  const size = w.sizes.get(el);
  return (w.scores.get(el) ?? 0) * (1 - (size ? linkDensity(size) : 0));
}

/** The best container, moved up while its ancestors still score like it (Readability's walk up). */
function topContainer(w: Walk, root: Element): Element | null {
  let top: Element | null = null;
  let best = -Infinity;
  for (const el of w.scores.keys()) {
    const s = finalScore(el, w);
    if (s > best) [top, best] = [el, s];
  }
  if (!top) return null;
  let last = best;
  const threshold = best / 3;
  for (let parent = top.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (!w.scores.has(parent)) continue;
    const s = finalScore(parent, w);
    if (s < threshold) break;
    if (s > last) {
      top = parent;
      break;
    }
    last = s;
  }
  return top;
}

/** The top container and the siblings that continue the article around ads and embeds. */
function bodyRoots(top: Element, w: Walk): Element[] {
  const parent = top.parentElement;
  if (!parent) return [top];
  const topScore = finalScore(top, w);
  const threshold = Math.max(10, topScore * SIBLING_SHARE);
  const topClass = top.getAttribute('class');
  const roots: Element[] = [];
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    if (isBoilerplate(sib)) continue;
    let bonus = 0;
    if (topClass && sib.getAttribute('class') === topClass) bonus = topScore * SIBLING_SHARE;
    if (w.scores.has(sib) && finalScore(sib, w) + bonus >= threshold) roots.push(sib);
    else if (/^(P|BLOCKQUOTE|H[2-6]|UL|OL)$/.test(sib.tagName)) {
      const size = w.sizes.get(sib) ?? w.blocks.find((b) => b.element === sib);
      if (!size) continue;
      if (size.length >= SIBLING_PARAGRAPH_LENGTH && linkDensity(size) < 0.25) roots.push(sib);
      else if (HEADING_RE.test(sib.tagName) && linkDensity(size) === 0) roots.push(sib);
    }
  }
  return roots;
}

function inBlockquote(el: Element): boolean {
  for (let a = el.parentElement; a; a = a.parentElement)
    if (a.tagName === 'BLOCKQUOTE') return true;
  return false;
}

function kindOf(el: Element): BlockKind {
  const tag = el.tagName.toUpperCase();
  if (HEADING_RE.test(tag)) return 'subheading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'list-item';
  if (tag === 'BLOCKQUOTE' || inBlockquote(el)) return 'quote';
  return 'paragraph';
}

function keepBlock(block: BlockInfo): boolean {
  if (block.element.tagName === 'H1') return false;
  if (linkDensity(block) > MAX_BLOCK_LINK_DENSITY) return false;
  if (HEADING_RE.test(block.element.tagName)) return true;
  return block.length >= MIN_LABEL_LENGTH || SENTENCE_END_RE.test(block.text);
}

export interface BodyResult {
  blocks: ArticleBlock[];
  /** The element holding the whole body (the top container or its parent when siblings joined). */
  container: Element | null;
}

export function findBody(doc: Document): BodyResult {
  const root = doc.body;
  if (!root) return { blocks: [], container: null };
  const w = walk(root);
  const top = topContainer(w, root);
  if (!top) return { blocks: [], container: null };
  const roots = bodyRoots(top, w);
  const inBody = (el: Element) => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (roots.includes(a)) return true;
      if (isWeakBoilerplate(a)) return false;
    }
    return false;
  };
  const blocks = w.blocks
    .filter((b) => inBody(b.element) && keepBlock(b))
    .map((b) => ({ kind: kindOf(b.element), element: b.element, text: b.text }));
  return { blocks, container: roots.length > 1 ? (top.parentElement ?? top) : top };
}
