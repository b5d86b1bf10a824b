/**
 * The lead (standfirst, teaser, chapô): an element that the page marks as such near the headline,
 * else the first body paragraph when it repeats the declared description, else the description.
 */
import type { ArticleBlock } from './types';
import { isBoilerplate } from './clean';
import { collapse, nameTokens, normalizeKey, type ElementIndex } from './text';

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
  'subhead',
]);
/** Words that may also name a summary box or a meta description: used when no lead word is. */
const WEAK_LEAD_TOKENS = new Set(['summary', 'summ', 'excerpt', 'description']);
/** A lead is a sentence or a few; shorter is a label, longer is the body. */
const MIN_LEAD_LENGTH = 30;
const MAX_LEAD_LENGTH = 1500;
/** How far past the headline (in elements, document order) the lead may start. */
const MAX_LEAD_DISTANCE = 400;

/** 2 for an element named as the lead, 1 for a weaker name, 0 for anything else. */
function leadRank(el: Element): number {
  const prop = el.getAttribute('itemprop');
  const tokens = nameTokens(el);
  if (tokens.some((t) => LEAD_TOKENS.has(t))) return 2;
  if (prop === 'description' || prop === 'abstract') return el.tagName === 'META' ? 0 : 1;
  return tokens.some((t) => WEAK_LEAD_TOKENS.has(t)) ? 1 : 0;
}

function insideBoilerplate(el: Element, stop: Element | null): boolean {
  for (let a: Element | null = el; a && a !== stop && a.tagName !== 'BODY'; a = a.parentElement) {
    if (a.tagName === 'A' || (isBoilerplate(a) && a.tagName !== 'HEADER')) return true;
  }
  return false;
}

export interface LeadResult {
  lead: string;
  blocks: ArticleBlock[];
}

/**
 * Marks or adds the lead in `blocks` (returned anew). `titleElement` anchors the search; the lead
 * must come after it and before the body's second block.
 */
export function findLead(
  index: ElementIndex,
  blocks: ArticleBlock[],
  titleElement: Element | null,
  description: string | null,
): LeadResult {
  const anchor = titleElement ?? blocks[0]?.element ?? null;
  const limit = blocks[1]?.element ?? null;
  if (anchor) {
    const { all, position } = index;
    const end = Math.min(all.length, (position.get(anchor) ?? all.length) + MAX_LEAD_DISTANCE);
    const limitAt = limit ? (position.get(limit) ?? all.length) : all.length;
    let weak: Element | null = null;
    for (let i = (position.get(anchor) ?? all.length) + 1; i < end; i++) {
      const el = all[i]!;
      if (i > limitAt && !limit?.contains(el)) break;
      const rank = leadRank(el);
      if (!rank || (rank === 1 && weak) || titleElement?.contains(el)) continue;
      const text = collapse(el.textContent);
      if (text.length < MIN_LEAD_LENGTH || text.length > MAX_LEAD_LENGTH) continue;
      // A "lead" holding a picture is the lead image and its caption.
      if (insideBoilerplate(el, null) || el.querySelector('img, picture, figure, video')) continue;
      if (rank === 2) return { lead: text, blocks: markLead(blocks, el, text) };
      weak = el;
    }
    if (weak) {
      const text = collapse(weak.textContent);
      return { lead: text, blocks: markLead(blocks, weak, text) };
    }
  }
  const first = blocks[0];
  if (first && description) {
    const d = normalizeKey(description.replace(/(\.\.\.|…)$/, ''));
    const f = normalizeKey(first.text);
    if (d.length >= MIN_LEAD_LENGTH && (f === d || f.startsWith(d) || d.startsWith(f))) {
      return { lead: first.text, blocks: [{ ...first, kind: 'lead' }, ...blocks.slice(1)] };
    }
  }
  return { lead: description ?? '', blocks };
}

/** The lead element becomes the first block (or the blocks inside it become lead blocks). */
function markLead(blocks: ArticleBlock[], el: Element, text: string): ArticleBlock[] {
  const inside = blocks.filter((b) => el.contains(b.element));
  if (inside.length)
    return blocks.map((b) => (inside.includes(b) ? { ...b, kind: 'lead' as const } : b));
  const holder = blocks.find((b) => b.element.contains(el));
  if (holder) return blocks.map((b) => (b === holder ? { ...b, kind: 'lead' as const } : b));
  return [{ kind: 'lead', element: el, text }, ...blocks];
}
