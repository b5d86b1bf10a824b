/**
 * The article body, found in one walk over the page without changing it. Text blocks
 * (paragraphs, list items, quotes, subheadings, and containers holding only inline text) are
 * weighed: sentence-like text counts for its container and all its ancestors, link text and
 * short labels count against them. The element with the largest balance holds the article: it
 * grows over sibling wrappers of the same article (their text adds up) and stops before teaser
 * lists, link menus and comment threads (they cost more than they bring). Its blocks, less link
 * lists and boilerplate, are the body in reading order.
 */
import type { ArticleBlock, BlockKind } from './types';
import {
  isBoilerplateLine,
  isCreditedCaption,
  isNotice,
  isWeakBoilerplate,
  type BoilerplateTest,
} from './clean';
import { HEADING_TAGS, INLINE_TEXT_TAGS, TEXT_BLOCK_TAGS } from './tags';
import { pauseDue, type Steps } from './steps';
import { collapse, nameTokens, weightedLength } from './text';

/** Layout elements that become a block when everything in them is inline text (`<div>text<br>text</div>`). */
const TEXT_CONTAINER_TAGS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'TD',
  'TH',
  'CENTER',
  'HEADER',
]);
/**
 * Loose text (Latin-letter equivalents) that makes a container holding blocks one block itself,
 * when it also outweighs those blocks: prose written between `<br>`s beside a few subheadings.
 */
const MIN_LOOSE_TEXT = 200;
/**
 * An inline element (Latin-letter equivalents) set among blocks that is a paragraph of its own
 * when it ends a sentence; shorter ones are captions, prompts ("Was this useful?") and datelines.
 */
const MIN_LOOSE_RUN = 100;

/** A block this long (Latin-letter equivalents) with little link text is article prose. */
const MIN_PROSE_LENGTH = 25;
/** Blocks whose text is more link text than this are navigation or teasers. */
const MAX_BLOCK_LINK_DENSITY = 0.5;
/** Own words (Latin-letter equivalents) that make a paragraph ending in a long link prose. */
const MIN_SENTENCE_OUTSIDE_LINK = 30;
/** Words that, beside "article", name the box holding its text. */
const ARTICLE_TEXT_TOKENS = new Set(['content', 'body', 'text']);
/** What a character of link text or of a short label costs against a character of prose. */
const LINK_COST = 1;
const LABEL_COST = 0.5;
/** Class names that say "article body" tip the balance a little; `itemprop=articleBody` more. */
const POSITIVE_FACTOR = 1.1;
const ARTICLE_BODY_FACTOR = 1.3;
const NEGATIVE_FACTOR = 0.8;
const POSITIVE_TOKENS = new Set([
  'article',
  'body',
  'content',
  'entry',
  'post',
  'story',
  'text',
  'articlebody',
  'storybody',
  'richtext',
]);
const NEGATIVE_TOKENS = new Set([
  'teaser',
  'more',
  'list',
  'card',
  'masthead',
  'hero',
  'links',
  'latest',
  'popular',
  'trending',
  'most',
  'comment',
]);
/** A teaser card: a linked headline this long, with at most this much text around it. */
const MIN_LINKED_HEADLINE = 15;
const MAX_CARD_LENGTH = 400;
/**
 * Cards that each open with a headline linking to another page and date their story (a
 * `<time>`), three or more side by side, are a list of teasers up to this length each: "More
 * from" lists carry long blurbs. A live blog's posts are dated too, but open with their time
 * or an unlinked heading, and carry "Read more" links further down.
 */
const MAX_DATED_CARD_LENGTH = 1200;
/**
 * Siblings that each open with a linked headline and end in a blurb cut short ("…") make a
 * list of teasers, however long the blurbs; one such paragraph alone is prose trailing off.
 */
