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

/** The article's translatable blocks in reading order: headline, body, then captions. */
export function unitsOf(article: Article, known: ReadonlySet<Element>, firstOrder = 0): Unit[] {
  const found: { kind: UnitKind; element: Element }[] = [];
  if (article.titleElement) found.push({ kind: 'headline', element: article.titleElement });
  for (const block of article.blocks) found.push(block);
  for (const caption of article.captions) {
    if (caption.element) found.push({ kind: 'caption', element: caption.element });
  }
  const units: Unit[] = [];
  const seen = new Set(known);
  for (const { kind, element } of found) {
    // An element inside another block is translated with it, never twice.
    if (seen.has(element) || [...seen].some((s) => s.contains(element) || element.contains(s))) {
      continue;
    }
    const encoded = encodeBlock(element);
    if (!encoded.text) continue;
    seen.add(element);
    units.push({ kind, element, encoded, order: firstOrder + units.length, status: 'waiting' });
  }
  return units;
}
