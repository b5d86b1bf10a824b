import { describe, expect, it } from 'vitest';
import { decodeTranslation, encodeBlock } from '@/utils/page/markup';

function block(html: string): HTMLElement {
  const p = document.createElement('p');
  p.innerHTML = html;
  document.body.replaceChildren(p);
  return p;
}

describe('encodeBlock', () => {
  it('numbers inline elements and keeps text, without attributes', () => {
    const p = block('Dijo <a href="https://x.test/a" class="l">el ministro</a> que <em>no</em>.');
    const encoded = encodeBlock(p);
    expect(encoded.html).toBe('Dijo <a data-m="0">el ministro</a> que <em data-m="1">no</em>.');
    expect(encoded.refs.map((r) => r.localName)).toEqual(['a', 'em']);
    expect(encoded.text).toBe('Dijo el ministro que no.');
  });

  it('leaves out scripts, images, buttons and what is marked not to translate', () => {
    const p = block(
      'Uno <script>x()</script><img src=a.png><button>Compartir</button><span translate="no">ABC</span> dos &amp; <b>tres</b>',
    );
    expect(encodeBlock(p).html).toBe('Uno  dos &amp; <b data-m="0">tres</b>');
  });

  it('sends words whole, without the soft hyphens and zero-width spaces that break lines', () => {
    // Apertium turns "impor\u200btante" into "*impor*tante": two unknown words.
    const p = block('La infor&shy;mación es impor\u200btante para el <b>gobier&shy;no</b>.');
    const encoded = encodeBlock(p);
    expect(encoded.html).toBe('La información es importante para el <b data-m="0">gobierno</b>.');
    expect(encoded.text).toBe('La información es importante para el gobierno.');
  });

  it('sends the words of a text with ruby, not the readings printed above them', () => {
    // NHK News Web Easy spells out every kanji's reading: "子こども" would reach the engine.
    const p = block(
      '<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby>',
    );
    expect(encodeBlock(p).text).toBe('子どもの法律');
  });
});

describe('decodeTranslation', () => {
  it('rebuilds the translation on the original elements, so hrefs come from the page', () => {
    const p = block('Dijo <a href="https://x.test/a" id="keep">el ministro</a> que <em>no</em>.');
    const { refs } = encodeBlock(p);
    const out = decodeTranslation(
      'The <a data-m="0" href="https://evil.test">minister</a> said <em data-m="1">no</em>.',
      refs,
      document,
    );
    expect(out).not.toBeNull();
    const div = document.createElement('div');
    div.append(out!);
    expect(div.innerHTML).toBe('The <a href="https://x.test/a">minister</a> said <em>no</em>.');
  });

  it('rejects a reply that lost, duplicated or invented a marker', () => {
    const { refs } = encodeBlock(block('<a href="/a">uno</a> y <b>dos</b>'));
    expect(decodeTranslation('<a data-m="0">one</a> and two', refs, document)).toBeNull();
    expect(
      decodeTranslation(
        '<a data-m="0">one</a> <a data-m="0">x</a> <b data-m="1">two</b>',
        refs,
        document,
      ),
    ).toBeNull();
    expect(
      decodeTranslation(
        '<a data-m="0">one</a> <b data-m="1">two</b> <i data-m="7">x</i>',
        refs,
        document,
      ),
    ).toBeNull();
  });

  it('never lets active content through from a hostile reply', () => {
    const { refs } = encodeBlock(block('uno'));
    const out = decodeTranslation(
      'one<img src=x onerror="alert(1)"><script>alert(2)</script><svg onload=alert(3)></svg>',
      refs,
      document,
    );
    const div = document.createElement('div');
    div.append(out!);
    expect(div.innerHTML).toBe('one');
  });

  it('keeps the text of elements the engine invents, and drops scripts, styles and drawings whole', () => {
    const { refs } = encodeBlock(block('Dijo <a href="/a">el ministro</a>.'));
    const out = decodeTranslation(
      '<p>The <a data-m="0">minister</a></p><font color="red"> <div>said</div></font>.' +
        '<style>a{}</style><svg><a data-m="0">x</a></svg><noscript><b>n</b></noscript>',
      refs,
      document,
    );
    const div = document.createElement('div');
    div.append(out!);
    expect(div.innerHTML).toBe('The <a href="/a">minister</a> said.');
  });

  it('reads as markers only canonical numbers of markers sent, on tags that carry one', () => {
    const { refs } = encodeBlock(block('<a href="/a">uno</a> y <b>dos</b>'));
    const withMarkers = (a: string, b: string) => `<a${a}>one</a> and <b${b}>two</b>`;
    expect(
      decodeTranslation(withMarkers(' data-m="0"', ' data-m="1"'), refs, document),
    ).not.toBeNull();
    for (const forged of ['', ' data-m=""', ' data-m="0x0"', ' data-m=" 0 "', ' data-m="00"']) {
      expect(
        decodeTranslation(withMarkers(forged, ' data-m="1"'), refs, document),
        forged,
      ).toBeNull();
    }
    expect(
      decodeTranslation(withMarkers(' data-m="0"', ' data-m=" 1 "'), refs, document),
    ).toBeNull();
  });

  it('takes a reply it cannot sanitise, an empty one or a too deep one for no translation', () => {
    const { refs } = encodeBlock(block('<i>uno</i> dos'));
    for (const broken of [
      '<frameset onload="alert(1)"><i data-m="0"> </i>',
      '<i data-m="0"> </i>',
      '',
      '   ',
      `<i data-m="0">one</i>${'<span>'.repeat(100)}two`,
      `<i data-m="0">${'x'.repeat(300_000)}</i>`,
    ]) {
      expect(() => decodeTranslation(broken, refs, document)).not.toThrow();
      expect(decodeTranslation(broken, refs, document)).toBeNull();
    }
  });
});