const MIN_TRUNCATED_TEASERS = 3;
const TRUNCATED_RE = /(?:\.\.\.|…)$/;
/** Blocks this short without sentence punctuation are labels ("Advertisement", "Share"). */
const MIN_LABEL_LENGTH = 20;
/** Short paragraphs in a row that make a list rather than labels. */
const MIN_PARAGRAPH_LIST = 3;
const SENTENCE_END_RE = /[.!?。！？…:"'»”)\u061f\u0964]$/;
/**
 * A heading or line this long (Latin-letter equivalents) is a sentence, not a label ("More from",
 * "Das könnte Sie auch interessieren").
 */
const MIN_PROSE_HEADING = 80;
/** How a line of the story ends: a sentence, a quote, a bracket or an emoji closing a chatty one. */
const LINE_END_RE = /(?:[.!?。！？…:"'»”“’)\u061f\u0964]|\p{Extended_Pictographic})$/u;
/**
 * Prose (Latin-letter equivalents) of the body's own story after which another `<article>` in
 * the container is a different story: a related post, or the next story of an endless page.
 */
const MIN_OWN_STORY_LENGTH = 500;
/** Share of the body's text in credited captions past which the page is a photo gallery. */
const MIN_GALLERY_SHARE = 0.5;
/**
 * When the best-scoring element is the page's `<body>`, an element inside it holding this share
 * of the prose is the article: the rest is stray text around the page, not part of the story.
 */
const MIN_PAGE_SHARE = 0.75;
/**
 * A wrapper that weighs at most this share more than an element inside it adds only stray bits
 * (a teaser title, a promo line) that its labels and links nearly cancel: the inner one is the
 * article.
 */
const MAX_WRAPPER_GAIN = 0.01;
/** Text (Latin-letter equivalents) a site's dialog holds at most: past it, it is a section. */
const MAX_DIALOG_LENGTH = 1500;

interface BlockInfo {
  element: Element;
  text: string;
  length: number;
  linkLength: number;
  /** A container of loose text read as one block: it is also a candidate for the body. */
  merged?: boolean;
}

/** An element being read: its children in turn, then whether it holds a block. */
interface Visit {
  el: Element;
  linked: boolean;
  first: number;
  /** Text written straight into a container beside its blocks (`<div>text<br><br>text<h2>`). */
  loose: number;
  /**
   * Inline elements holding sentences among the blocks (`<div><strong>Lead.</strong><h2>`),
   * with the place in `blocks` where each falls.
   */
  runs: [number, BlockInfo][];
  holdsBlock: boolean;
  /** The next child to read. */
  next: ChildNode | null;
}

/** The block's visible text and how much of it is link text, skipping non-article subtrees. */
function readText(
  el: Element,
  inLink: boolean,
  acc: { text: string; linkLength: number },
  isBoilerplate: BoilerplateTest,
): void {
  // A walk with its own stack, in document order: a page may nest elements deeper than the call
  // stack goes.
  // Nodes and whether each is inside a link, side by side (no pair allocated per node).
  const stack: Node[] = [];
  const inLinks: boolean[] = [];
  const pushChildren = (parent: Node, linked: boolean) => {
    for (let c = parent.lastChild; c; c = c.previousSibling) {
      stack.push(c);
      inLinks.push(linked);
    }
  };
  pushChildren(el, inLink);
  while (stack.length) {
    const node = stack.pop()!;
    const linked = inLinks.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      acc.text += value;
      if (linked) acc.linkLength += weightedLength(collapse(value));
    } else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.tagName === 'BR') acc.text += ' ';
      else if (!isBoilerplate(child)) pushChildren(child, linked || child.tagName === 'A');
    }
  }
}

