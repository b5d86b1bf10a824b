import { describe, expect, it } from 'vitest';
import {
  exportedArticle,
  separateCredit,
  toMarkdown,
  toPlainText,
  type ExportedArticle,
  type Translator,
} from '@/utils/format/article';
import type { PageState } from '@/utils/page/state';
import english from '../../../public/_locales/en/messages.json';
import { formatMessage } from '@/utils/i18n';

const article: ExportedArticle = {
  title: 'Brussels explores *deportation* centres',
  date: {
    local: '15 October 2024 at 14:03 CEST',
    iso: '2024-10-15T14:03:00+02:00',
    relative: '3 days ago',
  },
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

/** The English UI strings, as `t` gives them in the extension. */
const t: Translator = (key, ...subs) => formatMessage(english[key], subs.map(String));

/** A page as the content script reports it for El País once Apertium has translated it. */
const ELPAIS: PageState = {
  siteKey: 'elpais',
  siteMode: 'always',
  article: {
    isArticle: true,
    title: 'Bruselas sondea la apertura de centros de deportación',
    lead: 'La Comisión Europea explora opciones.',
    byline: 'María R. Sahuquillo',
    publishedTime: '2024-10-15T08:22:00+02:00',
    modifiedTime: '2024-10-15T10:40:00+02:00',
    publisher: 'El País',
    lang: 'es',
    url: 'https://elpais.com/internacional/2024-10-15/bruselas.html',
    blockCount: 4,
    captions: [
      {
        text: 'Migrantes en Shëngjin (Albania).Florion Goga (REUTERS)',
        credit: 'Florion Goga (REUTERS)',
      },
      { text: 'Ursula von der Leyen, en Bruselas.', credit: 'Olivier Hoslet (EFE)' },
    ],
  },
  status: 'done',
  progress: { done: 4, waiting: 0, total: 4 },
  engine: 'Apertium',
  target: 'en',
  displayMode: 'bilingual',
  slow: null,
  error: null,
  translation: {
    title: 'Brussels sounds out the opening of deportation centres',
    blocks: [
      { kind: 'lead', text: 'The European Commission explores options.' },
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'caption', text: 'Migrants in Shëngjin (Albania).Florion Goga (REUTERS)' },
      { kind: 'caption', text: 'Ursula von der Leyen, in Brussels.' },
    ],
  },
};

const NOW = Date.parse('2024-10-18T08:22:00+02:00');

