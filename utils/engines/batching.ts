import type { EngineLimits } from './types';

/**
 * Packs segments, in order, into requests within an engine's limits: at most `maxSegments`
 * segments and `maxChars` characters each. A segment longer than `maxChars` goes alone (engines
 * accept one long text better than a split sentence). The caller puts on-screen blocks first.
 */
export function packBatches(
  segments: string[],
  limits: Pick<EngineLimits, 'maxSegments' | 'maxChars'>,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const segment of segments) {
    if (
      current.length &&
      (current.length >= limits.maxSegments || size + segment.length > limits.maxChars)
    ) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(segment);
    size += segment.length;
  }
  if (current.length) batches.push(current);
  return batches;
}