/** Every block under `root` in document order: the innermost elements that hold text. */
function* collectBlocks(root: Element, isBoilerplate: BoilerplateTest): Steps<BlockInfo[]> {
  const blocks: BlockInfo[] = [];
  // Text inside a link (a teaser card wrapped in <a>) is link text, however deep.
  const pushBlock = (el: Element, linked: boolean): boolean => {
    const acc = { text: '', linkLength: 0 };
    readText(el, linked, acc, isBoilerplate);
    const text = collapse(acc.text);
    if (!text) return false;
    blocks.push({ element: el, text, length: weightedLength(text), linkLength: acc.linkLength });
    return true;
  };
  const start = (el: Element, inLink: boolean): Visit => ({
    el,
    linked: inLink || el.tagName === 'A',
    first: blocks.length,
    loose: 0,
    runs: [],
    holdsBlock: false,
    next: el.firstChild,
  });
  /** A child element's visit is over: it held a block, or it may be a run of inline text. */
  const childDone = (v: Visit, child: Element, held: boolean) => {
    if (held) {
      v.holdsBlock = true;
      return;
    }
    if (!INLINE_TEXT_TAGS.has(child.tagName)) return;
    // Its shown text only: a <span> may hold the page's scripts.
    const acc = { text: '', linkLength: 0 };
    readText(child, v.linked || child.tagName === 'A', acc, isBoilerplate);
    const text = collapse(acc.text);
    const run = { element: child, text, length: weightedLength(text), linkLength: acc.linkLength };
    v.loose += run.length;
    if (run.length >= MIN_LOOSE_RUN && isProse(run) && SENTENCE_END_RE.test(text))
      v.runs.push([blocks.length, run]);
  };
  /** All children read: whether the element holds a block (pushing it if it is one). */
  const finish = (v: Visit): boolean => {
    const { el, linked, first } = v;
    if (v.holdsBlock) {
      // Text beside a form's fields is its fine print ("By signing up, you agree...").
      if (el.tagName === 'FORM') return true;
      let inBlocks = 0;
      for (let i = first; i < blocks.length; i++) inBlocks += blocks[i]!.length;
      if (v.loose < MIN_LOOSE_TEXT || v.loose <= inBlocks) {
        // Mostly blocks: a sentence set loose among them is one more.
        for (const [at, run] of v.runs.reverse()) blocks.splice(at, 0, run);
        return true;
      }
      // Mostly loose text: the container is one block, its few inner blocks part of it.
      blocks.length = first;
      if (pushBlock(el, linked)) blocks[blocks.length - 1]!.merged = true;
      return true;
    }
    const tag = el.tagName.toUpperCase();
    if (!TEXT_BLOCK_TAGS.has(tag) && !TEXT_CONTAINER_TAGS.has(tag)) return false;
    return pushBlock(el, linked);
  };
  // The elements being read, innermost last: a stack of our own, since a page may nest
  // elements deeper than the call stack goes.
  const visits: Visit[] = [start(root, false)];
  while (visits.length) {
    if (pauseDue()) yield;
    const v = visits[visits.length - 1]!;
    const node = v.next;
    if (!node) {
      visits.pop();
      const held = finish(v);
      const parent = visits[visits.length - 1];
      if (parent) childDone(parent, v.el, held);
      continue;
    }
    v.next = node.nextSibling;
    if (node.nodeType === 3) {
      v.loose += weightedLength(collapse(node.nodeValue));
    } else if (node.nodeType === 1 && !isBoilerplate(node as Element)) {
      visits.push(start(node as Element, v.linked));
    }
  }
  return blocks;
}

function linkDensity(block: BlockInfo): number {
  return block.length ? Math.min(1, block.linkLength / block.length) : 0;
}

function isProse(block: BlockInfo): boolean {
  return block.length >= MIN_PROSE_LENGTH && linkDensity(block) <= MAX_BLOCK_LINK_DENSITY;
}

/** What a block brings to the containers around it: prose counts for, links and labels against. */
function blockValue(block: BlockInfo): number {
  if (HEADING_TAGS.has(block.element.tagName)) return 0;
  if (isProse(block)) return block.length - block.linkLength * (1 + LINK_COST);
  return -(block.linkLength * LINK_COST + (block.length - block.linkLength) * LABEL_COST);
}

