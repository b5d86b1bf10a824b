import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { loadPage, loadTruth, shingleF1 } from './corpus';

/** The body text as the extract script writes it. */
function bodyOf(key: string): string {
  const { doc, url } = loadPage(key);
  return detectArticle(doc, { url })
    .blocks.map((b) => b.text)
    .join('\n\n');
}

/** The body of an article of `lines` between paragraphs of `filler` (four before, one after). */
function bodyAmong(title: string, filler: string, lines: string[]): string {
  const paragraphs = [...Array(4).fill(filler), ...lines, filler].map((l) => `<p>${l}</p>`);
  const doc = new DOMParser().parseFromString(
    `<html><body><article><h1>${title}</h1>${paragraphs.join('')}</article></body></html>`,
    'text/html',
  );
  return detectArticle(doc)
    .blocks.map((b) => b.text)
    .join('\n');
}

describe('body: cleaning rules on real news pages', () => {
  it('reads prose written between <br>s beside subheadings (de: WinFuture)', () => {
    const key = 'fundus/de-WinFuture_2024_04_29';
    const text = bodyOf(key);
    expect(text).toContain('Nach dem laut Klarmobil großen Erfolg der Crash-Tarife');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.8);
  });

  it('reads a heading whose kicker is set in <font> whole (en: Taipei Times)', () => {
    // <h2><font class="red">CHINESE AGGRESSION:</font> Manila accused…</h2>
    const text = bodyOf('fundus/tw-TaipeiTimes_2024_10_15');
    expect(text).toContain(
      'CHINESE AGGRESSION: Manila accused Beijing’s ‘maritime militia’ of sideswiping',
    );
  });

  it('reads loose text in an inline wrapper beside pictures (en: AppleInsider review)', () => {
    const key = 'scrapinghub/65bf3048b500bbd84928d9122f99617ca898216b91add1d8b2ac09c670484a5c';
    const text = bodyOf(key);
    expect(text).toContain("We're not certain when Apple last issued four updates");
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.9);
  });

  it('reads a story set in parts beside an ad column named "sidebar-grid" (en: Politico Europe)', () => {
    const key = 'fundus/be-PoliticoEu_2025_10_23';
    const text = bodyOf(key);
    expect(text).toContain('Catherine Connolly, a former mayor of the western city of Galway');
    expect(text).toContain('Connolly in 2018 joined Daly and Wallace');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.9);
  });

  it('leaves out the next story of an endless page (no: Dagbladet)', () => {
    const text = bodyOf('fundus/no-Dagbladet_2026_01_06');
    expect(text).toContain('Nord-Korea');
    expect(text).not.toContain('Solskjær');
  });

  it('leaves out a ticker of linked headlines with blurbs cut by "..." (en: India Post)', () => {
    const key = 'scrapinghub/5f9c5ed5d64dfe682d9bde13b9b4f032a3ebdbf165c06ec49c0705bcbe106e3b';
    // <li><a>UN ‘regrets’ new US position…</a><span>UNITED NATIONS: …Palestinian territories
    // are...</span></li>, ten of them above the story.
    const text = bodyOf(key);
    expect(text).not.toContain('UN ‘regrets’ new US position on legality of Israeli settlements');
    expect(text).toContain('“This was the fourth time I have been deported,” said Singh Jabarjung');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.9);
  });

  it('keeps a paragraph that opens with a link and trails off (en: The Verge on Stadia)', () => {
    const text = bodyOf(
      'scrapinghub/e100c9612ad8495db03b2a9f968952d0eaa4853d9b32ded6a29f8e313a974873',
    );
    expect(text).toContain('According to The Verge’s Stadia review');
  });

  it('leaves out related posts nested as articles in the article (pt: blog)', () => {
    const key = 'scrapinghub/b3c19dd5f0612d098788fa5173e491b3280da6226b492f8fe110f4ab1896cca8';
    const text = bodyOf(key);
    expect(text).not.toContain('Você pode gostar');
    expect(text).not.toContain('Gratidão pela vida está nos detalhes');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.9);
  });

  it('leaves out subscription boxes hidden by a utility class (en: Financial Post)', () => {
    const text = bodyOf('fundus/ca-FinancialPost_2026_06_06');
    expect(text).not.toContain('Subscribe now to read the latest news');
    expect(text).not.toContain('Daily puzzles, including the New York Times Crossword');
  });

  it('leaves out embedded tweets and the author box (en: Gateway Pundit)', () => {
    const key = 'fundus/us-TheGatewayPundit_2026_07_19';
    const text = bodyOf(key);
    expect(text).not.toContain('(@RT_com)');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.9);
  });

  it('keeps an article whose wrapper is named after its share feature (de: blog)', () => {
    const key = 'trafilatura-eval/0a4a8ab61c054192b1ec70cc3570cf45';
    const text = bodyOf(key);
    for (const phrase of loadTruth(key).with ?? []) expect(text).toContain(phrase);
  });

  it('finds a story written as loose text in a column beside menus (pt: city hall news)', () => {
    const key = 'scrapinghub/f6ac15a4d98511396da23e4428deb5605422b1c8bbc8284e771f6896bdccf57f';
    const text = bodyOf(key);
    expect(text).toContain('registrou nesta manhã o arrombamento');
    expect(text).not.toContain('CNPJ');
  });

  it('leaves out a comment section named in German (de: angling news)', () => {
    const text = bodyOf('trafilatura-eval/petri-heil-ch-hechte');
    expect(text).not.toContain('Keine Kommentare');
  });

  it('leaves out a plea for donations set in the article (de: Greenpeace, nd, Achgut)', () => {
    const greenpeace = bodyOf('trafilatura-eval/greenpeace.de.nachhaltigleben');
    expect(greenpeace).toContain('Jede:r Deutsche kauft im Schnitt');
    expect(greenpeace).not.toContain('Greenpeace wird zu 100% von Privatpersonen finanziert.');
    const nd = bodyOf('trafilatura-eval/neues-deutschland.de.mietenstreik');
    expect(nd).toContain('In den Vereinigten Staaten trommeln Aktivisten');
    expect(nd).not.toContain('Besondere Zeiten erfordern besondere Maßnahmen');
    expect(bodyOf('trafilatura-eval/achgut.com-coronalage')).not.toContain(
      'Sie lesen gern Achgut.com?',
    );
  });

  it('leaves out an affiliate disclosure (en: travel blog)', () => {
    const text = bodyOf('trafilatura-eval/thepointsguy.com.alaska');
    expect(text).toContain('Alaska Airlines');
    expect(text).not.toContain('This post contains references to products');
  });

  it.each([
    // An unclosed <header role="banner"> puts the whole page, <main> included, inside it (es).
    'trafilatura-eval/diaadia.com.pa-ulpiano',
    // The story's microdata articleBody sits in an <aside> (de).
    'trafilatura-eval/rnz.de.witzel',
    // A blog theme names its post "instagram-media post-template-content" (de).
    'trafilatura-eval/frolleinherr.com.lost',
    // The whole page, <main> included, sits in <div id="theme-taboola"> (en).
    'trafilatura-eval/pawszilla.com.celine',
  ])('finds the story where markup or class names say otherwise (%s)', (key) => {
    const text = bodyOf(key).replace(/\s+/g, ' ');
    for (const phrase of loadTruth(key).with ?? []) expect(text).toContain(phrase);
  });

  it.each([
    // A <span> beside the article holds the page's scripts: their code is not loose text (de).
    ['trafilatura-eval/taucher.net-tauchmesse', 'Letzte Artikel'],
    // Sign-up notes outside <main> tip the sum to <body>; <main> holds nearly all the prose (de).
    ['trafilatura-eval/d42c68f1b0f4408b81cf8f00bbe1a631', 'Haben Sie schon ein Benutzerkonto?'],
    ['trafilatura-eval/geschichtedergegenwart.ch.foucault', 'lehrt Geschichte der Neu­zeit'],
    // The menu is a custom element, <pp-navigation>, with no class saying so (de).
    ['trafilatura-eval/bmas.de-anforderungen', 'NACH OBEN'],
  ])('finds the story and not the page around it (%s)', (key, outside) => {
    const text = bodyOf(key).replace(/\s+/g, ' ');
    for (const phrase of loadTruth(key).with ?? []) expect(text).toContain(phrase);
    expect(text).not.toContain(outside);
  });

  it('reads the story above a summary box repeating its headline (en: travel blog)', () => {
    const text = bodyOf('trafilatura-eval/tofugu.com.dezuka-suisan');
    expect(text).toContain('We picked out a couple of');
    expect(text).toContain('While they were cooking');
  });

  it('keeps sentences set in headings at the end of a post (de: blog)', () => {
    const text = bodyOf('trafilatura-eval/seglerblog.st_ssenseer.de.sauber').replace(/\s+/g, ' ');
    expect(text).toContain('Gestalte ein Plakat unter dem');
    expect(text).not.toContain('Post Views');
  });

  it('reads Japanese without the ruby readings over its kanji (ja: NHK easy news)', () => {
    const text = bodyOf('trafilatura-eval/nhk.or.jp.k100');
    expect(text).toContain('子どもへの虐待をなくすための法律ができて');
    expect(text).not.toContain('子こども');
  });

  it('reads a sentence set loose in bold among the paragraphs (de: magazine)', () => {
    const text = bodyOf('trafilatura-eval/for-me-online.de-pubert_t');
    expect(text).toContain('Dann ist sie wohl in der Pubertät!');
  });

  it('keeps a paragraph whose sentence runs on into a long link (pl: media news)', () => {
    const key =
      'trafilatura-eval/Maciej_Krzysztoszek_rzecznik_prasowy_Amica_mened_er_komunikacji_zewn_trznej';
    const text = bodyOf(key);
    expect(text).toContain('w dziale marketingu.');
  });

  it.each([
    // A poll box between the paragraphs: "Article_elementPoll".
    ['fundus/ch-ZwanzigMinuten_2024_12_17', 'Sollten Plattformen wie Tiktok strenger reguliert'],
    // A poll in the sidebar, whose question was taken for the lead: "widget poll".
    ['htmldate-mediacloud/1623715966', 'هل تؤيد طرح تخصصات'],
  ])("leaves out a reader poll's question (%s)", (key, question) => {
    expect(bodyOf(key)).not.toContain(question);
  });

  it('reads a short story whose page wrapper is named "caption" (fr: République togolaise)', () => {
    const text = bodyOf('htmldate-mediacloud/1551001635');
    expect(text).toContain('Décision prise mardi par la Confédération africaine de football');
  });

  it("leaves out microdata written as text: image address, publisher's name (ar: Sputnik)", () => {
    const text = bodyOf('htmldate-mediacloud/1550981615');
    expect(text.startsWith('أعلنت وزارة الصحة والسكان المصرية')).toBe(true);
    expect(text).not.toContain('sputniknews.com');
  });
});

