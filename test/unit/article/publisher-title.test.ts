import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { hostnameBrand } from '../../../utils/article/publisher';
import { parseHtml } from '../../../scripts/lib/corpus';
import { loadPage, loadTruth } from './corpus';

function detect(key: string, options: { unknownSite?: boolean } = {}) {
  const { doc, url } = loadPage(key);
  return detectArticle(doc, { url, ...(options.unknownSite ? { sites: [] } : {}) });
}

describe('publisher name on real pages', () => {
  it.each([
    // JSON-LD names the company (Tamedia AG); og:site_name names the paper.
    ['fundus/ch-TagesAnzeiger_2024_09_04', 'Tages-Anzeiger'],
    // JSON-LD name is the domain "ndr.de"; its alternateName is the broadcaster.
    ['fundus/de-NDR_2025_06_18', 'Norddeutscher Rundfunk'],
    // JSON-LD in Devanagari, og:site_name in Latin letters the reader can read.
    ['fundus/ind-Bhaskar_2024_09_04', 'Dainik Bhaskar'],
    // The organisation's name is a tagline; the title suffix spells the address.
    ['fundus/us-TheGatewayPundit_2023_04_28', 'The Gateway Pundit'],
    // Only Japanese names declared ("中日新聞Web"), and not in the registry: the name the footer
    // prints in Latin letters ("Copyright © The Chunichi Shimbun, All Rights Reserved.").
    ['fundus/jp-ChunichiShimbun_2025_01_13', 'The Chunichi Shimbun'],
    // In the registry: its curated name.
    ['fundus/jp-MainichiShimbun_2025_01_14', 'Mainichi Shimbun'],
    // Declared only as "og:site:name", a common misspelling of og:site_name.
    ['fundus/de-BoersenZeitung_2024_10_23', 'Börsen-Zeitung'],
    // The only declared name with Latin letters mixes in Japanese ("日刊ゲンダイDIGITAL"): the
    // footer's "Copyright (C) Nikkan Gendai. All Rights Reserved".
    ['fundus/jp-NikkanGeadai_2025_01_31', 'Nikkan Gendai'],
    // Japanese names only; the copyright line sets the company ("Nikkei Inc.") beside a logo,
    // with no sign: its name without the legal form, as it spells the address.
    ['fundus/jp-Nikkei_2025_01_27', 'Nikkei'],
  ])('%s → %s', (key, name) => {
    expect(detect(key).publisher).toBe(name);
  });

  // As if the site were not in the registry: what a reader gets on a site they enabled themselves.
  it.each([
    // JSON-LD names the domain "mz.de"; the copyright meta tag names the paper (mz = its initials).
    ['fundus/de-MitteldeutscheZeitung_2024_04_30', 'Mitteldeutsche Zeitung'],
    // No name declared at all; the masthead logo's alt text is the agency (aa = its initials).
    ['fundus/tr-AnadoluAjansi_2025_04_05', 'Anadolu Ajansı'],
    // Logo alt texts with a slogan ("Golem.de - IT-News für Profis") or "Startseite" are not names.
    ['fundus/de-Golem_2024_04_28', 'Golem'],
    // ...and with no name left, the host as written.
    ['fundus/de-Hessenschau_2024_04_27', 'hessenschau.de'],
    // No name declared; the footer's "© 2023 KBS WORLD All Rights Reserved." without the phrase
    // after the name, which no comma sets apart.
    ['htmldate-eval/world.kbs.co.kr-Temperatures', 'KBS WORLD'],
    // The page names itself by its address ("Express.co.uk"): the host as written, not the
    // company in its footer ("Copyright ©2024 Express Newspapers").
    ['fundus/uk-Express_2024_07_18', 'express.co.uk'],
    // Only Japanese names, and a footer naming the owner ("The Chunichi Shimbun"), whose name
    // does not spell this address (tokyo-np.co.jp): the host as written.
    ['fundus/jp-TokyoShimbun_2025_01_13', 'tokyo-np.co.jp'],
    // A footer's "© 1995-2020" names no one: the host as written.
    ['trafilatura-eval/sportowefakty.wp.pl.falubaz', 'sportowefakty.wp.pl'],
    // Nothing declared but the handle: the address's name as the publisher spells it.
    ['fundus/de-WinFuture_2024_04_29', 'WinFuture'],
    // No name declared: the host as written, not an acronym or a capitalisation of our own.
    ['trafilatura-eval/bka.de-messengerdienste', 'bka.de'],
    ['trafilatura-eval/emacspeak.blogspot.com.meta', 'emacspeak.blogspot.com'],
    // og:site_name with the site's slogan: the part that spells the address.
    ['scrapinghub/34a7328535ad4e60b059f81d37eec5d25c2bc8de759ce9a7b5e47ac7dc6fd1b0', 'LinkNaija'],
    ['trafilatura-eval/dw.com.colonial', 'Deutsche Welle'],
    // An unfilled template ("{$plugin.tx_news.opengraph.site_name}") is no name.
    ['trafilatura-eval/mpimet.de.klimasystem', 'MPI fuer Meteorologie Hamburg'],
    // JSON-LD gives the address ("https://www.mesopinions.com/") as the name: shown as a host.
    ['trafilatura-eval/mesopinions.com.mutilation', 'mesopinions.com'],
    // The publisher meta tag carries an e-mail address after the name.
    ['trafilatura-eval/buero-hoppe.de.baumgutachten', 'Lüder Hoppe'],
    // application-name holds the page's title: the host as written.
    ['trafilatura-eval/msn.com.university', 'msn.com'],
  ])('%s on a site outside the registry → %s', (key, name) => {
    expect(detect(key, { unknownSite: true }).publisher).toBe(name);
  });

  it('reads a name ending in "…ías" as a name, not a company ending in "AS"', () => {
    // A made-up page: no corpus page declares such a name, and JavaScript's \b takes "í" for a
    // word's edge.
    const url = 'https://www.todaslastecnologias.com/articulo';
    const doc = parseHtml(
      '<html lang="es"><head><meta property="og:site_name" content="Todas las Tecnologías">' +
        '<title>Titular</title></head><body><p>Texto.</p></body></html>',
      url,
    );
    expect(detectArticle(doc, { url, sites: [] }).publisher).toBe('Todas las Tecnologías');
  });

  it('turns an address into a name', () => {
    expect(hostnameBrand('www.boersen-zeitung.de')).toBe('Boersen Zeitung');
    expect(hostnameBrand('www.tokyo-np.co.jp')).toBe('Tokyo Np');
    expect(hostnameBrand('www.aa.com.tr')).toBeNull();
    expect(hostnameBrand('www.bka.de')).toBe('BKA');
    expect(hostnameBrand('chabermu.wordpress.com')).toBe('Chabermu');
  });
});

