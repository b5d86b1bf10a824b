import type { EngineLimits } from './types';

export type BatchLimits = Pick<EngineLimits, 'maxSegments' | 'maxChars'>;

/**
 * Packs items, in order, into requests within an engine's limits: at most `maxSegments` items
 * and `maxChars` characters (`sizeOf`, a segment's length by default) each. An item longer than
 * `maxChars` goes alone (engines accept one long text better than a split sentence). The caller
 * puts on-screen blocks first.
 */
export function packBatches(segments: readonly string[], limits: BatchLimits): string[][];
export function packBatches<T>(
  items: readonly T[],
  limits: BatchLimits,
  sizeOf: (item: T) => number,
): T[][];
export function packBatches<T>(
  items: readonly T[],
  limits: BatchLimits,
  sizeOf: (item: T) => number = (item) => (item as string).length,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (
      current.length &&
      (current.length >= limits.maxSegments || size + itemSize > limits.maxChars)
    ) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** A piece of a segment too long for one request, and what joins it to the next piece. */
export interface Piece {
  text: string;
  /** Whitespace was cut here: join with a space (else nothing: CJK sentences, a forced cut). */
  spaced: boolean;
}

/** Where a segment may be cut: after a sentence's end, else after any space. */
const SENTENCE_END = /[.!?…]+["'»”’)\]]*\s+|[。！？]+[」』”’）]*\s*/g;
const SPACE = /\s+/g;
const SEGMENT_TOKEN = /<[^>]*>|[^<]+/g;

/**
 * Cuts a segment longer than `maxChars` into pieces of at most that many characters, at
 * sentence ends, else at spaces, never inside one of its inline elements (markers stay whole
 * within a piece). Engines truncate or refuse a text over their limit; pieces translated in
 * order and joined again give the whole paragraph. A stretch with no allowed cut stays whole.
 */
export function splitLong(segment: string, maxChars: number): Piece[] {
  if (segment.length <= maxChars) return [{ text: segment, spaced: false }];
  const sentenceCuts: number[] = [];
  const spaceCuts: number[] = [];
  let depth = 0;
  for (const token of segment.matchAll(SEGMENT_TOKEN)) {
    const text = token[0];
    if (text.startsWith('<')) {
      if (text.startsWith('</')) depth = Math.max(0, depth - 1);
      else if (!/^<br\b/i.test(text) && !text.endsWith('/>')) depth++;
      continue;
    }
    if (depth) continue;
    for (const end of text.matchAll(SENTENCE_END))
      sentenceCuts.push(token.index + end.index + end[0].length);
    for (const space of text.matchAll(SPACE))
      spaceCuts.push(token.index + space.index + space[0].length);
  }
  const pieces: Piece[] = [];
  let start = 0;
  while (segment.length - start > maxChars) {
    const within = (cuts: number[]) =>
      cuts.filter((c) => c > start && c < segment.length && c - start <= maxChars).pop();
    const cut =
      within(sentenceCuts) ??
      within(spaceCuts) ??
      [...sentenceCuts, ...spaceCuts]
        .filter((c) => c > start && c < segment.length)
        .sort((a, b) => a - b)[0];
    if (cut === undefined) break;
    const text = segment.slice(start, cut);
    if (text.trim()) pieces.push({ text: text.trimEnd(), spaced: /\s$/.test(text) });
    start = cut;
  }
  pieces.push({ text: segment.slice(start), spaced: false });
  return pieces;
}

/** Pieces' translations joined as the pieces were cut. */
export function joinPieces(pieces: readonly Piece[], translations: readonly string[]): string {
  if (pieces.length === 1) return translations[0] ?? '';
  return pieces
    .map((p, i) => (translations[i] ?? '').trim() + (p.spaced && i < pieces.length - 1 ? ' ' : ''))
    .join('');
}
