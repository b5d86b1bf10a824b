/**
 * The lead (standfirst) and photo captions on real corpus pages, in several languages: each test
 * names the general rule it checks, and compares with the corpus answers where they exist.
 */
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { agrees } from '../../../utils/article/lead';
import { loadPage, loadTruth, shingleF1 } from './corpus';

function detect(key: string) {
  const { doc, url } = loadPage(key);
  return detectArticle(doc, { url });
}

function truthLead(key: string): string {
  return (loadTruth(key).lead ?? []).join(' ');
}

describe('lead', () => {
  it('is the block after the headline that agrees with the meta description, dateline and all (de)', () => {
    // The JSON-LD description of this page is the lead photo's caption; og:description is the lead.
    const key = 'fundus/de-WAZ_2025_09_10';
    const article = detect(key);
    expect(article.lead).toMatch(/^Berlin\. Die Ex-Grünen-Vorsitzende Ricarda Lang attackiert/);
    expect(article.lead).not.toContain('im Bundestag:');
    expect(shingleF1(truthLead(key), article.lead)).toBeGreaterThan(0.95);
    expect(article.blocks.filter((b) => b.kind === 'lead')).toHaveLength(1);
  });

  it('is the element named for it ("einleitung"), never a photo caption named "subtitle" (de)', () => {
    const key = 'fundus/de-MDR_2023_04_28';
    const article = detect(key);
    expect(article.lead).toMatch(/^Beim Fleischkonsum gehört Thüringen/);
    expect(article.lead).not.toContain('Pro Stunde werden');
    expect(shingleF1(truthLead(key), article.lead)).toBeGreaterThan(0.95);
  });

  it('is a dek in the article header beside the hero image (en)', () => {
    const article = detect('fundus/us-RestOfWorld_2025_10_21');
    expect(article.lead).toBe('Can a small country build a space industry from scratch?');
  });

  it('spans consecutive paragraphs named as the lead (sv)', () => {
    const key = 'fundus/se-Aftonbladet_2026_08_02';
    const article = detect(key);
    expect(shingleF1(truthLead(key), article.lead)).toBeGreaterThan(0.95);
    expect(article.blocks.filter((b) => b.kind === 'lead')).toHaveLength(3);
  });

  it('is a sentence-long heading under the headline, not the site slogan in the meta (en)', () => {
    const article = detect('fundus/tw-TaipeiTimes_2024_10_15');
    expect(article.lead).toMatch(/^CHINESE AGGRESSION: Manila accused Beijing/);
    expect(article.lead).not.toContain('Bringing Taiwan to the World');
  });

  it('prefers a deck heading to a first paragraph copied into the description (en)', () => {
    const article = detect('fundus/us-FreeBeacon_2023_04_28');
    expect(article.lead).toBe(
      'Liberal billionaire George Soros and his son nearly max out to Tester',
    );
  });

  it('is not a second heading repeating kicker and headline (de)', () => {
    const key = 'fundus/de-ZDF_2025_11_07';
    const article = detect(key);
    expect(article.lead).toMatch(/^Wladimir Putin warnt vor einer angeblichen/);
    expect(shingleF1(truthLead(key), article.lead)).toBeGreaterThan(0.95);
  });

  it('is found as the corpus answers it in Czech, Spanish, French, Italian and Turkish', () => {
    for (const key of [
      'fundus/cz-SeznamZpravy_2025_11_06',
      'fundus/es-ElPais_2024_10_15',
      'fundus/fr-LesEchos_2024_07_18',
      'fundus/it-LaRepubblica_2025_01_05',
      'fundus/tr-AnadoluAjansi_2025_04_05',
    ]) {
      expect(shingleF1(truthLead(key), detect(key).lead), key).toBeGreaterThan(0.9);
    }
  });

  it('leaves out the author line written at the end of the lead (de)', () => {
    const lead = detect('fundus/de-RBB24_2024_04_25').lead;
    expect(lead).toMatch(/wurde das Hotel wieder lebendig\.$/);
  });

  it('agreement: same opening words despite a dateline or a cut, not a different text', () => {
    const lead = 'Berlin. Die Ex-Grünen-Vorsitzende Ricarda Lang attackiert Julia Klöckner.';
    expect(agrees(lead, 'Die Ex-Grünen-Vorsitzende Ricarda Lang attackiert Julia')).toBe(true);
    expect(
      agrees(lead, 'Ricarda Lang im Bundestag: Die frühere Grünen-Vorsitzende kritisierte'),
    ).toBe(false);
    expect(
      agrees('東京女子医大の新校舎建設工事を巡って', '東京女子医大の新校舎建設工事を巡り'),
    ).toBe(true);
  });
});