describe('headline text on real pages', () => {
  it.each([
    // og:title and JSON-LD agree; the <h1> carries a kicker in its own span.
    ['fundus/de-MDR_2023_04_28', 'H1'],
    // og:title and JSON-LD agree on a headline whose last part looks like a site name; the only
    // <h1> sits in the breadcrumb trail. The page shows the story under a reworded headline
    // ("„Wegovy“: So teuer wird die Abnehmspritze…"): that <h2> is translated in place.
    ['fundus/de-WAZ_2023_06_29', 'H2'],
    // The <h1> is in the breadcrumb trail; the <h2> over the story adds a word ("Diese zwei
    // Grafiken zeigen…").
    ['fundus/de-DieWelt_2023_04_28', 'H2'],
    // The only <h1> is in the navigation; the <h2> shown over the story rewords og:title
    // ("Feuer in Lichterfelde: Warnung vor giftigen Rauchgasen"), JSON-LD has an older headline.
    ['fundus/de-BerlinerMorgenpost_2024_05_03', 'H2'],
    // The kicker <span> runs into the headline in the DOM text; the declared title is spaced.
    ['fundus/lu-Tageblatt_2025_06_30', 'H1'],
    // The headline box is "articleHeader column hasCaption": a state class in camelCase says
    // it holds a photo caption, not that it is one.
    ['fundus/no-Dagbladet_2026_01_06', 'H1'],
    // The <h2> shows a kicker, then og:title: it is the headline on the page.
    ['fundus/ch-TagesAnzeiger_2026_05_18', 'H2'],
  ])('%s', (key, headlineTag) => {
    const article = detect(key);
    const truth = loadTruth(key).title ?? '';
    const words = (t: string) => t.match(/[\p{L}\p{N}]+/gu)?.join(' ');
    expect(words(article.title)).toBe(words(truth));
    expect(article.titleElement?.tagName).toBe(headlineTag);
  });
});

