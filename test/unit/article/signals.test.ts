import { describe, expect, it } from 'vitest';
import { readMeta } from '../../../utils/article/meta';
import { readStructuredData } from '../../../utils/article/structured-data';
import { descendants, indexElements, weightedLength } from '../../../utils/article/text';
import { stripSiteName } from '../../../utils/article/title';
import { decodePage } from '../../../scripts/lib/corpus';
import { loadPage, loadTruth } from './corpus';

describe('structured data and meta tags', () => {
  it('reads the JSON-LD NewsArticle of a real page', () => {
    const key = 'fundus/at-DerStandard_2024_05_03';
    const { doc } = loadPage(key);
    const data = readStructuredData(indexElements(doc.documentElement).all);
    expect(data.isArticle).toBe(true);
    expect(data.headline).toBe(loadTruth(key).title);
    expect(data.datePublished).toMatch(/^2024-05-03/);
  });

  it('reads JSON-LD with comment lines and authors given as a list of references', () => {
    const doc = new DOMParser().parseFromString(
      `<script type="application/ld+json">{
        // written by the CMS
        "@graph": [
          {"@type": "NewsArticle", "headline": "Headline", "author": [{"@id": "#a"}, {"@id": "#b"}]},
          {"@type": "Person", "@id": "#a", "name": "Jane Doe"},
          {"@type": "Person", "@id": "#b", "name": "Max Muster"}
        ]
      }</script>`,
      'text/html',
    );
    const data = readStructuredData(indexElements(doc.documentElement).all);
    expect(data.headline).toBe('Headline');
    expect(data.authors).toEqual(['Jane Doe', 'Max Muster']);
  });

  it('reads a JSON-LD block with a stray closing brace after it (avaz.ba)', () => {
    const key = 'htmldate-mediacloud/1750355638';
    const { doc } = loadPage(key);
    const data = readStructuredData(indexElements(doc.documentElement).all);
    expect(data.headline).toBe('Generalni direktor EPRS pozitivan na koronavirus');
    // Not the date of the related story the page prints first ("09.08.2020 u 10:52").
    expect(data.datePublished?.slice(0, 10)).toBe(loadTruth(key).date?.slice(0, 10));
  });

  it('reads JSON-LD written by hand: comments, single quotes, trailing commas, a second value', () => {
    const doc = new DOMParser().parseFromString(
      `<script type="application/ld+json">
        {
          "@type": "NewsArticle", // "Article" before the redesign
          "headline": 'Rain in "Spain" isn\\'t news',
          "description": "Two lines
of description",
          /* authors, one day */
          "author": [{"@type": "Person", "name": "Jane Doe"},],
        };
        {"@type": "Organization", "name": "The Daily", "url": "https://daily.example/"}
      </script>`,
      'text/html',
    );
    const data = readStructuredData(indexElements(doc.documentElement).all);
    expect(data.isArticle).toBe(true);
    expect(data.headline).toBe(`Rain in "Spain" isn't news`);
    expect(data.description).toBe('Two lines of description');
    expect(data.authors).toEqual(['Jane Doe']);
  });

  it('reads Open Graph tags', () => {
    const { doc } = loadPage('fundus/ua-Pravda_2026_01_08');
    const meta = readMeta(descendants(doc.documentElement));
    expect(meta.get('og:title')).toBeTruthy();
    expect(meta.get('og:site_name')).toBeTruthy();
  });

  it('removes the site name from a declared title', () => {
    expect(stripSiteName('Headline of the day | Le Monde', ['Le Monde'])).toBe(
      'Headline of the day',
    );
    expect(stripSiteName('DER SPIEGEL - Headline of the day', ['Der Spiegel'])).toBe(
      'Headline of the day',
    );
  });

  it('weighs CJK characters like Latin words', () => {
    expect(weightedLength('地震')).toBe(6);
  });
});

describe('page decoding', () => {
  it('decodes by the meta charset, as a browser would', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="windows-1252"><p>F'),
      0xfc,
      ...new TextEncoder().encode('r</p>'),
    ]);
    expect(decodePage(bytes)).toContain('Für');
  });

  it("decodes by the server's charset over the page's <meta>, as a browser would", () => {
    const bytes = new TextEncoder().encode('<meta charset="iso-8859-1"><p>sanción</p>');
    expect(decodePage(bytes, 'utf-8')).toContain('sanción');
    expect(decodePage(bytes)).toContain('sanciÃ³n');
  });

  it('reads a page stored as UTF-8 under a Latin-1 <meta> as its server sent it (es: El Mundo)', () => {
    const { doc } = loadPage('fundus/es-ElMundo_2024_12_02');
    const h1 = doc.querySelector('h1')?.textContent ?? '';
    expect(h1).toContain('sanción');
    expect(h1).not.toMatch(/Ã/);
  });
});
