import { describe, expect, it } from 'vitest';
import { joinPieces, splitLong } from '@/utils/engines/batching';
import { TranslationPipeline } from '@/utils/engines/pipeline';
import { fakeEngine, MapCache } from './fakes';
import { shout } from './loopback';

/** A paragraph of `count` numbered sentences, a link in every tenth. */
function longParagraph(count: number): string {
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 3
      ? `La frase <a data-m="${i}">número ${i + 1}</a> sigue aquí.`
      : `La frase número ${i + 1} sigue aquí.`,
  ).join(' ');
}

describe('a paragraph longer than an engine takes at once', () => {
  it('is cut at sentence ends within the limit, never inside a marker, and joins back whole', () => {
    const segment = longParagraph(3_000);
    const pieces = splitLong(segment, 5_000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(5_000);
      expect(piece.text).toMatch(/aquí\.$/);
      // Every marker opened in a piece is closed in it.
      expect(piece.text.match(/<a /g)?.length ?? 0).toBe(piece.text.match(/<\/a>/g)?.length ?? 0);
    }
    expect(
      joinPieces(
        pieces,
        pieces.map((p) => p.text),
      ),
    ).toBe(segment);
  });

  it('cuts CJK text without spaces after its full stops, and joins it without spaces', () => {
    const segment = '東京で新しい駅が開業した。'.repeat(1_000);
    const pieces = splitLong(segment, 5_000);
    expect(pieces.length).toBe(3);
    expect(pieces.every((p) => p.text.length <= 5_000 && p.text.endsWith('。'))).toBe(true);
    expect(
      joinPieces(
        pieces,
        pieces.map((p) => p.text),
      ),
    ).toBe(segment);
  });

  it('leaves a short paragraph, and a stretch with nowhere to cut, whole', () => {
    expect(splitLong('Hola.', 10)).toEqual([{ text: 'Hola.', spaced: false }]);
    expect(splitLong('x'.repeat(50), 10).map((p) => p.text)).toEqual(['x'.repeat(50)]);
  });

  it('is sent as pieces within the limit and comes back in order', async () => {
    const { engine, calls } = fakeEngine('E', undefined, { maxChars: 5_000, maxSegments: 10 });
    const segment = longParagraph(4_000);
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const result = await pipeline.translate([engine], {
      segments: ['Corto.', segment],
      source: 'es',
      target: 'en',
    });
    expect(result.translations).toEqual(['CORTO.', shout(segment)]);
    expect(calls.length).toBeGreaterThan(segment.length / 5_000);
    for (const call of calls) expect(call.join('').length).toBeLessThanOrEqual(5_000);
  });
});