describe('declared title without the site name', () => {
  it.each([
    // og:site_name holds a separator itself: "AOC media - Analyse Opinion Critique".
    [
      'trafilatura-eval/aoc.media.archaisme',
      'Pour le néolibéralisme, la retraite est un archaïsme',
    ],
    // The site's name, then its slogan.
    ['trafilatura-eval/journelles.de.westwing', 'Christmas Gift Guide'],
    ['trafilatura-eval/petri-heil-ch-hechte', 'Bielersee-Winterhechte'],
    // A separator with nothing after it.
    ['trafilatura-eval/changenow.de.loibl', 'Über André Loibl'],
    // A closing guillemet is not a separator.
    [
      'trafilatura-eval/france.attc.org-privatisations',
      "« Les privatisations sont au profit d'intérêts privés, financiers, des multinationales et au détriment des salariés et des usagers »",
    ],
    // og:title is the <h1> with the site's name and a date after it: "… | DW | 19.01.2020".
    [
      'trafilatura-eval/dw.com.colonial',
      "Berlin confronts Germany's colonial past with new initiative",
    ],
    // The same with unspaced full-width separators: "…一枚」（2020年2月15日）｜BIGLOBEニュース".
    [
      'htmldate-mediacloud/1521513101',
      '乃木坂46・与田祐希“ちょんまげ＆すっぴんショット”公開「お気に入りの一枚」',
    ],
    // No <h1> (the page is built by script); og:title joins section and site without spaces:
    // "…부담 커졌다-정치ㅣ한국일보".
    [
      'fundus/kr-HankookIlbo_2026_01_29',
      "장동혁, 한동훈 제명했지만… '윤 어게인' 절연 ·외연 확장 부담 커졌다",
    ],
    // The site's name before the headline ("NEWS WEB EASY|…"); the <h1> spells each word's
    // reading in ruby (<rt>こ</rt>), which is no part of the headline.
    ['trafilatura-eval/nhk.or.jp.k100', '子どもへの体罰を禁止する法律ができる'],
    // After a dash a short part may be a clause of the headline ("…Prince Harry – again"): only a
    // site's name goes there, and Habertürk's "Güncel haberler" stays as og:title has it.
    [
      'fundus/tr-Haberturk_2024_07_03',
      "Türkiye'de orman yangınları! Yangınlarda son durum! - Güncel haberler",
    ],
  ])('%s', (key, title) => {
    expect(detect(key).title).toBe(title);
  });
});

describe('a headline with its kicker written into it', () => {
  it('anchors the lead below it (de: stern)', () => {
    const { doc, url } = loadPage('trafilatura-eval/d70fab3adde74d5fb63552855c981395');
    const article = detectArticle(doc, { url });
    expect(article.titleElement?.id).toBe('mainTitle');
    expect(article.lead).toContain('Schwere Schlappe für Boris Johnson');
  });
});

