import { describe, expect, it } from 'vitest';
import { toMarkdown, toPlainText, type ExportedArticle } from '@/utils/format/article';

const article: ExportedArticle = {
  title: 'Brussels explores *deportation* centres',
  date: { local: '15 October 2024 at 14:03 CEST', iso: '2024-10-15T14:03:00+02:00' },
  updated: null,
  byline: 'Manuel V. Gómez',
  blocks: [
    { kind: 'lead', text: 'The Commission is looking at options.' },
    { kind: 'paragraph', text: 'First   paragraph.' },
    { kind: 'subheading', text: 'What comes next' },
    { kind: 'paragraph', text: '# not a heading' },
    { kind: 'quote', text: 'A quote.' },
  ],
  captions: [{ text: 'Ursula von der Leyen in Brussels.', credit: 'Reuters' }],
  source: { name: 'El País', url: 'https://elpais.com/internacional/2024-10-15/x.html' },
  labels: {
    published: 'Published',
    updated: 'Updated',
    source: 'Source',
    photo: 'Photo',
    translatedBy: 'Translated from Spanish by Apertium.',
  },
};

describe('article export', () => {
  it('writes Markdown with headline, date, body in order, captions and the source', () => {
    const md = toMarkdown(article);
    expect(md.split('\n')[0]).toBe('# Brussels explores \\*deportation\\* centres');
    expect(md).toContain('*Published: 15 October 2024 at 14:03 CEST (2024-10-15T14:03:00+02:00)*');
    expect(md).toContain('**The Commission is looking at options.**');
    expect(md).toContain('\n## What comes next\n');
    expect(md).toContain('\n\\# not a heading\n');
    expect(md).toContain('> A quote.');
    expect(md).toContain('*Ursula von der Leyen in Brussels.* (Photo: Reuters)');
    expect(md).toContain('Source: [El País](<https://elpais.com/internacional/2024-10-15/x.html>)');
    expect(md.trimEnd().endsWith('Translated from Spanish by Apertium.')).toBe(true);
    expect(md.indexOf('First paragraph.')).toBeLessThan(md.indexOf('What comes next'));
  });

  it('writes plain text with the same parts and no markup', () => {
    const text = toPlainText(article);
    expect(text.split('\n')[0]).toBe('Brussels explores *deportation* centres');
    expect(text).toContain('First paragraph.');
    expect(text).toContain('Source: El País — https://elpais.com/internacional/2024-10-15/x.html');
    expect(text).not.toContain('##');
  });
});
