import { describe, expect, it } from 'vitest';
import { TranslationLayer } from '@/utils/page/render';

function article(): HTMLElement[] {
  document.body.innerHTML = '<article><p>Hola mundo.</p><p>Adiós.</p></article>';
  return Array.from(document.querySelectorAll('p'));
}

const translations = () =>
  Array.from(document.querySelectorAll<HTMLElement>('.foreign-desk-translation'));

describe('TranslationLayer styles', () => {
  it('marks translations with a thin rule at the start edge by default, in the text’s own colour', () => {
    const layer = new TranslationLayer(document);
    const [first] = article();
    layer.show(first!, 'Hello world.', 'en', 'Hola mundo.');
    const [shown] = translations();
    expect(shown!.getAttribute('data-foreign-desk-style')).toBe('rule');
    expect(shown!.getAttribute('style')).toContain('border-inline-start:2px solid');
    expect(shown!.getAttribute('style')).toContain('currentColor');
  });

  it('restyles what is shown when the reader picks another style, in both display modes', () => {
    const layer = new TranslationLayer(document);
    const blocks = article();
    for (const block of blocks) layer.show(block, 'Hello.', 'en', block.textContent ?? '');
    layer.setStyle('italic');
    expect(translations().map((t) => t.style.fontStyle)).toEqual(['italic', 'italic']);
    layer.setMode('replace');
    expect(translations().map((t) => t.getAttribute('data-foreign-desk-style'))).toEqual([
      'italic',
      'italic',
    ]);
    layer.setStyle('none');
    expect(
      translations().every((t) => t.style.fontStyle === '' && !t.style.borderInlineStart),
    ).toBe(true);
  });

  it('shows the same translation, links included, after switching modes there and back', () => {
    const layer = new TranslationLayer(document);
    const [first, second] = article();
    const content = document.createDocumentFragment();
    const link = document.createElement('a');
    link.href = 'https://example.com/world';
    link.textContent = 'world';
    content.append('Hello ', link, '.');
    layer.show(first!, content, 'en', 'Hola mundo.');
    layer.show(second!, 'Goodbye.', 'en', 'Adiós.');
    const shownHtml = () => translations().map((t) => t.innerHTML);
    const bilingual = shownHtml();
    expect(bilingual).toEqual(['Hello <a href="https://example.com/world">world</a>.', 'Goodbye.']);
    layer.setMode('replace');
    expect(shownHtml()).toEqual(bilingual);
    layer.setMode('bilingual');
    expect(shownHtml()).toEqual(bilingual);
  });

  it('leaves the page as it was when cleared', () => {
    const blocks = article();
    const before = document.body.innerHTML;
    const layer = new TranslationLayer(document);
    layer.setStyle('tint');
    for (const block of blocks) layer.show(block, 'Hello.', 'en', block.textContent ?? '');
    layer.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});