describe('a headline in a box also named for the byline', () => {
  it('is the headline, not a byline box, so the story starts below it (en: NBC DFW)', () => {
    const key = 'scrapinghub/51d066b0602c9421d8d6410bc4b931700978409a3faa2a984e8fbde519ad7241';
    // <div class="headline_region" id="article_0_headline_byline"><h1>…; a video's
    // <span class="leadMediaTitle"> below the seventh paragraph repeats og:title.
    expect(loadPage(key).doc.querySelector('#article_0_headline_byline h1')).not.toBeNull();
    const article = detect(key);
    expect(article.titleElement?.tagName).toBe('H1');
    expect(article.title).toMatch(/Kidnapped Fort Worth Girl$/);
    const texts = article.blocks.map((b) => b.text);
    expect(texts).toContain(
      'The suspect, Michael Webb, was convicted and sentenced to life in federal prison last Thursday.',
    );
    expect(texts).toContain('The suspect said he needed to get dressed.');
  });
});

describe('a headline worded unlike every declared title', () => {
  it('is the page’s one unlinked <h1>, translated in place (de: MDR)', () => {
    const key = 'fundus/de-MDR_2026_07_08';
    // JSON-LD, og:title and <title> give three other headlines; a second <h1> links to the
    // section ("Mehr aus Sachsen-Anhalt") over the teasers below the story.
    const h1s = Array.from(loadPage(key).doc.querySelectorAll('h1'), (h) => h.textContent.trim());
    expect(h1s).toEqual([
      'So sind Straßenbahnen und Autobahnen auf künftige Hitzewellen vorbereitet',
      'Mehr aus Sachsen-Anhalt',
    ]);
    const article = detect(key);
    expect(article.titleElement?.textContent).toBe(h1s[0]);
    expect(article.lead).toMatch(/^Auch bei aktuell erträglichen Temperaturen/);
  });
});

describe('a logo set in an <h1>', () => {
  it('is not the headline, though the <title> ends with the same name (en: India Post)', () => {
    const key = 'scrapinghub/5f9c5ed5d64dfe682d9bde13b9b4f032a3ebdbf165c06ec49c0705bcbe106e3b';
    // <title>With shattered dreams… | India Post</title>, <h1>India Post</h1> in the masthead.
    expect(loadPage(key).doc.querySelector('h1')?.textContent).toBe('India Post');
    const article = detect(key);
    expect(article.titleElement?.className).toBe('article-title');
    expect(article.titleElement?.textContent).toBe(
      'With shattered dreams, deportees return home from US',
    );
  });

  it('is not the headline when it links to the front page (de: Internet-Law)', () => {
    const key = 'trafilatura-eval/internet-law.de.pseudonymen';
    // The page's only <h1> is the blog's name linking home, its slogan below it; the post's
    // title is an <h3>.
    const h1 = loadPage(key).doc.querySelector('h1');
    expect(h1?.innerHTML).toBe('<a href="http://www.internet-law.de">Internet-Law</a>');
    const article = detect(key);
    expect(article.title).toBe(
      'Verstößt der Ausschluss von Pseudonymen bei Google+ gegen deutsches Recht?',
    );
    expect(article.lead).not.toBe('Onlinerecht und Bürgerrechte 2.0');
  });

  it('is the headline when it is the only one and links elsewhere (de: Professor PC)', () => {
    // <h1><a href="https://www.youtube.com/watch?v=…">Time to say goodbye.</a></h1>: the post
    // links its title to the song it is named after.
    expect(detect('trafilatura-eval/prof-pc.de').title).toBe('Time to say goodbye.');
  });

  it('is not the headline of a blog that sets its name in one (de: WordPress blogs)', () => {
    // <h1>Disfunctions.de</h1> beside the post's <h2>; the lead was the blog's slogan.
    const article = detect('trafilatura-eval/disfunctions.de.podcasts');
    expect(article.title).toBe('Podcasts in Plex einbinden');
    expect(article.blocks.map((b) => b.text)).not.toContain(
      'Das Blog der gnadenlosen Fehlfunktionen!',
    );
  });
});