describe('captions', () => {
  it('keep the caption and its credit apart, and leave out author portraits and datelines (de)', () => {
    const article = detect('fundus/de-WAZ_2024_03_08');
    const texts = article.captions.map((c) => c.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^Eine Seilbahn für Duisburg/);
    expect(article.captions[0]!.credit).toBe('© Gebag | CKSA/Moren');
    expect(texts.some((t) => /^Von |Lesezeit/.test(t))).toBe(false);
  });

  it('leave out who is quoted in a pull quote, and captions that are only a credit (de)', () => {
    const texts = detect('fundus/de-ZDF_2025_11_07').captions.map((c) => c.text);
    expect(texts).toHaveLength(3);
    expect(texts).not.toContain('Nico Lange, Russlandexperte');
    expect(texts.some((t) => t.startsWith('Quelle:'))).toBe(false);
    const lux = detect('fundus/lu-LuxemburgerWort_2025_06_30').captions.map((c) => c.text);
    expect(lux).toHaveLength(4);
    expect(lux).not.toContain('Alex Kirsch');
    expect(lux).not.toContain('Redakteur');
  });

  it('read a credit named in the newsroom language apart from the caption (de)', () => {
    const [caption] = detect('fundus/at-SalzburgerNachrichten_2026_01_06').captions;
    expect(caption?.text).toBe('Nationaler Trauertag für Opfer der Brandkatastrophe am Freitag');
    expect(caption?.credit).toBe('Bild: SN/APA/KEYSTONE/CYRIL ZINGARO');
  });

  it('find a photo set in an <aside> named for it within the story (en: The Nation)', () => {
    const captions = detect('fundus/us-TheNation_2023_05_15').captions.map((c) => c.text);
    expect(captions.some((t) => t.startsWith('Tanner Fischer leads a rally of UPS workers'))).toBe(
      true,
    );
  });

  it('find photos in a box named like a teaser or a sidebar that holds the story (en)', () => {
    // Nature sets its whole body in <div class="article__teaser">.
    const nature = detect('fundus/uk-Nature_2025_11_04').captions;
    const brazil = nature.find((c) => c.text.startsWith('Brazil will invest US$1 billion'));
    expect(brazil?.credit).toBe('Credit: Pablo Porciuncula/AFP/Getty');
    // The Verge's story sits in "l-sidebar-fixed l-segment l-article-body-segment".
    expect(detect('trafilatura-eval/theverge.com.ios13').captions.map((c) => c.text)).toEqual([
      'Normally if you look at a portrait phone screen, you appear to be looking below the front-facing camera.',
      'With the new feature, you appear to be looking at the camera, even when you’re looking at the screen.',
    ]);
  });

  it('find the hero photo in the header of a layout named for its sidebar (en: Politico)', () => {
    // <header class="sidebar-grid__header">: the header of a grid that has a sidebar.
    const [caption] = detect('fundus/be-PoliticoEu_2025_10_23').captions;
    expect(caption?.text).toBe(
      'Should she win, Catherine Connolly will succeed another Galway socialist, Michael D. Higgins.',
    );
    expect(caption?.credit).toBe('Niall Carson/PA Images via Getty Images');
  });

  it('leave out the photos of the next story on an endless page (no: Dagbladet)', () => {
    const captions = detect('fundus/no-Dagbladet_2026_01_06').captions.map((c) => c.text);
    expect(captions.some((c) => c.includes('Nord-Korea') || c.includes('Kim Jong-un'))).toBe(true);
    expect(captions.filter((c) => c.includes('Solskjær'))).toEqual([]);
  });

  it('find a caption in a zoom handle, an <a> that links nowhere (es: Público)', () => {
    const key = 'fundus/es-Publico_2025_05_29';
    expect(loadPage(key).doc.querySelector('a.image-zoomin:not([href]) figcaption')).not.toBeNull();
    const texts = detect(key).captions.map((c) => c.text);
    expect(texts.some((t) => t.startsWith('Imagen de un baño portátil'))).toBe(true);
    expect(texts).toHaveLength(loadTruth(key).images?.filter((i) => i.caption).length ?? 0);
  });

  it('take a compound credit word and the separator before the credit off the caption (de)', () => {
    const [solar] = detect('trafilatura-eval/topagrar.com.schnee.solat').captions;
    expect(solar?.text).toMatch(/vom Schnee stark belastet\.$/);
    expect(solar?.credit).toBe('Bildquelle: Neumann');
    const rbb = detect('fundus/de-RBB24_2024_04_25').captions;
    expect(rbb.map((c) => c.text)).toContain('Spontane Tanzeinlage des Publikums');
    expect(rbb.every((c) => c.credit === 'Bild: Eva Kirchner-Rätsch/rbb')).toBe(true);
  });

  it('take the credit off the caption however it is written (de, fr, es, no, en)', () => {
    const credits: [string, string, string][] = [
      // After a slash: an agency, a photo library, (C).
      [
        'trafilatura-eval/cicero.de.pandemie',
        'Die Corona-Intensivstation im Dresdner Universitätsklinikum',
        'picture alliance',
      ],
      ['trafilatura-eval/90min.de-Bundesliga-Tabelle', 'Deniz Aytekin', 'Kevin Voigt/GettyImages'],
      [
        'trafilatura-eval/bondyblog.fr.paris-8',
        'Le piquet de grève dans le hall de l’université',
        '(C) Kab Niang',
      ],
      // In brackets naming an agency, after "Photograph:", or a video's after the last sentence.
      [
        'fundus-eval/FoxNews_2',
        'French President Emmanuel Macron speaks during a press conference at the Elysee Palace in Paris.',
        'Gonzalo Fuentes/Pool via AP',
      ],
      [
        'fundus-eval/TheGuardian_2',
        'Mercedes Gleitze in 1928.',
        'Photograph: Central Press/Getty Images',
      ],
      [
        'fundus/ch-TagesAnzeiger_2026_05_18',
        'Der neue Präsidentenhelikopter vom Typ VH-92A Patriot ist deutlich leistungsstärker als das bisherige Marine-One-Modell und soll dieses langfristig ersetzen.',
        'Foto: Nicolas Economou (Getty)',
      ],
      [
        'fundus/es-ElPais_2024_10_15',
        'Zona de baño y aseo, en el campamento para migrantes en Gjadër (Albania), el 1 de agosto.',
        'Alketa Misja (dpa/picture alliance via Getty)',
      ],
      [
        'fundus/es-ElPais_2024_10_15',
        'Un centro de recepción de migrantes construido por Italia en Albania.',
        'Foto: Florion Goga (REUTERS) | Vídeo: EPV',
      ],
    ];
    for (const [key, text, credit] of credits) {
      const captions = detect(key).captions.map((c) => [c.text, c.credit]);
      expect(captions, key).toContainEqual([text, credit]);
    }
    // The photographer named after the caption's last sentence goes with the agency.
    const [afp] = detect(
      'scrapinghub/833caf3bdba53dcf48de273cf646370eebe9ac565744b0d0e941e298e1b79730',
    ).captions;
    expect(afp?.text).toMatch(/pledged new measures to oppose it\.$/);
    expect(afp?.credit).toBe('Jaafar ASHTIYEH / AFP');
    // A caption that is only a credit is none.
    expect(detect('fundus-eval/FreeBeacon_4').captions).toEqual([]);
    const repubblica = detect('htmldate-eval/Repubblica.it-Israele-Hamas').captions;
    expect(repubblica.map((c) => c.text)).toEqual(["Sfollati all'ospedale Al Quds"]);
  });

  it("leave out a gallery's counter before the caption, not a date (en, de, es)", () => {
    const counted: [string, string][] = [
      [
        'scrapinghub/d0382c0d9573a0a7beb1e649012d04ec7275ac23513ca6ca59e51477b028283c',
        'A shopper looks at extension cords',
      ],
      ['trafilatura-eval/0afd671fc2b64f3caa83a91537e8d343', 'Am Freitagabend krachte'],
      ['trafilatura-eval/hoy.com-daran', 'La bendición se realizará mañana.'],
    ];
    for (const [key, opening] of counted) {
      const texts = detect(key).captions.map((c) => c.text);
      expect(
        texts.some((t) => t.startsWith(opening)),
        key,
      ).toBe(true);
      expect(texts.filter((t) => /^\D{0,6}\d+\s*(?:of|\/|de)\s*\d/.test(t))).toEqual([]);
    }
    const dated = detect('trafilatura-eval/corkbeo.ie.level').captions.map((c) => c.text);
    expect(dated.some((t) => t.startsWith('18/05/2020 Dr Tony Holohan'))).toBe(true);
  });

  it('leave out the label a screen reader hears before the caption (en: BBC)', () => {
    const key = 'scrapinghub/70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2';
    expect(loadPage(key).doc.querySelector('figcaption .off-screen')?.textContent).toBe(
      'Image caption',
    );
    const texts = detect(key).captions.map((c) => c.text);
    expect(texts).toContain(
      "Taylor Swift's seventh album, Lover, is the only one she owns the rights to",
    );
    expect(texts.filter((t) => t.includes('Image caption'))).toEqual([]);
  });

  it('leave out pictures in a box the page hides (es: Cubadebate, de: Tages-Anzeiger)', () => {
    // <section class="mobile" style="display:none"> repeats the author's portrait and bio.
    const cuba = detect('trafilatura-eval/cubadebate.cu-sesiona').captions.map((c) => c.text);
    expect(cuba).toContain('Sesiona IV Pleno del Comité Central del Partido.');
    expect(cuba.filter((t) => t.startsWith('Periodista cubana'))).toEqual([]);
    // A hidden copy of the gallery's captions, all run together.
    const key = 'fundus/ch-TagesAnzeiger_2026_05_18';
    const texts = detect(key).captions.map((c) => c.text);
    expect(texts).toEqual(loadTruth(key).images?.map((i) => i.caption));
  });

  it("leave out the site's notes set under a picture or beside it (en, de)", () => {
    const notes: [string, RegExp][] = [
      // A registration wall's box with a picture.
      ['fundus/uk-EveningStandard_2024_10_24', /account to continue reading/i],
      // The comment box's picture and note.
      ['fundus/za-TimesLive_2025_05_22', /Sign up .* or sign in/],
      // A video's figure whose caption asks to turn on JavaScript.
      ['fundus/de-Golem_2024_04_28', /aktivieren Sie Javascript/i],
      // An embed's consent box under its placeholder picture (WordPress's Borlabs).
      ['trafilatura-eval/1000things.at-Wellnessoasen', /Datenschutzerklärung von Instagram/],
    ];
    for (const [key, note] of notes) {
      const { captions } = detect(key);
      expect(captions.length, key).toBeGreaterThan(0);
      expect(
        captions.filter((c) => note.test(c.text)),
        key,
      ).toEqual([]);
    }
  });

  it("leave out a chart's source line, however long, and keep the photos' captions (en: Nature)", () => {
    const key = 'fundus/uk-Nature_2025_11_04';
    const captions = detect(key).captions;
    expect(captions.filter((c) => c.text.startsWith('Source:'))).toEqual([]);
    expect(captions.map((c) => c.text)).toEqual(
      loadTruth(key)
        .images?.map((i) => i.caption)
        .filter(Boolean),
    );
    expect(captions.map((c) => c.credit)).toEqual([
      'Credit: AFP/Getty',
      'Credit: Pablo Porciuncula/AFP/Getty',
    ]);
  });

  it('leave out the teasers under video players: a clip length, a call to watch (de, en)', () => {
    const stern = detect('fundus/de-Stern_2024_11_05').captions.map((c) => c.text);
    expect(stern.filter((t) => /^\d\d:\d\d min/.test(t))).toEqual([]);
    // The photo's caption inside the same video box stays.
    expect(stern).toContain(
      'Einwohner aus Dixville Notch erzählen, wen sie gewählt haben – und warum',
    );
    const mirror = detect('fundus/uk-TheMirror_2024_08_05').captions.map((c) => c.text);
    expect(mirror.filter((t) => t.startsWith('Watch'))).toEqual([]);
    expect(mirror).toContain('Southport locals mourn the victims at a pink-themed vigil');
  });

  it('keep captions that only open like a source line or a clip (guard)', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Floods</h1>${'<p>The river rose through the night and reached the old town before dawn, the mayor said.</p>'.repeat(6)}<figure><img src="a.jpg"><figcaption>Sources of the flood: meltwater and three days of rain filled the valley.</figcaption></figure><figure><img src="b.jpg"><figcaption>12:30 pm: residents carry sandbags to the square.</figcaption></figure><figure><img src="c.jpg"><figcaption>Watchers on the bridge look at the water.</figcaption></figure></article></body></html>`,
      'text/html',
    );
    expect(detectArticle(doc).captions.map((c) => c.text)).toEqual([
      'Sources of the flood: meltwater and three days of rain filled the valley.',
      '12:30 pm: residents carry sandbags to the square.',
      'Watchers on the bridge look at the water.',
    ]);
  });

  it("find the photos' descriptions in a gallery's slides (en: AP News)", () => {
    // <div class="CarouselSlide"><picture>…</picture><div class="CarouselSlide-info">…
    // <span class="CarouselSlide-infoDescription"><p>… (AP Photo/Morry Gash)</p></span>
    const key = 'fundus/us-APNews_2024_09_03';
    const captions = detect(key).captions;
    const truth = (loadTruth(key).images ?? []).map((i) => i.caption).filter(Boolean);
    for (const caption of truth) expect(captions.map((c) => c.text)).toContain(caption);
    expect(captions.find((c) => c.text.includes('Tulsi Gabbard'))?.credit).toBe(
      'AP Photo/Morry Gash',
    );
  });

  it('take no description for a caption outside a slide or away from a photo (guard)', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Gallery</h1>${'<p>The museum opened its new wing on Saturday, with works lent from three other collections.</p>'.repeat(6)}<div class="author"><img src="face.jpg"><span class="author-description">Jane Doe writes about art and museums for the paper.</span></div><div class="story"><div class="box"><div class="gallery"><div class="gallery-info"><div class="info-text"><span class="gallery-description">Twelve photos of the new wing, taken by our staff.</span></div></div></div></div></div></article></body></html>`,
      'text/html',
    );
    expect(detectArticle(doc).captions).toEqual([]);
  });

  it("leave out the labels of a caption's own controls (en: NPR, no: Dagbladet)", () => {
    const npr = detect('htmldate-eval/npr.org-bombing').captions.map((c) => c.text);
    expect(npr).toHaveLength(2);
    expect(npr[0]).toMatch(/airstrikes continue on Tuesday\.$/);
    expect(npr.filter((t) => /caption/i.test(t))).toEqual([]);
    const dagbladet = detect('fundus/no-Dagbladet_2024_08_04').captions;
    const knife = dagbladet.find((c) => c.text.startsWith('KNIV:'));
    expect(knife?.text).toMatch(/de ulovlige kastreringene\.$/);
    expect(knife?.credit).toBe('Foto: Metropolitan Police');
    expect(dagbladet.filter((c) => c.text.includes('Vis mer'))).toEqual([]);
  });

  it("leave out a clip's caption set into the story, not the lead video's (no, en, de)", () => {
    // A clip under its player among the story's paragraphs ("WATCH | …") is a teaser.
    const clips: [string, RegExp, number][] = [
      ['fundus/no-Dagbladet_2024_08_04', /^NB! STERKE INNTRYKK/, 3],
      ['fundus/no-Dagbladet_2026_01_06', /^Det ukrainske forsvaret har publisert en video/, 2],
      [
        'fundus/ca-CBCNews_2024_08_08',
        /^(?:Yahya Sinwar has been promoted|Tensions are escalating)/,
        5,
      ],
    ];
    for (const [key, clip, photos] of clips) {
      const captions = detect(key).captions.map((c) => c.text);
      expect(
        captions.filter((t) => clip.test(t)),
        key,
      ).toEqual([]);
      expect(captions, key).toHaveLength(photos);
    }
    // The lead video's title above the story stands for a lead photo's caption (guard).
    expect(detect('fundus/no-NRK_2024_08_05').captions.map((c) => c.text)).toContain(
      'FORTVILET: Her tror Lene Retzius at finaleplassen glipper.',
    );
    expect(detect('fundus/de-WAZ_2025_11_06').captions.map((c) => c.text)).toContain(
      'Archäologie: Bemerkenswerte Funde 2024',
    );
  });

  // A teaser's image that is the story's lead photo, an image block in a sidebar-named column, a
  // box marking where an ad goes after the photo, a footer inside the figure.
  it.each([
    ['fundus/de-BoersenZeitung_2025_11_06', /^Alexander Wynaendts soll weitere vier Jahre/],
    ['fundus/de-Focus_2023_04_28', /^Lego feiert von 1\. bis 8\. Mai 2022 den Star-Wars-Tag/],
    ['fundus/es-MallorcaMagazin_2025_04_16', /^Mario Vargas Llosa, peruanischer Schriftsteller/],
  ])('find photos whose own boxes are named like page parts (%s)', (key, caption) => {
    const captions = detect(key).captions.map((c) => c.text);
    expect(captions.filter((t) => caption.test(t))).toHaveLength(1);
  });

  it("find a photo whose figure has a footer, not the paywall's sales pitch (ja: Nikkei)", () => {
    const nikkei = detect('fundus/jp-Nikkei_2025_01_27').captions.map((c) => c.text);
    expect(nikkei).toEqual(['イオン銀行などは経営陣を刷新する']);
  });

  it("leave out other stories' photos however their own boxes are named (guard)", () => {
    const story =
      '<p>The council approved the new budget on Tuesday after a debate that lasted six hours.</p>';
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Budget</h1>${story.repeat(6)}<figure><img src="hall.jpg"><figcaption>The council in session on Tuesday evening.</figcaption></figure><div class="related"><div class="teaser-image"><img src="other.jpg"><p class="caption">Another story about the mayor and his plans.</p></div></div><div class="sidebar"><figure><div class="figure-footer"><img src="ad.jpg"><figcaption>Subscribe now and read every story.</figcaption></div></figure></div></article></body></html>`,
      'text/html',
    );
    expect(detectArticle(doc).captions.map((c) => c.text)).toEqual([
      'The council in session on Tuesday evening.',
    ]);
  });

  it.each([
    [
      'trafilatura-eval/uusisuomi.fi.angela',
      /Sanna Marinin \(sd\) kanssa\.$/,
      'Kuva: ALEXANDER BECHER',
    ],
    [
      'htmldate-eval/VnExpress.net-Kinh-doanh',
      /^Ông Hồ Đức Phớc, Bộ trưởng Tài chính\.$/,
      'Ảnh: Hoàng Phong',
    ],
    ['trafilatura-eval/elpais.com.ciencia', /el 11 de febrero pasado\.$/, 'EFE'],
    ['fundus-eval/FreeBeacon_1', /^Mitch McConnell$/, 'AP'],
    ['fundus/kr-HankookIlbo_2026_07_12', /인사하고 있다\.$/, '뉴스1'],
    [
      'htmldate-mediacloud/1694328145',
      /상대하고 있다\.$/,
      '잠실=최문영 기자 deer@sportschosun.com /2020.08.20',
    ],
    ['htmldate-mediacloud/1728970162', /提供設備。$/, '圖／騰訊科技'],
  ] as [string, RegExp, string][])(
    'take off credits as newsrooms write them in more languages (%s)',
    (key, text, credit) => {
      expect(detect(key).captions.find((c) => text.test(c.text))?.credit).toBe(credit);
    },
  );

  // Lines that are only such a credit, an ad's label or what a credit leaves behind are none.
  it.each([
    'trafilatura-eval/Rosjanie_sugeruj__natychmiastowe_odci_cie_Polski_od_gazu_-_Energetyka24',
    'htmldate-eval/nh24.de-Bundeswehr',
    'trafilatura-eval/pagina12.com.ar-suprema',
    'trafilatura-eval/st-georg.de-olympia',
  ])('take no credit line, ad label or punctuation for a caption (%s)', (key) => {
    const captions = detect(key).captions.map((c) => c.text);
    expect(
      captions.filter((t) => !/\p{L}{2}/u.test(t) || /^(?:reklama|anzeige)$/i.test(t)),
    ).toEqual([]);
  });

  it('keep captions whose last words only look like a credit (guard)', () => {
    const captions = [
      'Visitors queue for the exhibition of pictures by Monet and his friends in the old town hall.',
      'Children wave flags as the parade passes. The festival ends on Sunday evening.',
      'A photo courtesy of nobody: the mayor took it himself on his phone during the storm.',
      'Die Anzeige hängt seit Montag im Schaufenster der Bäckerei am Markt.',
    ];
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Town</h1>${'<p>The town prepared for the festival all week, with stalls and music in every street.</p>'.repeat(6)}${captions.map((c, i) => `<figure><img src="p${i}.jpg"><figcaption>${c}</figcaption></figure>`).join('')}</article></body></html>`,
      'text/html',
    );
    const found = detectArticle(doc).captions;
    expect(found.map((c) => c.text)).toEqual(captions);
    expect(found.map((c) => c.credit)).toEqual([null, null, null, null]);
  });

  it('find every captioned photo of a long story (en, sv) and of Japanese and Korean pages', () => {
    for (const key of [
      'fundus/us-RestOfWorld_2025_10_21',
      'fundus/se-Aftonbladet_2026_08_02',
      'fundus/jp-TokyoShimbun_2025_01_13',
      'fundus/kr-HankookIlbo_2026_07_12',
    ]) {
      const truth = (loadTruth(key).images ?? []).flatMap((i) => (i.caption ? [i.caption] : []));
      const found = detect(key).captions.map((c) => c.text);
      expect(found.length, key).toBe(truth.length);
      for (const t of truth)
        expect(
          found.some((f) => f.includes(t) || t.includes(f)),
          t,
        ).toBe(true);
    }
  });
});