describe('body: the text box inside its wrapper', () => {
  it.each([
    // A video's "copy the embed link" control beside the story's text box.
    [
      'fundus/de-EuronewsDE_2026_01_06',
      'Sowohl Verbündete als auch Gegner der Vereinigten Staaten',
      ['Den Link zum Einbetten des Videos kopieren'],
    ],
    // A community blog's disclaimers around the post.
    [
      'trafilatura-eval/freitag.de.morgen',
      'Die Thüringer Kultur kommt schrittweise aus der Corona-Zwangspause',
      ['Dieser Beitrag gibt die Meinung des Autors wieder', 'ein Blog aus der Freitag-Community'],
    ],
  ])('leaves out the lines a wrapper adds around the story (%s)', (key, story, extras) => {
    const text = bodyOf(key);
    expect(text).toContain(story);
    for (const extra of extras) expect(text).not.toContain(extra);
  });

  it('does not take a slider that outweighs the story for its text box (hu: obituaries)', () => {
    const text = bodyOf('htmldate-mediacloud/1686705395');
    expect(text).toContain('a Dél-pesti Centrumkórház infektológiai osztályának főorvosa');
  });

  it('keeps the lead that an <article> holds above its text box (de: Berliner Morgenpost)', () => {
    const { doc, url } = loadPage('fundus/de-BerlinerMorgenpost_2025_09_09');
    expect(detectArticle(doc, { url }).lead).toMatch(
      /^Die EZB steht vor dem nächsten Zinsentscheid/,
    );
  });
});

