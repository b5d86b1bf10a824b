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
