import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { loadPage } from './corpus';

function bylineOf(key: string): string | null {
  const { doc, url } = loadPage(key);
  return detectArticle(doc, { url }).byline;
}

describe('byline', () => {
  it('reads the declared authors (de: dpa, lt: a name with its title and the site)', () => {
    expect(bylineOf('fundus/de-DieZeit_2023_04_28')).toBe('dpa');
    // JSON-LD: "Povilas Aleksandravičius, Mykolo Romerio universiteto … profesorius, Lrt.lt".
    expect(bylineOf('fundus/lt-LRT_2024_03_31')).toBe('Povilas Aleksandravičius');
  });

  it('passes over an address or an e-mail given as the author (en, de)', () => {
    // article:author is "https://www.thenation.com/authors"; sailthru.author names the writer.
    expect(bylineOf('fundus/us-TheNation_2023_05_15')).toBe('Sarah Lazare');
    // The author meta tag holds "d.kuckelkorn@boersen-zeitung.de".
    expect(bylineOf('fundus/de-BoersenZeitung_2024_10_23')).toBe('Dieter Kuckelkorn');
  });

  it('passes over the site given as the author for the byline the page shows (de, vi)', () => {
    // "mdr.de" declared; the page shows "von David Straub, MDR THÜRINGEN".
    expect(bylineOf('fundus/de-MDR_2023_04_28')).toBe('David Straub, MDR THÜRINGEN');
    // JSON-LD author "STERN.de"; the page shows "von Jemima Kelly" beside a hidden brand label.
    expect(bylineOf('fundus/de-Stern_2024_11_05')).toBe('Jemima Kelly');
    // The publisher as the author says nothing the source line does not.
    expect(bylineOf('fundus/vn-VnExpress_2025_10_22')).toBeNull();
  });

  it('reads the byline the page shows when none is declared (de)', () => {
    // Three names, each in its own <span>, with nothing between them.
    expect(bylineOf('fundus/at-DerStandard_2024_05_03')).toBe(
      'Birgit Baumann, Anna Giulia Fink, Jan Michael Marchart',
    );
    expect(bylineOf('fundus/de-RBB24_2024_04_25')).toBe('Eva Kirchner-Rätsch');
  });

  it('takes no label, comment author or author archive link for the byline (de)', () => {
    // "Veröffentlicht am" labels the date, "Zeige alle Beiträge von …" links the archive, and
    // commenters are named "comment-author"; the byline is "von Michael Veeser-Dombrowski".
    expect(bylineOf('trafilatura-eval/grossefragen.wordpress.com.projekt')).toBe(
      'Michael Veeser-Dombrowski',
    );
  });

  it('takes a placeholder for no byline (en: "No Author", de: an "Autoreninfo" label)', () => {
    expect(bylineOf('trafilatura-eval/japantimes.co.jp.surgical')).toBeNull();
    expect(bylineOf('trafilatura-eval/cicero.de.pandemie')).toBeNull();
  });

  it('takes no label for the byline (de: "Datum:" in a livenet.ch date and author line)', () => {
    expect(bylineOf('trafilatura-eval/livenet.ch-sprache')).not.toBe('Datum:');
  });

  it('takes no lone "By" for the byline (de: hertha-blog.de, "By" and the name apart)', () => {
    expect(bylineOf('trafilatura-eval/hertha-blog.de.dame')).toBe('Daniel');
  });
});