describe('body: share features', () => {
  it('reads a short article whose wrapper is named after its share feature (de: ZfK)', () => {
    const text = bodyOf('trafilatura-eval/zfk.de.waermepumpen');
    expect(text).toContain('Trotz schwieriger Lieferketten');
    expect(text).toContain('Gas rückläufig, aber immer noch dominierend');
  });

  it("leaves out a social embed's consent placeholder (de: OMR)", () => {
    const text = bodyOf('trafilatura-eval/omr.com-Schuhbrand');
    expect(text).not.toContain('Empfohlener redaktioneller Inhalt');
    expect(text).not.toContain('An dieser Stelle findet Ihr einen externen Inhalt');
  });

  it.each([
    ['fundus/de-Gamestar_2024_04_28', 'das nächste Galaxy Unpacked-Event am 10. Juli'],
    ['fundus/de-Tagesspiegel_2024_04_29', 'der warme Atlantik Einfluss auf unser Wetter'],
  ])('leaves out the consent note of an embed set in the text flow (%s)', (key, story) => {
    const text = bodyOf(key);
    expect(text).toContain(story);
    for (const note of [
      'Empfohlener redaktioneller Inhalt',
      'externen Inhalt',
      'Ich bin damit einverstanden',
      'Drittplattformen',
    ])
      expect(text).not.toContain(note);
  });
});

describe("body: notes on the reader's data", () => {
  it.each([
    // A registration form's terms and its reCAPTCHA note under an interview.
    [
      'fundus/uk-EveningStandard_2024_10_24',
      'As I sit opposite Sir Tony Blair',
      ['I would like to be emailed', 'By clicking Create Account', 'protected by reCAPTCHA'],
    ],
    // A sign-up box's pitch, on two sites of one publisher.
    [
      'fundus/uk-Express_2024_07_18',
      'Royal commentator Lee Cohen',
      ['special offers, promotions, and adverts'],
    ],
    [
      'htmldate-eval/belfastlive.co.uk-DUP',
      'A DUP councillor has said that offensive signs',
      ['scan the QR code'],
    ],
    // A cookie banner's text, in German and in English on a French site.
    ['trafilatura-eval/holzwerken.net-Kreissaege', 'Kurz angezeichnet', ['verwenden wir Cookies']],
    ['htmldate-eval/medef.fr.dispute', 'Litigation is in most cases', ['Our website uses cookies']],
  ])('leaves out a cookie, form or sign-up note (%s)', (key, story, notes) => {
    const text = bodyOf(key);
    expect(text).toContain(story);
    for (const note of notes) expect(text).not.toContain(note);
  });
});

