import { describe, expect, it } from 'vitest';
import {
  fromPlaceholders,
  markersIntact,
  plainText,
  toPlaceholders,
} from '@/utils/engines/markers';
import { packBatches } from '@/utils/engines/batching';

describe('markers for text-only engines', () => {
  it('round-trips nested tags, void tags and entities through placeholders', () => {
    const html =
      'A &lt;b&gt; <em data-m="0">x <a data-m="1">y</a></em><br data-m="2">z &quot;q&quot;';
    const held = toPlaceholders(html);
    expect(held.text).toBe('A <b> ⟦0⟧x ⟦1⟧y⟦/1⟧⟦/0⟧⟦2/⟧z "q"');
    expect(fromPlaceholders(held.text, held.tags)).toBe(
      'A &lt;b&gt; <em data-m="0">x <a data-m="1">y</a></em><br data-m="2">z "q"',
    );
  });

  it('tolerates spaces an engine puts inside placeholders and drops invented ones', () => {
    const { tags } = toPlaceholders('<a data-m="0">x</a>');
    expect(fromPlaceholders('⟦ 0 ⟧X⟦ /0 ⟧ ⟦7⟧', tags)).toBe('<a data-m="0">X</a> ');
  });

  it('tells intact replies from lost, duplicated or invented markers', () => {
    const source = 'a <a data-m="0">b</a> <i data-m="1">c</i>';
    expect(markersIntact(source, '<i data-m="1">C</i> A <a data-m="0">B</a>')).toBe(true);
    expect(markersIntact(source, 'A B <i data-m="1">C</i>')).toBe(false);
    expect(markersIntact(source, `${source}<a data-m="0">d</a>`)).toBe(false);
    expect(markersIntact(source, `${source}<b data-m="2">e</b>`)).toBe(false);
    expect(markersIntact(source, 'a <b data-m="0">b</b> <i data-m="1">c</i>')).toBe(false);
  });

  it('gives plain text for language detection', () => {
    expect(plainText('Lea <a data-m="0">más</a> &amp; <br data-m="1">ya')).toBe('Lea más & ya');
  });
});

describe('packBatches', () => {
  it('keeps order and both limits; a segment over the character limit goes alone', () => {
    expect(
      packBatches(['aaaa', 'bb', 'cccccccc', 'd', 'e', 'f'], { maxChars: 6, maxSegments: 2 }),
    ).toEqual([['aaaa', 'bb'], ['cccccccc'], ['d', 'e'], ['f']]);
  });
});
