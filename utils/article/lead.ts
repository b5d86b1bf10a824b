/**
 * The lead (standfirst, teaser, chapô, dek): the short summary set between the headline and the
 * body. In order of trust:
 * 1. an element the page names as the lead, between the headline and the body's second block
 *    (with its siblings of the same name: a lead of several paragraphs);
 * 2. a text block in that stretch, outside the body's blocks, that agrees with a description the
 *    page declares (meta description, og:description, JSON-LD): publishers copy the standfirst
 *    into those;
 * 3. a sentence-long heading between the headline and the first paragraph (a deck);
 * 4. an element with a weaker summary name;
 * 5. a body block that agrees with a declared description;
 * 6. a first paragraph set all in bold (the print convention for the lead), or in a style of its
 *    own;
 * 7. else the declared description itself, unless it is a photo caption or the site's slogan.
 * Photo captions are never the lead, whatever their class says ("mediaSubtitle").
 */
import type { ArticleBlock } from './types';
import { BY_WORD } from './byline';
import type { BoilerplateTest } from './clean';
import {
  collapse,
  decodeEntities,
  nameTokens,
  normalizeKey,
  shownText,
  textLongerThan,
  type ElementIndex,
} from './text';
import {
  BLOCK_LEVEL_TAGS,
  FORMATTING_TAGS,
  HEADING_SELECTOR,
  SUBHEADING_TAGS,
  UNREAD_TAGS,
} from './tags';

/** Class/id words publishers use for the lead, in a dozen languages' newsrooms. */
const LEAD_TOKENS = new Set([
  'lead',
  'lede',
  'intro',
  'introduction',
  'standfirst',
  'dek',
  'deck',
  'subtitle',
  'subheadline',
  'teaser',
  'abstract',
  'sapo',
  'chapo',
  'chapeau',
  'entradilla',
  'perex',
  'ingress',
  'ingres',
  'strapline',
  'vorspann',
  'einleitung',
  'subhead',
]);
/** Words that may also name a summary box or a meta description: used when no lead word is. */
const WEAK_LEAD_TOKENS = new Set(['summary', 'summ', 'excerpt', 'description']);
/** Class/id words of a photo's box: text in it is the photo's caption or credit, not the lead. */
const PICTURE_TOKENS = new Set([
  'caption',
  'figcaption',
  'legend',
  'credit',
  'credits',
  'copyright',
  'media',
  'image',
  'img',
  'photo',
  'picture',
  'figure',
  'gallery',
  'slideshow',
  'bildunterschrift',
]);
/** Class/id words of a photo caption (a narrower set than a photo's box). */
const CAPTION_TOKENS = new Set(['caption', 'figcaption', 'legend', 'bildunterschrift']);
/** A caption is the description itself when it is at least this long relative to it. */
const CAPTION_SAME_LENGTH = 0.7;
/** Words of the body compared with a description (enough for any lead, bounded for speed). */
const MAX_ARTICLE_WORDS = 3000;
/** Class/id words of the author line some sites set inside the lead ("… Von Eva Muster"). */
const BYLINE_TOKENS = new Set(['author', 'authors', 'byline', 'autor', 'auteur', 'autore']);
/** "Von Eva Muster", "By Jane Doe", "Par …": "by" in a few languages and up to four names. */
const BYLINE = String.raw`${BY_WORD}\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\.?$`;
/** An author line set in the lead's last words ("… <i>Von Eva Muster</i>", "<em>By Jane Doe</em>"). */
const BYLINE_RE = new RegExp(`^${BYLINE}`, 'u');
/** The same author line at the end of a description, after its last sentence. */
const TRAILING_BYLINE_RE = new RegExp(`(?<=[.!?…"“”»])\\s+${BYLINE}`, 'u');
const isByline = (text: string) => BYLINE_RE.test(text);
/** A lead is a sentence or a few; shorter is a label, longer is the body. */
const MIN_LEAD_LENGTH = 30;
const MAX_LEAD_LENGTH = 1500;
/** How far past the headline (in elements, document order) the lead may start. */
const MAX_LEAD_DISTANCE = 400;
/**
 * A text "agrees" with a description when most of the first words of the shorter one appear among
 * the first words of the other: descriptions are cut short, reworded at the end, or lack the
 * dateline ("Berlin. ") that opens the visible lead.
 */
