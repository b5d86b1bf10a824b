import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { guessLanguage, textLanguage } from '../../../utils/article/language';
import { loadPage, loadTruth } from './corpus';

/** The headline and body text detection guesses from. */
function textOf(key: string): string {
  const { doc, url } = loadPage(key);
  const article = detectArticle(doc, { url });
  return `${article.title} ${article.blocks.map((b) => b.text).join(' ')}`;
}

describe('language of a page that declares none', () => {
  it.each([
    // By script alone.
    ['fundus/kr-HankookIlbo_2025_05_15', 'ko'],
    ['fundus/jp-ChunichiShimbun_2025_01_13', 'ja'],
    ['htmldate-eval/sohu.com-Likeqiang', 'zh'],
    ['fundus/lb-LBCGroup_2026_01_08', 'ar'],
    ['htmldate-mediacloud/1523806243', 'fa'],
    ['htmldate-mediacloud/1687581723', 'el'],
    ['fundus/ind-Bhaskar_2024_09_04', 'hi'],
    // By the commonest short words.
    ['fundus/ua-Pravda_2026_01_08', 'ru'],
    ['htmldate-mediacloud/1716869064', 'uk'],
    ['fundus/at-DerStandard_2024_05_03', 'de'],
    ['fundus/fr-EuronewsFR_2024_04_30', 'fr'],
    ['fundus/es-ABC_2025_01_13', 'es'],
    ['fundus/it-IlGiornale_2025_02_04', 'it'],
    ['htmldate-mediacloud/1542250510', 'pt'],
    ['htmldate-mediacloud/1721884119', 'nl'],
    ['htmldate-eval/wiadomosci.wp.pl-Tusk', 'pl'],
    ['fundus/cz-SeznamZpravy_2025_04_08', 'cs'],
    ['fundus/se-Aftonbladet_2026_01_08', 'sv'],
    ['fundus/tr-AnadoluAjansi_2025_04_05', 'tr'],
    ['htmldate-mediacloud/1699747711', 'fi'],
    ['htmldate-mediacloud/1686705395', 'hu'],
    ['htmldate-mediacloud/1716324024', 'ro'],
    ['fundus/id-MediaIndonesia_2026_01_20', 'id'],
  ])('%s reads as %s', (key, lang) => {
    expect(loadTruth(key).lang?.split('-')[0]).toBe(lang);
    expect(guessLanguage(textOf(key))).toBe(lang);
  });

  it('is no guess when the text is too short to tell', () => {
    expect(guessLanguage('Home Kontakt Impressum')).toBeNull();
  });

  it.each([
    // "Erstellt am Dienstag 6. Mai 2014" under the post; <html> has no lang.
    ['trafilatura-eval/disfunctions.de.podcasts', '2014-05-06'],
    // "15 августа 2016, 13:43" on a Russian page of a Ukrainian site.
    ['trafilatura-eval/football.ua.podolski', '2016-08-15'],
  ])('lets the date in the text be read (%s)', (key, date) => {
    const { doc, url } = loadPage(key);
    expect(doc.documentElement.hasAttribute('lang')).toBe(false);
    const article = detectArticle(doc, { url });
    expect(article.lang).toBeNull();
    expect(article.publishedTime?.slice(0, 10)).toBe(date);
  });
});

describe('language of a page that declares the wrong one', () => {
  it.each([
    // WordPress templates keep "en-US" on German, French and Arabic sites.
    ['trafilatura-eval/helge.at.mahu', 'en-US', 'de'],
    ['trafilatura-eval/madame.lefigaro.fr.dintestin', 'en', 'fr'],
    ['htmldate-mediacloud/1764731404', 'en-US', 'ar'],
    // A German blog's English post.
    ['htmldate-eval/verfassungsblog.de.decade', 'de', 'en'],
  ])('%s, declared %s, is in %s', (key, declared, lang) => {
    const { doc, url } = loadPage(key);
    expect(detectArticle(doc, { url }).lang).toBe(declared);
    expect(textLanguage(declared, textOf(key))).toBe(lang);
  });

  it('keeps the declared language the guess mixes up with another', () => {
    // Norwegian reads as Danish or Swedish to the guess.
    const key = 'fundus/no-Dagbladet_2024_08_04';
    expect(guessLanguage(textOf(key))).not.toBe('no');
    expect(textLanguage('no', textOf(key))).toBe('no');
    expect(textLanguage('nb-NO', textOf('fundus/no-Dagbladet_2026_01_06'))).toBe('nb-NO');
  });

  it('keeps the declared language when the text agrees or is too short to tell', () => {
    expect(textLanguage('de-AT', textOf('fundus/at-DerStandard_2024_05_03'))).toBe('de-AT');
    expect(textLanguage('en', 'Home Kontakt Impressum')).toBe('en');
  });
});
