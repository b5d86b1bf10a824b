import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { collapse, normalizeKey } from '../../../utils/article/text';
import { loadPage, loadTruth, shingleF1 } from './corpus';

/** One real page per script and several languages: Latin, Cyrillic, CJK, Arabic. */
const PAGES: [key: string, language: string, minBodyF1: number][] = [
  ['fundus/at-DerStandard_2024_05_03', 'de', 0.95],
  ['fundus/fr-EuronewsFR_2026_01_06', 'fr', 0.95],
  ['fundus/es-Publico_2025_05_29', 'es', 0.95],
  ['fundus/ua-Pravda_2026_01_08', 'ru', 0.95],
  ['fundus/jp-MainichiShimbun_2025_01_14', 'ja', 0.95],
  ['fundus/kr-HankookIlbo_2025_05_15', 'ko', 0.95],
  ['fundus/lb-LBCGroup_2026_01_08', 'ar', 0.9],
];

describe('detectArticle on real news pages', () => {
  for (const [key, language, minF1] of PAGES) {
    it(`finds body, headline, date and publisher (${language}: ${key})`, () => {
      const { doc, url } = loadPage(key);
      const truth = loadTruth(key);
      const article = detectArticle(doc, { url });
      expect(article.isArticle).toBe(true);
      const text = article.blocks.map((b) => b.text).join('\n\n');
      expect(shingleF1(truth.body_text ?? '', text)).toBeGreaterThanOrEqual(minF1);
      expect(normalizeKey(article.title)).toBe(normalizeKey(truth.title ?? ''));
      expect(article.publishedTime?.slice(0, 10)).toBe(truth.date?.slice(0, 10));
      expect(article.lang?.slice(0, 2)).toBe(truth.lang === 'ru' ? 'ru' : language);
      expect(article.publisher).toBeTruthy();
    });
  }

  it('returns blocks that are real elements of the page, in reading order, never nested', () => {
    const { doc, url } = loadPage('fundus/at-DerStandard_2024_05_03');
    const { blocks, titleElement } = detectArticle(doc, { url });
    expect(blocks.length).toBeGreaterThan(5);
    for (const [i, block] of blocks.entries()) {
      expect(block.element.ownerDocument).toBe(doc);
      expect(doc.documentElement.contains(block.element)).toBe(true);
      const next = blocks[i + 1];
      if (next) expect(block.element.compareDocumentPosition(next.element) & 4).toBe(4);
      for (const other of blocks) {
        if (other !== block) expect(block.element.contains(other.element)).toBe(false);
      }
    }
    expect(titleElement?.tagName).toBe('H1');
  });

  it('finds the lead and marks it as the first block', () => {
    const key = 'fundus/at-DerStandard_2024_05_03';
    const { doc, url } = loadPage(key);
    const truth = loadTruth(key);
    const article = detectArticle(doc, { url });
    expect(normalizeKey(article.lead)).toBe(normalizeKey((truth.lead ?? []).join(' ')));
    expect(article.blocks[0]?.kind).toBe('lead');
  });

  it('keeps photo credits apart from captions', () => {
    const key = 'fundus/de-SpiegelOnline_2023_04_28';
    const { doc, url } = loadPage(key);
    const { captions } = detectArticle(doc, { url });
    const truthCaption = normalizeKey(loadTruth(key).images?.[0]?.caption ?? '');
    const caption = captions.find((c) => truthCaption.includes(normalizeKey(c.text)));
    expect(caption?.credit).toMatch(/AP/);
    expect(caption?.text).not.toMatch(/Foto:/);
  });

  it('works on a page without structured data (no JSON-LD, no microdata)', () => {
    const key = 'fundus/de-NetzpolitikOrg_2024_04_28';
    const { doc, url } = loadPage(key);
    expect(doc.querySelector('script[type="application/ld+json"], [itemscope]')).toBeNull();
    const article = detectArticle(doc, { url });
    const text = article.blocks.map((b) => b.text).join('\n\n');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.95);
  });

  it('keeps the body the JSON-LD declares when the page hides most of it (paywall)', () => {
    const key = 'fundus/es-ABC_2026_04_25';
    const { doc, url } = loadPage(key);
    const article = detectArticle(doc, { url });
    const shown = article.blocks.map((b) => b.text).join('\n\n');
    const truth = loadTruth(key).body_text ?? '';
    expect(shingleF1(truth, shown)).toBeLessThan(0.3);
    expect(shingleF1(truth, article.declaredBody ?? '')).toBeGreaterThan(0.9);
    expect(article.isArticle).toBe(true);
    // A page that shows its whole article declares nothing extra.
    const full = loadPage('fundus/at-DerStandard_2024_05_03');
    expect(detectArticle(full.doc, { url: full.url }).declaredBody).toBeNull();
  });

  it('says a page is not an article instead of returning its navigation', () => {
    const { doc, url } = loadPage('htmldate-eval/500px.com.spring');
    expect(detectArticle(doc, { url }).isArticle).toBe(false);
  });

  it('knows an article whose text box also holds teaser headlines (Seznam Zprávy)', () => {
    // 14 linked headlines ("Nejnovější", related stories) sit in the story's box and no
    // paragraph is long, as on a section page; but the page declares a NewsArticle and shows
    // 5,000 characters of it.
    const key = 'fundus/cz-SeznamZpravy_2025_11_06';
    const { doc, url } = loadPage(key);
    const article = detectArticle(doc, { url });
    expect(article.isArticle).toBe(true);
    const text = article.blocks.map((b) => b.text).join('\n\n');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.95);
  });

  it('gives the canonical address absolute when the page writes it relative (Heise)', () => {
    // The popup links the source with it: "/news/…" would open inside the extension.
    const { doc, url } = loadPage('fundus/de-Heise_2024_04_19');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/^\/news\//);
    expect(detectArticle(doc, { url }).canonicalUrl).toBe(
      'https://www.heise.de/news/Ionos-Phishing-Masche-mit-neuen-EU-Richtlinien-soll-Opfer-ueberzeugen-9691259.html',
    );
  });

  it('measures the page afresh when run again after paragraphs arrive late', () => {
    // The content script runs detection again when the page adds paragraphs. A wrapper named
    // after its share feature holding one line is a share bar; holding the story, it is the
    // story's wrapper, and the second run must see that.
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} of the story tells the reader what happened in the town hall today, and why it matters to them.</p>`;
    const doc = new DOMParser().parseFromString(
      `<html lang="en"><body><h1>The council votes on the new bridge</h1><div class="entry sharing-container">${paragraph(1)}</div></body></html>`,
      'text/html',
    );
    expect(detectArticle(doc).blocks.map((b) => b.text)).not.toContain(
      collapse(paragraph(1).replace(/<\/?p>/g, '')),
    );
    doc
      .querySelector('.sharing-container')!
      .insertAdjacentHTML('beforeend', [2, 3, 4, 5, 6, 7, 8].map(paragraph).join(''));
    expect(detectArticle(doc).blocks.length).toBeGreaterThanOrEqual(8);
  });

  it('reads an article set 5,000 elements deep as it reads it on the page (hostile page)', () => {
    // A page can nest its story as deep as it likes by script; detection walks the DOM
    // without recursion, so the call stack never overflows.
    const { doc, url } = loadPage('fundus/de-MDR_2026_07_08');
    const plain = detectArticle(doc, { url });
    let box = doc.body;
    for (let i = 0; i < DEEP_NESTING; i++) box = box.appendChild(doc.createElement('div'));
    while (doc.body.firstChild !== doc.body.lastChild) box.appendChild(doc.body.firstChild!);
    const deep = detectArticle(doc, { url });
    expect(deep.title).toBe(plain.title);
    expect(deep.lead).toBe(plain.lead);
    expect(deep.blocks.map((b) => b.text)).toEqual(plain.blocks.map((b) => b.text));
    expect(deep.publishedTime).toBe(plain.publishedTime);
    expect(deep.captions.map((c) => c.text)).toEqual(plain.captions.map((c) => c.text));
  });
});

/** Twice as deep as a recursive walk went in Node before the call stack overflowed (~2,500). */
const DEEP_NESTING = 5_000;