const AGREE_WORDS = 12;
const AGREE_SHARE = 0.75;
/** Fewer words than this say too little to agree on (a kicker, a label). */
const MIN_AGREE_WORDS = 5;
/** A caption's box holds the caption and little else (a credit line): this many characters more. */
const PICTURE_BOX_SLACK = 80;
/** A text at most this many times the headline's length that agrees with it repeats it. */
const HEADLINE_REPEAT = 2;
/** A bold first paragraph is the lead when at least this share of its text is bold. */
const BOLD_SHARE = 0.9;
/** ...and the body goes on after it for at least this many blocks (else it is just emphasis). */
const MIN_BLOCKS_AFTER_BOLD = 2;
/** Paragraphs after the first compared for a common style. */
const STYLE_SAMPLE = 3;
/** Prose ends a sentence; datelines, bylines and labels do not. */
const SENTENCE_END_RE = /[.!?…"'“”»«。！？]$/u;
const DROP_CAP_RE = /drop-?cap|initial/i;
/** A text this much inside links is a link. */
const LINK_SHARE = 0.5;
/**
 * A description sharing less than this share of its words with the article text is the site's
 * slogan or a generic blurb, not this article's lead.
 */
const MIN_DESCRIPTION_OVERLAP = 0.3;

/** Tags a lead block may have. */
const LEAD_BLOCK_TAGS = new Set(['P', 'DIV', 'SPAN', ...SUBHEADING_TAGS, 'SECTION']);
const MEDIA_SELECTOR = 'img, picture, figure, video';
/** Scripts written without spaces: each character is a word for comparison. */
const NO_SPACE_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** 2 for an element named as the lead, 1 for a weaker name, 0 for anything else. */
function leadRank(el: Element): number {
  const prop = el.getAttribute('itemprop');
  const tokens = nameTokens(el);
  if (tokens.some((t) => LEAD_TOKENS.has(t))) return 2;
  if (prop === 'description' || prop === 'abstract') return el.tagName === 'META' ? 0 : 1;
  return tokens.some((t) => WEAK_LEAD_TOKENS.has(t)) ? 1 : 0;
}

function insideBoilerplate(el: Element, isBoilerplate: BoilerplateTest): boolean {
  for (let a: Element | null = el; a && a.tagName !== 'BODY'; a = a.parentElement) {
    if (a.tagName === 'A' || (isBoilerplate(a) && a.tagName !== 'HEADER')) return true;
  }
  return false;
}

/**
 * A photo's caption: the element, or an ancestor that holds little more than its text (the
 * caption's own box), is a figure, holds a picture, or is named for one.
 */
function isPictureText(el: Element, length: number): boolean {
  if (el.querySelector(MEDIA_SELECTOR)) return true;
  const limit = length + PICTURE_BOX_SLACK;
  for (let a: Element | null = el; a && a.tagName !== 'BODY'; a = a.parentElement) {
    // A box holding a headline (or much more text) is a section of the page, not a caption's.
    if (a !== el && (textLongerThan(a, limit) || a.querySelector(HEADING_SELECTOR))) break;
    if (a.tagName === 'FIGURE' || a.tagName === 'FIGCAPTION') return true;
    if (nameTokens(a).some((t) => PICTURE_TOKENS.has(t))) return true;
    if (a !== el && a.querySelector(MEDIA_SELECTOR)) return true;
  }
  return false;
}

function isLeafBlock(el: Element): boolean {
  if (!LEAD_BLOCK_TAGS.has(el.tagName)) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (BLOCK_LEVEL_TAGS.has(c.tagName)) return false;
  }
  return true;
}

/** Comparison words: letter/digit runs, lower-cased; each character in scripts without spaces. */
function words(text: string, max: number): string[] {
  const out: string[] = [];
  for (const w of normalizeKey(text).match(WORD_RE) ?? []) {
    if (NO_SPACE_RE.test(w)) out.push(...w);
    else out.push(w);
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

export function agrees(text: string, description: string): boolean {
  const a = words(text, AGREE_WORDS * 2 + 4);
  const b = words(description, AGREE_WORDS * 2 + 4);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_AGREE_WORDS) return false;
  const head = short.slice(0, AGREE_WORDS);
  const pool = new Set(long.slice(0, head.length * 2 + 4));
  return head.filter((w) => pool.has(w)).length >= head.length * AGREE_SHARE;
}

/** The element's text without an author line set inside it. */
function leadText(el: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += c.nodeValue;
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (UNREAD_TAGS.has(e.tagName.toUpperCase()) || e.tagName === 'BUTTON') continue;
        if (nameTokens(e).some((t) => BYLINE_TOKENS.has(t))) continue;
        if (FORMATTING_TAGS.has(e.tagName) && isByline(collapse(e.textContent))) continue;
        walk(e);
        if (BLOCK_LEVEL_TAGS.has(e.tagName) || e.tagName === 'BR') text += ' ';
      }
    }
  };
  walk(el);
  return collapse(text);
}

