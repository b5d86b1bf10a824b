import { describe, expect, it } from 'vitest';
import {
  cacheableReply,
  fromPlaceholders,
  markerNumber,
  markersIntact,
  plainText,
  toPlaceholders,
  usableReply,
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

  it('reads only canonical decimal marker numbers', () => {
    expect(markerNumber('0')).toBe(0);
    expect(markerNumber('12')).toBe(12);
    for (const value of [null, undefined, '', '0x0', ' 1 ', '01', '-1', '1.0', '1e1', '９']) {
      expect(markerNumber(value)).toBeUndefined();
    }
    const source = 'a <a data-m="0">b</a>';
    expect(markersIntact(source, 'A <a data-m="00">B</a>')).toBe(false);
    expect(markersIntact(source, 'A <a data-m="">B</a>')).toBe(false);
    expect(markersIntact(source, 'A <a>B</a>')).toBe(false);
    expect(toPlaceholders('<a data-m="01">x</a> <a>y</a>').text).toBe('x y');
  });

  it('takes empty, oversized or marker-breaking replies for broken, and caches no echo', () => {
    const source = 'Hola <a data-m="0">mundo</a>';
    const good = 'Hello <a data-m="0">world</a>';
    expect(usableReply(source, good)).toBe(true);
    expect(cacheableReply(source, good)).toBe(true);
    for (const broken of [
      '',
      '  ',
      '<a data-m="0"></a>',
      `Hello <a data-m="0">${'w'.repeat(5_000)}</a>`,
    ]) {
      expect(usableReply(source, broken)).toBe(false);
      expect(cacheableReply(source, broken)).toBe(false);
    }
    // An echo can be shown (it may be a name) but is not kept.
    expect(usableReply(source, source)).toBe(true);
    expect(cacheableReply(source, source)).toBe(false);
    // A segment without text (a lone line break) may come back without text.
    expect(usableReply('<br data-m="0">', '<br data-m="0">')).toBe(true);
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