describe('body: forms', () => {
  it.each([
    // A registration wall under an interview, and the newsletter box above it.
    [
      'fundus/uk-EveningStandard_2024_10_24',
      'As I sit opposite Sir Tony Blair',
      ['Must be at least 6 characters', 'Get our award-winning daily news email'],
    ],
    // A newsletter sign-up and an appeal for money set as forms in the text.
    [
      'fundus/us-TheNation_2024_01_11',
      'Chris Christie quit his longshot bid',
      ['A weekly digest of the best of our coverage'],
    ],
    [
      'fundus/pt-ThePortugalNews_2025_02_03',
      'Athena Advisers recorded a 40% increase',
      ['You can change how much you give'],
    ],
    // A form asking readers for tips, under a story.
    [
      'trafilatura-eval/elcolumbiano.com-alcaldia',
      'fueron vistos',
      ['INGRESE SUS DATOS PERSONALES'],
    ],
  ])('leaves out what a form asks of the reader (%s)', (key, story, asks) => {
    const text = bodyOf(key);
    expect(text).toContain(story);
    for (const ask of asks) expect(text).not.toContain(ask);
  });

  it('reads a page that sits whole in one form (ASP.NET)', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body><form id="aspnetForm"><div class="story"><h1>Ein Titel</h1>${'<p>Ein langer Absatz über das Thema des Tages, mit allen Einzelheiten dazu.</p>'.repeat(12)}</div></form></body></html>`,
      'text/html',
    );
    expect(detectArticle(doc).blocks.length).toBeGreaterThanOrEqual(12);
  });
});

describe('body: paywalls', () => {
  it('reads the paid text in a wrapper named after the paywall (de, es, en)', () => {
    const handelsblatt = bodyOf('trafilatura-eval/handelsblatt.com.grenzschliessungen');
    expect(handelsblatt).toContain('emotional wurde, erinnerte er sich daran');
    expect(handelsblatt).toContain('Von wegen. Am Sonntag, 15. März 2020');
    for (const key of [
      'fundus/es-ABC_2025_01_13',
      'scrapinghub/f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584',
    ])
      expect(shingleF1(loadTruth(key).body_text ?? '', bodyOf(key))).toBeGreaterThan(0.95);
    // "paywallBlockedContent": the structured data marks it as the paid part of the article.
    const bhaskar = 'fundus/ind-Bhaskar_2024_09_04';
    expect(shingleF1(loadTruth(bhaskar).body_text ?? '', bodyOf(bhaskar))).toBeGreaterThan(0.9);
  });

  it("leaves out a shared login's dialog set inside the article (es: El País)", () => {
    // <article> … <div id="me-dis"><h2>Tu suscripción se está usando en otro dispositivo</h2>
    // <p>¿Quieres añadir otro usuario a tu suscripción?</p> … </div></article>
    const key = 'fundus/es-ElPais_2024_10_15';
    const text = bodyOf(key);
    expect(text).toContain('El consenso sobre la política de asilo se resquebraja.');
    expect(text).not.toContain('Tu suscripción se está usando en otro dispositivo');
    expect(text).not.toContain('¿Quieres añadir otro usuario a tu suscripción?');
    expect(text).not.toContain('Si continúas leyendo en este dispositivo');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.97);
  });

  it("keeps a section about shared accounts whose heading is the story's", () => {
    const story =
      '<p>Streaming services have started to charge households that share one login with friends, and many readers wrote to us about it.</p>';
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Sharing a login</h1>${story.repeat(4)}<section><h2>What happens when your account is used on another device</h2><p>The service sends a code to the main account holder, who has to confirm it within fifteen minutes.</p><p>Without that code, the other device can watch for a week.</p></section></article></body></html>`,
      'text/html',
    );
    const text = detectArticle(doc)
      .blocks.map((b) => b.text)
      .join('\n');
    expect(text).toContain('What happens when your account is used on another device');
    expect(text).toContain('The service sends a code to the main account holder');
  });

  it('reads paragraphs that are themselves named "paywall" (en: TechRadar)', () => {
    const text = bodyOf('fundus/uk-TechRadar_2026_05_21');
    expect(text).toContain("That's heady, terrifying, and maybe a bit of hyperbole.");
    expect(text).toContain(
      'If that sounds like AI Mode is now inside the classic Google Search box',
    );
  });

  it('reads the free preview and leaves out the offer beside it (de: Badische Zeitung)', () => {
    // The article sits in "row non-paywall"; the offer in "row paywall" after it.
    const text = bodyOf('trafilatura-eval/badische-zeitung.de-Wohnungssuche');
    expect(text).toContain('Gesine aus Tübingen läuft die Zeit davon');
    expect(text).not.toContain('Bereits Abonnent/in?');
    expect(text).not.toContain('Gleich können Sie weiterlesen!');
  });

  it("leaves out a paywall's note set in the text flow (en: Haitian Times)", () => {
    const text = bodyOf('trafilatura-eval/haitiantimes.com-family');
    expect(text).not.toContain('To view the full story, please subscribe');
    expect(text).not.toContain('already a subscriber, you can log in');
    expect(text).toContain('has launched a crowdfunding effort');
  });

  it('leaves out a members-only note in Japanese (ja: Chunichi Shimbun)', () => {
    const text = bodyOf('fundus/jp-ChunichiShimbun_2025_01_13');
    expect(text).toContain('宮崎県で震度５弱の地震があった');
    expect(text).not.toContain('この記事は会員限定です');
  });

  it('keeps prose about subscribers and subscribing (en: Disney+, Hong Kong listing)', () => {
    const disney = bodyOf(
      'scrapinghub/098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2',
    );
    expect(disney).toContain('continued to sign up additional subscribers');
    const listing = bodyOf(
      'scrapinghub/360c732d1fdbfc6895d7096c0c0b8c0d581bb1af80160f4c6a0f1fd9ff85e469',
    );
    expect(listing).toContain('subscribing for so many shares');
  });

  it("leaves out the paywall's offer (lb: Tageblatt)", () => {
    const { doc, url } = loadPage('fundus/lu-Tageblatt_2025_06_30');
    const article = detectArticle(doc, { url });
    const text = article.blocks.map((b) => b.text).join('\n');
    expect(text).not.toContain('Für 0.99 € können Sie diesen Artikel erwerben');
    expect(text).not.toContain('Sie sind bereits Kunde?');
    expect(article.lead).toContain('OGBL');
  });
});