function boldShare(el: Element, length: number): number {
  let bold = 0;
  for (const b of Array.from(el.querySelectorAll('b, strong'))) {
    // Bold inside bold counts once; bold around the whole element is outside it.
    const outer = b.parentElement?.closest('b, strong');
    if (!outer || !el.contains(outer)) {
      bold += collapse(b.textContent).length;
    }
  }
  return length ? bold / length : 0;
}

export interface LeadResult {
  lead: string;
  blocks: ArticleBlock[];
}

interface Found {
  elements: Element[];
  text: string;
}

/**
 * Marks or adds the lead in `blocks` (returned anew). `titleElement` anchors the search; the lead
 * must come after it and before the body's second block. `descriptions` are the page's declared
 * summaries (structured data, meta tags), most trusted first.
 */
export function findLead(
  index: ElementIndex,
  blocks: ArticleBlock[],
  titleElement: Element | null,
  descriptions: readonly (string | null | undefined)[],
  isBoilerplate: BoilerplateTest,
): LeadResult {
  const declared = [
    ...new Set(
      descriptions
        .map((d) => collapse(decodeEntities(d ?? '')).replace(TRAILING_BYLINE_RE, ''))
        .filter(Boolean),
    ),
  ];
  const found = searchLead(index, blocks, titleElement, declared, isBoilerplate);
  if (found) return { lead: found.text, blocks: markLead(blocks, found.elements, found.text) };

  // A description that is a photo's caption (some sites declare the lead image's) is not the lead.
  const captions = index.all
    .filter(
      (el) =>
        (el.tagName === 'FIGCAPTION' || nameTokens(el).some((t) => CAPTION_TOKENS.has(t))) &&
        !el.querySelector(HEADING_SELECTOR),
    )
    .map((el) => collapse(el.textContent))
    .filter((t) => t.length <= MAX_LEAD_LENGTH);
  const isCaption = (d: string) =>
    captions.some((c) => c.length >= d.length * CAPTION_SAME_LENGTH && agrees(c, d));
  const articleWords = new Set(words(blocks.map((b) => b.text).join(' '), MAX_ARTICLE_WORDS));
  const aboutArticle = (d: string) => {
    const w = words(d, AGREE_WORDS * 4);
    return w.filter((x) => articleWords.has(x)).length >= w.length * MIN_DESCRIPTION_OVERLAP;
  };
  const first = blocks[0];
  for (const description of declared) {
    if (!aboutArticle(description) || isCaption(description)) continue;
    if (first && agrees(first.text, description)) {
      return { lead: first.text, blocks: [{ ...first, kind: 'lead' }, ...blocks.slice(1)] };
    }
    return { lead: description, blocks };
  }
  return { lead: '', blocks };
}