describe('lead set in a style of its own', () => {
  it('is the first paragraph styled apart from the paragraphs after it (de)', () => {
    const key = 'fundus/de-WAZ_2024_03_08';
    const article = detect(key);
    expect(article.lead).toMatch(/^Duisburg\. Erste Visualisierungen zeigen/);
    expect(shingleF1(truthLead(key), article.lead)).toBeGreaterThan(0.95);
  });

  it('stops before a sibling in the lead style that links to another article (es)', () => {
    const key = 'fundus/es-ABC_2025_01_13';
    const article = detect(key);
    expect(article.lead).toMatch(/^El agente de 45 años/);
    expect(article.lead).not.toContain('Detenida una madre');
  });
});

describe('captions without a caption name', () => {
  it('are the one short text in a small box around a photo (de, zu)', () => {
    const mdr = detect('fundus/de-MDR_2023_04_28').captions;
    expect(mdr[0]?.text).toMatch(/^Pro Stunde werden bei "Thüringer Landstolz"/);
    expect(mdr[0]?.credit).toBe('Bildrechte: MDR/David Straub');
    const zu = detect('fundus/za-Isolezwe_2025_11_09').captions.map((c) => c.text);
    expect(zu).toContain('Adaze inkani amaphara eThekwini');
  });

  it("are found beside a picture whose box also holds the picture's JSON-LD (de: WDR)", () => {
    const wdr = detect('fundus/de-WDR_2024_04_22').captions.map((c) => c.text);
    expect(wdr).toContain('Dicke Ausrüstung und schweres Gerät');
    expect(wdr).toContain('Belastende Erlebnisse gehören zum Arbeitsalltag');
  });

  it("are found beside a photo's full-screen icon button (de: Berliner Zeitung)", () => {
    const captions = detect('fundus/de-BerlinerZeitung_2026_05_18').captions;
    expect(captions[0]?.text).toMatch(/^Imam Abdul Adhim Kamouss beim Gebet zum Ramadan/);
  });

  it('are found beside a photo linked to its larger view (de: MDR)', () => {
    const captions = detect('fundus/de-MDR_2023_04_28').captions.map((c) => c.text);
    expect(captions).toContain(
      'Landstolz-Geschäftsführer Kevin Holland-Moritz in der Schlachthalle in Schmalkalden.',
    );
    expect(captions).toHaveLength(5);
  });

  it("are a few words repeating the photo's description, in its box or right after it (hi, de)", () => {
    // Beside the picture's box, as its alt; in the box, as its schema.org ImageObject's.
    const hi = detect('fundus/ind-Bhaskar_2024_09_04').captions.map((c) => c.text);
    expect(hi).toEqual(['जानकारी देते एएसपी', 'बरामद गहना']);
    const wdr = detect('fundus/de-WDR_2024_04_22').captions.map((c) => c.text);
    expect(wdr).toContain('Einsatz mit Atemschutzmasken');
  });

  it('leave out a few words beside a photo that are not its description (guard)', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body><article><h1>Harbour</h1>${'<p>The harbour reopened on Monday after three weeks of repairs to the old sea wall.</p>'.repeat(6)}<div class="pic"><img src="harbour.jpg" alt="The harbour at dawn"></div><div><span>Mehr Bilder</span></div><div class="media"><img src="boat.jpg" alt="A fishing boat"><div>Read more</div></div></article></body></html>`,
      'text/html',
    );
    expect(detectArticle(doc).captions).toEqual([]);
  });

  it('leave out video titles and datelines beside a picture (en, tr)', () => {
    const global = detect('fundus/ca-GlobalNews_2026_05_24').captions.map((c) => c.text);
    expect(global.some((t) => t.includes('nuclear drills'))).toBe(false);
    expect(detect('fundus/tr-Haberturk_2024_07_03').captions).toHaveLength(0);
  });
});