function classFactor(el: Element): number {
  if (el.getAttribute('itemprop') === 'articleBody') return ARTICLE_BODY_FACTOR;
  if (isWeakBoilerplate(el)) return NEGATIVE_FACTOR;
  const tokens = nameTokens(el);
  if (tokens.some((t) => NEGATIVE_TOKENS.has(t))) return NEGATIVE_FACTOR;
  return tokens.some((t) => POSITIVE_TOKENS.has(t)) ? POSITIVE_FACTOR : 1;
}

/** The story's own text box: "article__content", "article-body", itemprop=articleBody. */
function namesArticle(el: Element): boolean {
  if (el.getAttribute('itemprop') === 'articleBody') return true;
  const tokens = nameTokens(el);
  return tokens.includes('article') && tokens.some((t) => ARTICLE_TEXT_TOKENS.has(t));
}

/** The element whose blocks weigh most (class names tipping close calls). */
function* bestContainer(blocks: BlockInfo[], root: Element): Steps<Element | null> {
  const balance = new Map<Element, number>();
  for (const block of blocks) {
    if (pauseDue()) yield;
    const value = blockValue(block);
    if (!value) continue;
    // Prose in a sidebar or ad slot counts up to that slot only: past it, it is not this article.
    // Above an element named for the article ("article__content"), such a name is the page
    // grid's ("sidebar-grid__container" holding a part of the story beside its ad column).
    let weight = value;
    let inArticle = false;
    for (
      let el = block.merged ? block.element : block.element.parentElement;
      el && el !== root.parentElement;
      el = el.parentElement
    ) {
      balance.set(el, (balance.get(el) ?? 0) + weight);
      inArticle ||= namesArticle(el);
      if (weight > 0 && !inArticle && isWeakBoilerplate(el)) weight = 0;
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  let inner: Element | null = null;
  let innerScore = 0;
  for (const [el, value] of balance) {
    if (pauseDue()) yield;
    const score = value > 0 ? value * classFactor(el) : value;
    if (score > bestScore) [best, bestScore] = [el, score];
    if (el !== root && score > innerScore) [inner, innerScore] = [el, score];
  }
  // The whole page sums every stray paragraph (a cookie note, an "about us" blurb); the part of
  // it that holds nearly all of that prose is the article.
  const rootValue = balance.get(root) ?? 0;
  if (best === root && inner && (balance.get(inner) ?? 0) >= MIN_PAGE_SHARE * rootValue)
    best = inner;
  return best && (yield* innermost(best, balance));
}

/**
 * The deepest element inside `best` holding nearly all its weight (MAX_WRAPPER_GAIN). One weighing
 * more than `best` is not a part of it but a rival (a slider of obituaries beside the story, which
 * the wrapper's links cut down). An <article> is the page's own bound of the story, holding its
 * lead above the text box: it is kept whole.
 */
function* innermost(best: Element, balance: Map<Element, number>): Steps<Element> {
  const span = yield* subtreeSpans(balance);
  const holds = (outer: Element, el: Element) => {
    const [start, end] = span.get(outer)!;
    const at = span.get(el)![0];
    return at >= start && at < end;
  };
  for (;;) {
    if (best.tagName === 'ARTICLE') return best;
    const bestValue = balance.get(best) ?? 0;
    let next: Element | null = null;
    let nextValue = (1 - MAX_WRAPPER_GAIN) * bestValue;
    for (const [el, value] of balance) {
      if (pauseDue()) yield;
      if (value >= nextValue && value <= bestValue && el !== best && holds(best, el))
        [next, nextValue] = [el, value];
    }
    if (!next) return best;
    // The nearest <article> around it inside `best`, walking up to `best` only (`closest` walks
    // on to the root, on every step down).
    let article: Element | null = null;
    for (let el = next.parentElement; el && el !== best && !article; el = el.parentElement)
      if (el.matches('article')) article = el;
    best = article ?? next;
  }
}

/**
 * Each weighed element's place in a depth-first walk of the weighed elements and where its
 * subtree ends: `contains` in constant time. `balance` holds every ancestor of what it holds up
 * to the root, so they form one tree. Asking the DOM instead walks up from each element, and a
 * page nesting its story thousands of wrappers deep made that cubic.
 */
function* subtreeSpans(balance: Map<Element, number>): Steps<Map<Element, [number, number]>> {
  const children = new Map<Element | null, Element[]>();
  for (const el of balance.keys()) {
    if (pauseDue()) yield;
    const parent = el.parentElement && balance.has(el.parentElement) ? el.parentElement : null;
    const list = children.get(parent);
    if (list) list.push(el);
    else children.set(parent, [el]);
  }
  const span = new Map<Element, [number, number]>();
  let order = 0;
  // Our own stack: the tree can be deeper than the call stack goes.
  const stack: [Element, boolean][] = (children.get(null) ?? []).map((el) => [el, false]);
  while (stack.length) {
    if (pauseDue()) yield;
    const [el, done] = stack.pop()!;
    if (done) {
      span.get(el)![1] = order;
      continue;
    }
    span.set(el, [order++, 0]);
    stack.push([el, true]);
    for (const child of children.get(el) ?? []) stack.push([child, false]);
  }
  return span;
}

/**
 * A paragraph whose sentence runs on into a long link ("X replaced Y, <a>who for eight months
 * combined…</a>."): its own words say more than a "Read also:" prompt and it ends a sentence.
 */
function isLinkedSentence(block: BlockInfo): boolean {
  return (
    block.element.tagName === 'P' &&
    block.length - block.linkLength >= MIN_SENTENCE_OUTSIDE_LINK &&
    /[.!?。！？…]["'»”)]?$/.test(block.text)
  );
}

function keepBlock(block: BlockInfo, listed: ReadonlySet<BlockInfo>): boolean {
  if (block.element.tagName === 'H1') return false;
  if (linkDensity(block) > MAX_BLOCK_LINK_DENSITY && !isLinkedSentence(block)) return false;
  if (HEADING_TAGS.has(block.element.tagName)) return true;
  return block.length >= MIN_LABEL_LENGTH || SENTENCE_END_RE.test(block.text) || listed.has(block);
}

/**
 * Short paragraphs one after another, none a link: a list written as paragraphs (nominees,
 * ingredients, results), not a label.
 */
function paragraphLists(blocks: readonly BlockInfo[]): Set<BlockInfo> {
  const listed = new Set<BlockInfo>();
  let run: BlockInfo[] = [];
  const close = () => {
    if (run.length >= MIN_PARAGRAPH_LIST) for (const b of run) listed.add(b);
    run = [];
  };
  for (const block of blocks) {
    const el = block.element;
    const short = el.tagName === 'P' && block.length < MIN_LABEL_LENGTH && !block.linkLength;
    const follows = run.length > 0 && run[run.length - 1]!.element === el.previousElementSibling;
    if (!short || !follows) close();
    if (short) run.push(block);
  }
  close();
  return listed;
}

function inBlockquote(el: Element): boolean {
  for (let a = el.parentElement; a; a = a.parentElement)
    if (a.tagName === 'BLOCKQUOTE') return true;
  return false;
}

function kindOf(el: Element): BlockKind {
  const tag = el.tagName.toUpperCase();
  if (HEADING_TAGS.has(tag)) return 'subheading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'list-item';
  if (tag === 'BLOCKQUOTE' || inBlockquote(el)) return 'quote';
  return 'paragraph';
}

export interface BodyResult {
  blocks: ArticleBlock[];
  /** The element holding the whole body. */
  container: Element | null;
}

export function* findBody(
  doc: Document,
  lang: string,
  isBoilerplate: BoilerplateTest,
): Steps<BodyResult> {
  const root = doc.body;
  if (!root) return { blocks: [], container: null };
  const all = yield* collectBlocks(root, isBoilerplate);
  const container = yield* bestContainer(all, root);
  if (!container) return { blocks: [], container: null };
  // Below the container, "sidebar" or "ad" wrappers are what they say (above it they are layout).
  const inBody = (el: Element) => {
    let inArticle = false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (a === container) return true;
      inArticle ||= namesArticle(a);
      if (!inArticle && isWeakBoilerplate(a)) return false;
    }
    return false;
  };
  const inside: BlockInfo[] = [];
  for (const b of all) {
    if (pauseDue()) yield;
    if (inBody(b.element)) inside.push(b);
  }
  const cards = yield* teaserCards(inside, container);
  const inCard = (el: Element) => {
    for (let a: Element | null = el; a && a !== container; a = a.parentElement) {
      if (cards.has(a)) return true;
    }
    return false;
  };
  const others = yield* otherStories(inside, container);
  const listed = paragraphLists(inside);
  const kept: BlockInfo[] = [];
  for (const b of inside) {
    if (pauseDue()) yield;
    if (keepBlock(b, listed) && !inCard(b.element) && !others.has(b)) kept.push(b);
  }
  // A gallery tells its story in its photos' captions: when they hold most of the text, their
  // credits do not make them boilerplate.
  const length = (bs: BlockInfo[]) => bs.reduce((n, b) => n + b.length, 0);
  const captioned = new Set(kept.filter((b) => isCreditedCaption(b.text)));
  const gallery = length([...captioned]) >= MIN_GALLERY_SHARE * length(kept);
  const dialogs = yield* siteDialogs(kept, container);
  const blocks: ArticleBlock[] = [];
  for (const b of kept) {
    if (pauseDue()) yield;
    if (dialogs.some((d) => d.contains(b.element))) continue;
    if ((gallery && captioned.has(b)) || !isBoilerplateLine(b.text, lang))
      blocks.push({ kind: kindOf(b.element), element: b.element, text: b.text });
  }
  // A heading heads the text after it: one with none ("More from", "Editor's picks") labels
  // what the body leaves out. A sentence-long one is prose set in a heading's type. So does a
  // short line that ends no sentence ("Verwandte Themen", "Das könnte Sie auch interessieren")
  // closing the body, unless the line before it is a different one: a run of them is the
  // story's list (the same label twice is one label, repeated by two teaser boxes).
  const isShortLine = (b: ArticleBlock | undefined) =>
    !!b &&
    b.kind === 'paragraph' &&
    weightedLength(b.text) < MIN_PROSE_HEADING &&
    !LINE_END_RE.test(b.text);
  const isLabel = (i: number) => {
    const block = blocks[i]!;
    const before = blocks[i - 1];
    if (block.kind === 'subheading') return weightedLength(block.text) < MIN_PROSE_HEADING;
    return isShortLine(block) && (!isShortLine(before) || before!.text === block.text);
  };
  while (blocks.length && isLabel(blocks.length - 1)) blocks.pop();
  return { blocks: withoutContactTail(blocks), container };
}

/**
 * A press release's contact label ("Kontakt:", "Media contact", "Ansprechpartnerin zum Thema:"),
 * a line of its own.
 */
const CONTACT_LABEL_RE =
  /^(?:(?:press|media|medien|presse)[- ]?)?(?:kontakte?|contacts?|contacto|contatto|ansprechpartner(?:in|innen)?)(?:\s+(?:presse|press|für|for|zum|zur|de|pour|per)(?:\s+[^\s:]+){0,3})?\s*:?$/iu;
/**
 * The label of the writer's box closing the story ("About the author", "Die Autorin", "Über den
 * Autor:"): what follows presents the writer, as a contact label's names do.
 */
const AUTHOR_LABEL_RE =
  /^(?:about the authors?|the authors?|(?:über |zu[mr] )?(?:den |die |der )?autor(?:in|en|innen)?|à propos de l.auteur(?:e|s)?|sobre (?:el |la |o |a )?autor(?:a|es)?|l.autore|l.autrice|o autorze)\s*:?$/iu;
/**
 * The label of the references closing a story ("Weitere Informationen:", "Originalpublikation",
 * "Quellen:", "Further information"): what follows lists links and titles, not the story.
 */
const REFERENCES_LABEL_RE =
  /^(?:weitere informationen|mehr informationen|zusatzinformationen|weiterführende links|further information|more information|plus d.informations|pour en savoir plus|más información|originalpublikation|originalveröffentlichung|original publication|quellen?|sources?|fuentes?|literatur|references|références|bibliograph(?:y|ie)|bibliografía)\s*:?$/iu;
/** What follows a contact label at most: names, numbers and addresses, not a part of the story. */
const MAX_CONTACT_TAIL = 1000;
const MAX_CONTACT_SHARE = 0.25;

/**
 * The body less a press release's closing contacts, the writer's box or the references: from
 * its label to the end.
 */
function withoutContactTail(blocks: ArticleBlock[]): ArticleBlock[] {
  const total = blocks.reduce((n, b) => n + weightedLength(b.text), 0);
  let tail = 0;
  let cut = blocks.length;
  for (let i = blocks.length - 1; i > 0; i--) {
    tail += weightedLength(blocks[i]!.text);
    if (tail > MAX_CONTACT_TAIL || tail >= MAX_CONTACT_SHARE * total) break;
    const text = blocks[i]!.text;
    if (CONTACT_LABEL_RE.test(text) || AUTHOR_LABEL_RE.test(text) || REFERENCES_LABEL_RE.test(text))
      cut = i;
  }
  return cut < blocks.length ? blocks.slice(0, cut) : blocks;
}

/**
 * Boxes the site sets into the article to address the reader (a paywall's offer, a shared
 * login's dialog): a heading that is such a notice heads a box of its own, whose other lines
 * ("Add a user", "Why am I seeing this?") go with it. A heading straight in the container, or
 * one over pages of text, heads the story.
 */
function* siteDialogs(blocks: readonly BlockInfo[], container: Element): Steps<Element[]> {
  const dialogs: Element[] = [];
  for (const b of blocks) {
    if (pauseDue()) yield;
    const box = b.element.parentElement;
    if (!HEADING_TAGS.has(b.element.tagName) || !box || box === container || !isNotice(b.text))
      continue;
    let length = 0;
    for (const other of blocks) if (box.contains(other.element)) length += other.length;
    if (length < MAX_DIALOG_LENGTH) dialogs.push(box);
  }
  return dialogs;
}

/**
 * Teasers of other articles inside the body container ("More from", "Related"): a linked
 * headline with a short blurb. The card is the largest wrapper around a linked headline that
 * still holds little text; the article's own wrappers hold far more.
 */
function* teaserCards(blocks: BlockInfo[], container: Element): Steps<Set<Element>> {
  const isLinkedHeadline = (b: BlockInfo) =>
    b.length >= MIN_LINKED_HEADLINE && linkDensity(b) > MAX_BLOCK_LINK_DENSITY;
  const size = new Map<Element, number>();
  const teaserHeadlines = new Map<Element, number>();
  const opensWithTeaser = new Map<Element, boolean>();
  for (const b of blocks) {
    if (pauseDue()) yield;
    const teaser = isLinkedHeadline(b) && linksElsewhere(b.element);
    for (let a = b.element.parentElement; a && a !== container; a = a.parentElement) {
      size.set(a, (size.get(a) ?? 0) + b.length);
      teaserHeadlines.set(a, (teaserHeadlines.get(a) ?? 0) + (teaser ? 1 : 0));
      if (!opensWithTeaser.has(a)) opensWithTeaser.set(a, teaser);
    }
  }
  const dated = new Map<Element, boolean>();
  const isDated = (a: Element) => {
    let known = dated.get(a);
    if (known === undefined) {
      known =
        (size.get(a) ?? 0) <= MAX_DATED_CARD_LENGTH &&
        teaserHeadlines.get(a) === 1 &&
        opensWithTeaser.get(a) === true &&
        a.getElementsByTagName('time').length > 0;
      dated.set(a, known);
    }
    return known;
  };
  const isDatedCard = (a: Element) => {
    if (!isDated(a)) return false;
    let siblings = 0;
    for (let c = a.parentElement?.firstElementChild; c; c = c.nextElementSibling)
      if (isDated(c)) siblings++;
    return siblings >= MIN_TRUNCATED_TEASERS;
  };
  const cards = new Set<Element>();
  for (const b of blocks) {
    if (pauseDue()) yield;
    if (!isLinkedHeadline(b)) continue;
    let card: Element | null = null;
    for (let a = b.element.parentElement; a && a !== container; a = a.parentElement) {
      const length = size.get(a) ?? 0;
      if (length <= MAX_CARD_LENGTH || isDatedCard(a)) card = a;
      else if (length > MAX_DATED_CARD_LENGTH) break;
    }
    if (card) cards.add(card);
  }
  const truncated = new Map<Element | null, Element[]>();
  for (const b of blocks) {
    if (!isTruncatedTeaser(b)) continue;
    const siblings = truncated.get(b.element.parentElement) ?? [];
    truncated.set(b.element.parentElement, [...siblings, b.element]);
  }
  for (const teasers of truncated.values()) {
    if (teasers.length >= MIN_TRUNCATED_TEASERS) for (const el of teasers) cards.add(el);
  }
  return cards;
}

/** The block's link (around it or its first) leads to another page than the one shown. */
function linksElsewhere(el: Element): boolean {
  const link = el.closest('a[href]') ?? el.querySelector('a[href]');
  const href = link?.getAttribute('href');
  if (!href) return false;
  try {
    const page = new URL(el.ownerDocument.URL);
    const target = new URL(href, el.ownerDocument.baseURI);
    return target.origin !== page.origin || target.pathname !== page.pathname;
  } catch {
    return false;
  }
}

/** A block that opens with a linked headline and ends in an ellipsis: a teaser's cut blurb. */
function isTruncatedTeaser(block: BlockInfo): boolean {
  if (!TRUNCATED_RE.test(block.text)) return false;
  let first = block.element.firstChild;
  while (first && first.nodeType === 3 && !first.nodeValue?.trim()) first = first.nextSibling;
  if (first?.nodeType !== 1 || (first as Element).tagName !== 'A') return false;
  return weightedLength(collapse(first.textContent)) >= MIN_LINKED_HEADLINE;
}

/** The innermost `<article>` element around a block, below the container. */
function storyOf(el: Element, container: Element): Element | null {
  for (let a = el.parentElement; a && a !== container; a = a.parentElement) {
    if (a.tagName === 'ARTICLE') return a;
  }
  return null;
}

/**
 * Blocks of other stories inside the container: once one story (an `<article>` element, or the
 * container itself) has told enough prose, a different `<article>` element that is not around
 * it holds another story (a related post, the next story of an endless page).
 */
function* otherStories(blocks: BlockInfo[], container: Element): Steps<Set<BlockInfo>> {
  const others = new Set<BlockInfo>();
  const told = new Map<Element | null, number>();
  let home: Element | null | undefined;
  for (const b of blocks) {
    if (pauseDue()) yield;
    const story = storyOf(b.element, container);
    if (home === undefined) {
      if (!isProse(b)) continue;
      const length = (told.get(story) ?? 0) + b.length;
      told.set(story, length);
      if (length >= MIN_OWN_STORY_LENGTH) home = story;
    } else if (story && story !== home && !(home && story.contains(home))) {
      others.add(b);
    }
  }
  return others;
}