function searchLead(
  index: ElementIndex,
  blocks: ArticleBlock[],
  titleElement: Element | null,
  declared: string[],
  isBoilerplate: BoilerplateTest,
): Found | null {
  const anchor = titleElement ?? blocks[0]?.element ?? null;
  if (!anchor) return null;
  const { all, position } = index;
  const start = (position.get(anchor) ?? all.length) + 1;
  const end = Math.min(all.length, start + MAX_LEAD_DISTANCE);
  const limit = blocks[1]?.element ?? null;
  const limitAt = limit ? (position.get(limit) ?? all.length) : all.length;
  const firstBlock = blocks[0]?.element ?? null;
  const firstAt = firstBlock ? (position.get(firstBlock) ?? all.length) : all.length;
  const headline = titleElement ? collapse(shownText(titleElement)) : '';
  const inBody = (el: Element) => blocks.some((b) => b.element === el || b.element.contains(el));
  let standfirst: Element | null = null; // agrees with a description, outside the body's blocks
  let agreeingBlock: Element | null = null; // agrees with a description, a body block
  let deck: Element | null = null;
  let weak: Element | null = null;
  let paragraphSeen = false;
  for (let i = start; i < end; i++) {
    const el = all[i]!;
    if (i > limitAt && !limit?.contains(el)) break;
    if (titleElement?.contains(el)) continue;
    const rank = leadRank(el);
    const leaf = isLeafBlock(el);
    const deckCandidate =
      !deck && !paragraphSeen && SUBHEADING_TAGS.has(el.tagName) && i <= firstAt;
    if (
      el === firstBlock ||
      (el.tagName === 'P' && collapse(el.textContent).length >= MIN_LEAD_LENGTH)
    )
      paragraphSeen = true;
    if (!rank && !leaf && !deckCandidate) continue;
    const text = leadText(el);
    if (text.length < MIN_LEAD_LENGTH || text.length > MAX_LEAD_LENGTH) continue;
    if (insideBoilerplate(el, isBoilerplate) || isPictureText(el, text.length)) continue;
    if (rank === 2) return withSiblings(el, text);
    // A short text repeating the headline (kicker and headline set again) is a headline.
    if (text.length <= headline.length * HEADLINE_REPEAT && agrees(text, headline)) continue;
    if (leaf && !(standfirst && agreeingBlock) && declared.some((d) => agrees(text, d))) {
      if (inBody(el)) agreeingBlock ??= el;
      else standfirst ??= el;
    }
    // A heading holding a link is a teaser, not a deck.
    if (deckCandidate && !el.querySelector('a')) deck = el;
    if (rank === 1) weak ??= el;
  }
  const pick = standfirst ?? deck ?? weak ?? agreeingBlock;
  if (pick) return { elements: [pick], text: leadText(pick) };
  const first = blocks[0];
  if (first && blocks.length > MIN_BLOCKS_AFTER_BOLD && first.text.length >= MIN_LEAD_LENGTH) {
    if (boldShare(first.element, first.text.length) >= BOLD_SHARE || isStyledApart(blocks))
      return { elements: [first.element], text: first.text };
  }
  return null;
}

/** The element's tag and class: paragraphs set in one style share it. */
const styleOf = (el: Element) => `${el.tagName} ${el.getAttribute('class') ?? ''}`;

/**
 * A first paragraph set in a style of its own, ahead of paragraphs that share another one, is
 * the standfirst (larger or heavier type), unless its style only marks a drop cap.
 */
function isStyledApart(blocks: ArticleBlock[]): boolean {
  const [first, ...rest] = blocks;
  if (!first || first.kind !== 'paragraph' || !SENTENCE_END_RE.test(first.text)) return false;
  if (DROP_CAP_RE.test(first.element.getAttribute('class') ?? '')) return false;
  const next = rest.slice(0, STYLE_SAMPLE).filter((b) => b.kind === 'paragraph');
  if (next.length < MIN_BLOCKS_AFTER_BOLD) return false;
  const style = styleOf(next[0]!.element);
  return style !== styleOf(first.element) && next.every((b) => styleOf(b.element) === style);
}

function linkShare(el: Element, length: number): number {
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += collapse(a.textContent).length;
  return length ? linked / length : 0;
}

/** A lead set as several paragraphs: the following siblings named the same way join it. */
function withSiblings(el: Element, text: string): Found {
  const elements = [el];
  const name = el.getAttribute('class');
  let all = text;
  for (let s = el.nextElementSibling; s && name; s = s.nextElementSibling) {
    if (s.tagName !== el.tagName || s.getAttribute('class') !== name) break;
    const more = leadText(s);
    if (!more) continue;
    // A sibling that is a link is a teaser of another article set in the lead's style.
    if (linkShare(s, more.length) >= LINK_SHARE) break;
    if (all.length + more.length > MAX_LEAD_LENGTH) break;
    elements.push(s);
    all = `${all} ${more}`;
  }
  return { elements, text: all };
}

/** The lead elements become the first blocks (or the blocks inside them become lead blocks). */
function markLead(blocks: ArticleBlock[], elements: Element[], text: string): ArticleBlock[] {
  const inside = blocks.filter((b) => elements.some((el) => el.contains(b.element)));
  if (inside.length)
    return blocks.map((b) => (inside.includes(b) ? { ...b, kind: 'lead' as const } : b));
  const holder = blocks.find((b) => elements.some((el) => b.element.contains(el)));
  if (holder) return blocks.map((b) => (b === holder ? { ...b, kind: 'lead' as const } : b));
  if (elements.length === 1) return [{ kind: 'lead', element: elements[0]!, text }, ...blocks];
  return [
    ...elements.map((element) => ({ kind: 'lead' as const, element, text: leadText(element) })),
    ...blocks,
  ];
}