describe("body: a press release's contacts", () => {
  it('ends the body before the contact label and the names after it (de: B.A.U.M., MPI-M)', () => {
    const baum = bodyOf('trafilatura-eval/baumev.de.Transformationslabor');
    expect(baum).toContain('das Informationsinteresse der Finanzmarktakteure abzudecken.');
    expect(baum).not.toContain('Kontakt:');
    expect(baum).not.toContain('jan.koch@baumev.de');
    const mpi = bodyOf('trafilatura-eval/mpimet.de.klimasystem');
    expect(mpi).toContain('WarmWorld und ESIWACE geleistet.');
    expect(mpi).not.toContain('bockelmann@dkrz.de');
  });

  it('ends the body before the references closing it (de: Eawag, internetchemie, MPI-M, WDR)', () => {
    const eawag = bodyOf('trafilatura-eval/eawag.ch-elektron');
    expect(eawag).not.toContain('Originalpublikation');
    const chemie = bodyOf('trafilatura-eval/internetchemie.info.Heliumkerne');
    expect(chemie).not.toContain('Zusatzinformationen:');
    const mpi = bodyOf('trafilatura-eval/mpimet.de.klimasystem');
    expect(mpi).toContain('WarmWorld und ESIWACE geleistet.');
    expect(mpi).not.toContain('Weitere Informationen:');
    const wdr = bodyOf('fundus/de-WDR_2024_04_22');
    expect(wdr).not.toContain('Meldung Gewerkschaft Verdi');
    for (const phrase of loadTruth('trafilatura-eval/eawag.ch-elektron').with ?? [])
      expect(eawag).toContain(phrase);
    expect(chemie).toContain('Die von Tanaka et al');
  });

  it.each(['Sources', 'Contacts'])('keeps a story that goes on after a heading "%s"', (heading) => {
    const para =
      '<p>The council met on Monday to discuss the new bus lines, and residents filled the hall to hear the plans.</p>';
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Bus lines</h1>${para.repeat(5)}<h2>${heading}</h2>${para.repeat(4)}</article></body></html>`,
      'text/html',
    );
    const blocks = detectArticle(doc).blocks.map((b) => b.text);
    expect(blocks).toContain(heading);
    expect(blocks).toHaveLength(10);
  });
});

describe('body: author boxes and like buttons', () => {
  it("leaves out the writer's box and the like button (de, en, es)", () => {
    const chip = bodyOf('trafilatura-eval/chip.de.beef');
    expect(chip).not.toContain('Inga Buller ist Head of Social');
    const scmp = bodyOf('trafilatura-eval/scmp.com.playbook');
    expect(scmp).not.toContain('Alice Wu fell down the rabbit hole');
    expect(bodyOf('trafilatura-eval/2gewinnt.wordpress.com.uns')).not.toContain('Gefällt mir');
    // id="authorbox", one word.
    expect(bodyOf('htmldate-mediacloud/1561086382')).not.toContain('Otros artículos de ACN');
  });

  it('leaves out a writer\'s box named "author-bio" or "author-profile" (de: two blogs)', () => {
    const blog = bodyOf('trafilatura-eval/management-circle.de.glasses');
    expect(blog).toContain('Übrigens: Auch die NASA hat Smart Glasses bereits entdeckt');
    expect(blog).not.toContain('Als Content Marketing Managerin betreue ich');
    const review = bodyOf('trafilatura-eval/tell-review.de.heimweh');
    expect(review).not.toContain('Freier Autor in Berlin');
  });

  it("ends the body before the writer's box under its label (en: CBC, de: Die Presse, blog)", () => {
    const cbc = bodyOf('fundus/ca-CBCNews_2024_08_08');
    expect(cbc).toContain('rules to war and rules to peace');
    expect(cbc).not.toContain('ABOUT THE AUTHOR');
    expect(cbc).not.toContain('Yasmine Hassan is a producer');
    const presse = bodyOf('fundus/at-DiePresse_2025_06_05');
    expect(presse).toContain('dies die geografische und wirtschaftliche Realität.');
    expect(presse).not.toContain('Anne-Marie Slaughter (*1958)');
    expect(bodyOf('trafilatura-eval/strive-magazin.de.dating')).not.toContain(
      'Bianca Praetorius (37) ist Pitch Coach',
    );
  });

  it('keeps a story that goes on after a heading about its author', () => {
    const para =
      '<p>The novelist spent ten years on the book, and the town she grew up in is its setting.</p>';
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>A novel of home</h1>${para.repeat(5)}<h2>The author</h2>${para.repeat(4)}</article></body></html>`,
      'text/html',
    );
    const blocks = detectArticle(doc).blocks.map((b) => b.text);
    expect(blocks).toContain('The author');
    expect(blocks).toHaveLength(10);
  });

  it('keeps an article whose wrapper names its author (de: CNET)', () => {
    const text = bodyOf('trafilatura-eval/cnet.de.schutz');
    for (const phrase of loadTruth('trafilatura-eval/cnet.de.schutz').with ?? [])
      expect(text).toContain(phrase);
  });
});

