import type { Article, BlockKind } from '../article/types';
import { encodeBlock, type EncodedBlock } from './markup';

export type UnitKind = BlockKind | 'headline';

/** One block of the article on its way through translation. */
export interface Unit {
  kind: UnitKind;
  element: Element;
  encoded: EncodedBlock;
  /** Position in reading order (headline first). */
  order: number;
  status: 'waiting' | 'queued' | 'sent' | 'shown';
  /** The translation's text, for the popup. */
  text?: string;
}

/**
 * The article's translatable blocks in reading order: headline, body, then captions. A block
 * inside or around one already taken (or `known`) is translated with it, never twice. Yields one
 * unit at a time so that the caller can spread a long article over time slices; each step costs
 * the block's depth in the tree, not the number of blocks seen.
 */
export function* unitsOf(
  article: Article,
  known: Iterable<Element>,
  firstOrder = 0,
): Generator<Unit> {
  const found: { kind: UnitKind; element: Element }[] = [];
  if (article.titleElement) found.push({ kind: 'headline', element: article.titleElement });
  for (const block of article.blocks) found.push(block);
  for (const caption of article.captions) {
    if (caption.element) found.push({ kind: 'caption', element: caption.element });
  }
  const taken = new Set<Element>();
  /** Every ancestor of a taken block: an element here contains one. */
  const around = new Set<Element>();
  const take = (element: Element) => {
    taken.add(element);
    for (let up = element.parentElement; up && !around.has(up); up = up.parentElement) {
      around.add(up);
    }
  };
  for (const element of known) take(element);
  let order = firstOrder;
  for (const { kind, element } of found) {
    if (around.has(element) || insideTaken(element, taken)) continue;
    const encoded = encodeBlock(element);
    if (!encoded.text) continue;
    take(element);
    yield { kind, element, encoded, order: order++, status: 'waiting' };
  }
}

/** Whether the element is a taken block or lies inside one. */
function insideTaken(element: Element, taken: ReadonlySet<Element>): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) if (taken.has(at)) return true;
  return false;
}