describe('the article as the reader holds it', () => {
  it('takes the translated headline and body, captions apart, with labels in the UI language', () => {
    const out = exportedArticle(ELPAIS, { locale: 'en-GB', t, now: NOW })!;
    expect(out.title).toBe('Brussels sounds out the opening of deportation centres');
    expect(out.blocks.map((b) => b.kind)).toEqual(['lead', 'paragraph']);
    expect(out.byline).toBe('María R. Sahuquillo');
    expect(out.source).toEqual({ name: 'El País', url: ELPAIS.article!.url });
    expect(out.labels.translatedBy).toBe('Translated from Spanish by Apertium.');
    expect(out.labels.published).toBe('Published');
  });

  it('dates the article in the reader’s locale, with its ISO form and how long ago', () => {
    const out = exportedArticle(ELPAIS, { locale: 'en-GB', t, now: NOW })!;
    expect(out.date?.iso).toBe('2024-10-15T08:22:00+02:00');
    expect(out.date?.local).toMatch(/15 October 2024/);
    expect(out.date?.relative).toBe('3 days ago');
    expect(out.updated?.iso).toBe('2024-10-15T10:40:00+02:00');
    const german = exportedArticle(ELPAIS, { locale: 'de', t, now: NOW })!;
    expect(german.date?.local).toMatch(/15\. Oktober 2024/);
    expect(german.date?.relative).toBe('vor 3 Tagen');
  });

  it('gives each caption its credit as a separate part, taken off the caption’s end', () => {
    const out = exportedArticle(ELPAIS, { locale: 'en', t, now: NOW })!;
    expect(out.captions).toEqual([
      { text: 'Migrants in Shëngjin (Albania).', credit: 'Florion Goga (REUTERS)' },
      { text: 'Ursula von der Leyen, in Brussels.', credit: 'Olivier Hoslet (EFE)' },
    ]);
    expect(toPlainText(out)).toContain(
      'Migrants in Shëngjin (Albania). (Photo: Florion Goga (REUTERS))',
    );
  });

  it('keeps the original headline, no attribution and no date when there is none', () => {
    const untranslated: PageState = {
      ...ELPAIS,
      status: 'off',
      engine: null,
      article: { ...ELPAIS.article!, publishedTime: null, modifiedTime: null, publisher: null },
      translation: { title: null, blocks: [] },
    };
    const out = exportedArticle(untranslated, { locale: 'en', t, now: NOW })!;
    expect(out.title).toBe('Bruselas sondea la apertura de centros de deportación');
    expect(out.date).toBeNull();
    expect(out.labels.translatedBy).toBeNull();
    expect(out.source.name).toBe('elpais.com');
    expect(exportedArticle({ ...ELPAIS, article: null }, { locale: 'en', t })).toBeNull();
  });

  it('drops credits when captions cannot be paired with them', () => {
    const partly: PageState = {
      ...ELPAIS,
      translation: { ...ELPAIS.translation, blocks: ELPAIS.translation.blocks.slice(0, 3) },
    };
    const out = exportedArticle(partly, { locale: 'en', t, now: NOW })!;
    expect(out.captions).toEqual([
      { text: 'Migrants in Shëngjin (Albania).Florion Goga (REUTERS)', credit: null },
    ]);
  });
});

describe('a caption and its credit', () => {
  it('takes a credit printed at the end off the caption, only as a whole word', () => {
    expect(separateCredit('Fans in Qatar.AFP', 'AFP')).toEqual({
      text: 'Fans in Qatar.',
      credit: 'AFP',
    });
    expect(separateCredit('Habla el JEFE', 'EFE')).toEqual({
      text: 'Habla el JEFE',
      credit: 'EFE',
    });
    expect(separateCredit('Foto: EFE. La plaza', 'EFE')).toEqual({
      text: 'Foto: EFE. La plaza',
      credit: null,
    });
    expect(separateCredit('La plaza', null)).toEqual({ text: 'La plaza', credit: null });
  });

  it('finds a credit whose label was translated by the names that were not', () => {
    expect(
      separateCredit(
        'A centre for migrants built by Italy in Albania.Photo: Florion Goga (REUTERS) | Video: EPV',
        'Foto: Florion Goga (REUTERS) | Vídeo: EPV',
      ),
    ).toEqual({
      text: 'A centre for migrants built by Italy in Albania.',
      credit: 'Foto: Florion Goga (REUTERS) | Vídeo: EPV',
    });
    // A name of the credit early in a long caption is the caption's own.
    const reuters = 'A Reuters photographer waits at the border crossing near the camp all night.';
    expect(separateCredit(reuters, 'Reuters')).toEqual({ text: reuters, credit: null });
  });

  it('keeps a credit in another script apart, printed after the caption or not', () => {
    // Korean and Chinese newsrooms' credits, as detection takes them off the caption.
    expect(
      separateCredit('Chung Chung-rae speaks at the party meeting in Seoul.', '뉴스1'),
    ).toEqual({
      text: 'Chung Chung-rae speaks at the party meeting in Seoul.',
      credit: '뉴스1',
    });
    expect(
      separateCredit(
        'Sony has asked Washington to keep supplying Huawei.圖／騰訊科技',
        '圖／騰訊科技',
      ),
    ).toEqual({
      text: 'Sony has asked Washington to keep supplying Huawei.',
      credit: '圖／騰訊科技',
    });
  });
});