describe('body: lines in the text flow that are not the story', () => {
  it('leaves out photo credits and the captions that end with one (de, en)', () => {
    const golf = bodyOf('trafilatura-eval/golf.de-augusta');
    expect(golf).not.toContain('Augusta National/Getty Images');
    expect(golf).toContain('Blickt man auf Elders Werdegang');
    const goats = bodyOf('trafilatura-eval/nationalgeographic.co.uk.goats');
    expect(goats).not.toContain('Photograph by');
    const salon = bodyOf('trafilatura-eval/salon.com.emissions');
    expect(salon).not.toContain('(Credit: Clayton Aldern / Grist)');
  });

  it("leaves out a media library's clip lines and its consent heading (de: ZDF, WDR)", () => {
    const key = 'fundus/de-ZDF_2024_04_22';
    const zdf = bodyOf(key);
    // "… beschlossen. 18.04.2024 | 0:21 min": a video's teaser closing on its length.
    expect(zdf).not.toContain('| 0:21 min');
    expect(zdf).not.toContain('Ein Klick für den Datenschutz');
    expect(zdf).toContain('Hier solle sich Deutschland gemeinsam mit seinen europäischen');
    expect(shingleF1(loadTruth(key).body_text ?? '', zdf)).toBeGreaterThan(0.95);
    expect(bodyOf('fundus/de-WDR_2024_04_22')).not.toContain('Verfügbar bis 22.04.2026');
  });

  it("leaves out an overlay read from its close button, a plea for support and a theme's post line (de)", () => {
    const focus = bodyOf('fundus/de-Focus_2023_04_28');
    expect(focus).not.toContain('Sie waren einige Zeit inaktiv');
    expect(focus).toContain('Die Anmeldung zum VIP-Programm steht übrigens jedem offen');
    const key = 'fundus/il-IsraelNachrichten_2025_04_16';
    const israel = bodyOf(key);
    expect(israel).not.toContain('Hat Ihnen dieser Artikel gefallen?');
    expect(israel).not.toContain('Kommentare und pings sind derzeit geschlossen');
    expect(shingleF1(loadTruth(key).body_text ?? '', israel)).toBeGreaterThan(0.98);
  });

  it('keeps prose that times a run in minutes, multiplies, or asks what readers liked', () => {
    const lines = [
      'She ran the last lap in 1:05 min and broke the record that had stood since 1998.',
      '× 3 is what the recipe asks for, so the baker tripled every amount on the list.',
      'Readers told us what they liked about the new layout, and what they missed.',
    ];
    const text = bodyAmong(
      'Club news',
      'The club held its annual meeting on Sunday, and most of the members came to vote.',
      lines,
    );
    for (const line of lines) expect(text).toContain(line);
  });

  it.each([
    [
      'fundus/ca-NationalPost_2024_08_28',
      'Published Aug 28, 2024',
      'spent formative teenage years',
    ],
    ['fundus/at-SalzburgerNachrichten_2026_01_06', 'Lesedauer: 4 Minuten', 'wurde der Betrieb'],
    ['fundus/it-LaRepubblica_2025_01_05', 'minuti di lettura', 'spunta lo striscione'],
    ['htmldate-eval/lepoint.fr-terrorisme', 'Temps de lecture', 'Le Franco-Marocain de 32 ans'],
  ])("leaves out the story's reading time, alone or in its dateline (%s)", (key, line, story) => {
    const text = bodyOf(key);
    expect(text).not.toContain(line);
    expect(text).toContain(story);
  });

  it('keeps prose that names a reading time', () => {
    const lines = [
      'The average reading time of 4 minutes per story fell to 3 last year, the study found.',
      'Die Lesedauer sank 2023 auf 3 Minuten, sagt die Studie.',
      'Readers who read for 10 minutes a day remembered more of it, the study found.',
    ];
    const text = bodyAmong(
      'Reading habits',
      'The institute published its yearly study of news readers on Tuesday in Berlin.',
      lines,
    );
    for (const line of lines) expect(text).toContain(line);
  });

  it("leaves out datelines and the post's filing (de, it)", () => {
    expect(bodyOf('trafilatura-eval/finanztip.de.altersvorsorge')).not.toContain('Stand: 05.');
    expect(bodyOf('fundus/de-Tagesschau_2023_04_28')).not.toContain('Stand: 28.04.2023');
    expect(bodyOf('trafilatura-eval/lastampa.it.temperature')).not.toContain('Ultima modifica');
    const blog = bodyOf('trafilatura-eval/zahlenzauberin.wordpress.com.ferien');
    expect(blog).not.toContain('Abgelegt unter');
  });

  it('keeps short lines of the story that name a date (de)', () => {
    const text = bodyOf('trafilatura-eval/zoll.de-Tabaksteuer');
    expect(text).toContain('ab 1. Januar 2024 für Substitute für Tabakwaren.');
    const wiki = bodyOf('trafilatura-eval/wiki.piratenpartei.de.stammtisch');
    expect(wiki).toContain('Der nächste Stammtisch findet am Mi. 5. Februar 2020');
  });

  it('leaves out a prompt to download the app, where words have no spaces (zh: Liberty Times)', () => {
    const text = bodyOf('htmldate-mediacloud/1564888577');
    expect(text).toContain('財政部今天下午將公佈今年1-2月期統一發票中獎清冊');
    expect(text).not.toContain('點我下載APP');
  });

  it.each([
    ['trafilatura-eval/uusisuomi.fi.angela', 'Lue myös:'],
    ['trafilatura-eval/hrjournal.de.trends', 'Lesen Sie auch die folgenden Beiträge:'],
    ['fundus/de-MDR_2026_07_08', 'Mehr zum Thema Hitzeschäden'],
    ['fundus/uk-EveningStandard_2024_05_02', 'Read More'],
    ['trafilatura-eval/aerobuzz.de-bremen', 'Schon gelesen?'],
    ['trafilatura-eval/humanresourcesmanager.de.diversity', 'Weitere Beiträge aus der Kolumne:'],
  ])('leaves out the label left over links to other stories (%s)', (key, label) => {
    const lines = bodyOf(key).split('\n\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines).not.toContain(label);
  });

  it('keeps a lead-in to a quoted passage that reads like a label (en: Gateway Pundit)', () => {
    const lines = bodyOf('fundus/us-TheGatewayPundit_2023_04_28').split('\n\n');
    expect(lines).toContain('More from NBC’s TODAY:');
  });

  it.each([
    ['trafilatura-eval/aktion-hummelschutz.de.hummeln', 'Möchten Sie den Artikel teilen?'],
    ['trafilatura-eval/holzwerken.net-Kreissaege', 'Sie sind aktuell nicht eingeloggt.'],
    ['trafilatura-eval/piratenpartei.at.grundeinkommen', 'Please reload CAPTCHA.'],
    ['trafilatura-eval/verfassungsblog.de.expertinnen', 'would you consider supporting our work?'],
    ['trafilatura-eval/love-hina.ch.0409', 'Kommentare schreiben'],
  ])("leaves out the page's controls and appeals written as text (%s)", (key, note) => {
    expect(bodyOf(key).length).toBeGreaterThan(150);
    expect(bodyOf(key)).not.toContain(note);
  });

  it('leaves out prompts to subscribe to or follow the site (en, de, es)', () => {
    const gleaner = bodyOf('trafilatura-eval/jamaica.gleaner.com-victims');
    expect(gleaner).not.toContain('Follow The Gleaner on Twitter');
    const nation = bodyOf('trafilatura-eval/nationnews.com-schools');
    expect(nation).not.toContain('Subscribe now to our eNATION edition');
    expect(nation).not.toContain('download the Nationnews apps');
    const refinery = bodyOf('trafilatura-eval/refinery29.com.single');
    expect(refinery).not.toContain('für unseren Newsletter an!');
    expect(bodyOf('trafilatura-eval/elpais.com.ciencia')).not.toContain('suscribirse aquí');
  });

  it("leaves out a gate's offer, a tip line and a comment box's notes (en: Fox News, Metro, TechRadar)", () => {
    const fox = bodyOf('fundus-eval/FoxNews_2');
    expect(fox).not.toContain('Join Fox News for access to this content');
    expect(fox).not.toContain('Please enter a valid email address.');
    const metro = bodyOf('fundus/uk-Metro_2024_07_17');
    expect(metro).not.toContain('Got a story? Get in touch with our news team');
    expect(bodyOf('fundus/uk-TheMirror_2024_08_05')).not.toContain('Get in touch at webnews@');
    const space = bodyOf(
      'scrapinghub/c50845a7158af12ee75acea301a3ea0dad1e848d6b9dbdb43ba7f2d825b2528b',
    );
    expect(space).not.toContain('if you have a news tip, correction or comment');
    expect(bodyOf('fundus/us-APNews_2024_09_03')).not.toContain('We want to hear from you:');
    const techradar = bodyOf('fundus/uk-TechRadar_2026_05_21');
    // A tooltip's text, a comment box's gate and Google's preferred-source prompt.
    expect(techradar).not.toContain('Join the conversation');
    expect(techradar).not.toContain('You must confirm your public display name');
    expect(techradar).not.toContain('Add us as a preferred source on Google');
    const times = bodyOf('fundus/za-TimesLive_2025_05_22');
    expect(times).not.toContain('Support independent journalism by subscribing');
  });

  it('keeps prose that asks for tips, names access or supports journalism', () => {
    const lines = [
      'Police asked anyone with information to get in touch with detectives on 101.',
      'Do you have a story about the floods? The council collected them for its archive.',
      'The ruling gives reporters access to this content of the court files for the first time.',
      'Donors support independent journalism by giving to the foundation, its director said.',
      'You must register a boat before the season starts, the harbour office reminded owners.',
    ];
    const text = bodyAmong(
      'Harbour news',
      'The harbour office opened its doors on Monday, and many owners came with questions.',
      lines,
    );
    for (const line of lines) expect(text).toContain(line);
  });

  it('keeps prose that names a newsletter, an app or a sign-up (en)', () => {
    const news = bodyOf('fundus/ca-GlobalNews_2026_05_24');
    expect(news).toContain('Zelenskyy said on Telegram.');
    const shop = bodyOf('trafilatura-eval/tomshardware.com.rtx');
    expect(shop).toContain('You can still sign up for notifications');
  });

  it('keeps a list written as short paragraphs in a row (en: Brit Awards nominees)', () => {
    const text = bodyOf('fundus-eval/TheIndependent_0');
    for (const name of ['Mahalia', 'PinkPantheress', 'Yussef Dayes'])
      expect(text.split('\n\n')).toContain(name);
  });

  it('leaves out a list of dated teaser cards with long blurbs (en: Washington Examiner)', () => {
    // "More Washington Examiner": each card a linked headline, author, <time> and a blurb of up
    // to 533 characters, too long for a card by length alone.
    const key = 'scrapinghub/e4c6a3b482403a8f60190ba27248cd52b250b86f5d4a8a10edcf7062c64fc3f5';
    const text = bodyOf(key);
    expect(text).not.toContain('Kurt Volker, a former special envoy to Ukraine');
    expect(text).not.toContain('More Washington Examiner');
    expect(shingleF1(loadTruth(key).body_text ?? '', text)).toBeGreaterThan(0.95);
  });

  it("keeps a live blog's dated posts that end with links to other stories (en: Express)", () => {
    const text = bodyOf('fundus/uk-Express_2024_07_18');
    expect(text).toContain('Harry is said to have responded to his father with eight words');
  });

  it('leaves out a short label closing the body (de)', () => {
    const news = bodyOf('trafilatura-eval/biathlon-antholz.it-jubeln');
    expect(news).not.toContain('Das könnte Sie auch interessieren');
    const gas = bodyOf('trafilatura-eval/fluessiggas.de.dimethylether');
    expect(gas).not.toContain('Verwandte Themenbereiche');
  });

  it('leaves out the same label closing the body twice, once per teaser box (de)', () => {
    const text = bodyOf('trafilatura-eval/tour-magazin.de-unfall');
    expect(text).not.toContain('Das könnte Sie auch interessieren');
    expect(text).toContain('Der Unfall erinnert an den schweren Crash');
  });

  it('keeps short lines closing the body that end a sentence or make a list (de, en)', () => {
    const police = bodyOf('trafilatura-eval/bundespolizei.de-Belarus');
    expect(police).toContain('Lesen Sie dazu auch die');
    expect(bodyOf('trafilatura-eval/heiko-adams.de.laufen')).toContain('das gefällt mir 😉');
    expect(bodyOf('fundus-eval/TheIndependent_0')).toContain('Blur, The Ballad of Darren');
  });

  it("leaves out figures' captions and copyright notices set in the text (de, en)", () => {
    const snow = bodyOf('trafilatura-eval/baechli-bergsport.ch-lawinen');
    expect(snow).not.toContain('Abbildung 8: Vorgehensweise für grosse Ereignisse');
    const belize = bodyOf('trafilatura-eval/breakingbelizenews.com-paho');
    expect(belize).not.toContain('This article is the copyrighted property');
  });

  it('gives a photo caption set as a paragraph to the captions, not the body (en, de)', () => {
    const { doc, url } = loadPage('fundus/uk-EveningStandard_2024_05_02');
    const article = detectArticle(doc, { url });
    const body = article.blocks.map((b) => b.text).join('\n\n');
    expect(body).not.toContain('Chelsea fans produced a banner backing Conor Gallagher');
    expect(article.captions.map((c) => c.text)).toContain(
      'Chelsea fans produced a banner backing Conor Gallagher',
    );
    expect(bodyOf('fundus/de-Kicker_2024_04_26')).not.toContain(
      'Uwe Schubert möchte mit dem MSV Duisburg noch so viele Punkte wie möglich sammeln',
    );
  });

  it('keeps prose that opens with a word for figures (en: BBC)', () => {
    const text = bodyOf('trafilatura-eval/bbc.com.52241221');
    expect(text).toContain('Figures from Louisiana, Mississippi, Michigan, Wisconsin and New York');
  });

  it('keeps the captions of a gallery told in its captions (en: Economic Times)', () => {
    const text = bodyOf('trafilatura-eval/economictimes.indiatimes.com.slideshow');
    expect(text).toContain('All of this - coupled with better cameras - comes');
    expect(text).toContain('But, the iPhone SE fits in so much more');
  });

  it('keeps a paragraph of prose that opens with a credit (en: KBS)', () => {
    const text = bodyOf('trafilatura-eval/world.kbs.co.kr-Temperatures');
    expect(text).toContain('Wednesday is forecast to be even colder.');
  });
});
