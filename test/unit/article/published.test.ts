import { describe, expect, it } from 'vitest';
import { normalizeDate, parseTextDate } from '../../../utils/article/published';
import { detectArticle } from '../../../utils/article/detect';
import { loadPage, loadTruth } from './corpus';

function published(key: string): string | null {
  const { doc, url } = loadPage(key);
  return detectArticle(doc, { url }).publishedTime;
}

describe('publication and update dates', () => {
  it('reads dates written as text in the page language', () => {
    expect(parseTextDate('14. September 2020, 12.34 Uhr', 'de')).toBe('2020-09-14T12:34:00');
    expect(parseTextDate('Publié le 14 septembre 2020', 'fr')).toBe('2020-09-14');
    expect(parseTextDate('14 de septiembre de 2020', 'es')).toBe('2020-09-14');
    expect(parseTextDate('14 сентября 2020 года', 'ru')).toBe('2020-09-14');
    expect(parseTextDate('2020年9月14日 12:34', 'ja')).toBe('2020-09-14T12:34:00');
    expect(parseTextDate('2020년 9월 14일', 'ko')).toBe('2020-09-14');
    expect(parseTextDate('١٤ سبتمبر ٢٠٢٠', 'ar')).toBe('2020-09-14');
    expect(parseTextDate('September 14, 2020', 'en')).toBe('2020-09-14');
    expect(parseTextDate('09/14/2020', 'en')).toBe('2020-09-14');
    expect(parseTextDate('05/03/2021', 'en-US')).toBe('2021-05-03');
    // British, Australian and Indian English write the day first.
    expect(parseTextDate('05/03/2021', 'en-GB')).toBe('2021-03-05');
    expect(parseTextDate('05/03/2021', 'en-AU')).toBe('2021-03-05');
    expect(parseTextDate('14.09.2020', 'de')).toBe('2020-09-14');
    // A two-digit year, as bylines write it; a version number is no date.
    expect(parseTextDate('Do 25.04.24 | 14:07 Uhr', 'de')).toBe('2024-04-25T14:07:00');
    expect(parseTextDate('31.10.23', 'de')).toBe('2023-10-31');
    expect(parseTextDate('Version 1.2.34 released', 'en')).toBeNull();
    expect(parseTextDate('Firmware 10.4.2.1', 'en')).toBeNull();
    // A 12-hour clock.
    expect(parseTextDate('8 January 2020, 3:51 pm', 'en')).toBe('2020-01-08T15:51:00');
    expect(parseTextDate('May 7, 2021 at 12:05 a.m.', 'en')).toBe('2021-05-07T00:05:00');
  });

  it('normalises machine-written dates and keeps the offset', () => {
    expect(normalizeDate('2020-09-14T12:34:00+0200')).toBe('2020-09-14T12:34:00+02:00');
    expect(normalizeDate('2020-09-14 12:34:00.389000+00:00')).toBe('2020-09-14T12:34:00+00:00');
    expect(normalizeDate('Mon, 14 Sep 2020 10:34:00 GMT')).toBe('2020-09-14T10:34:00Z');
    expect(normalizeDate('1600080000')).toBe('2020-09-14T10:40:00Z');
    expect(normalizeDate('1890-01-01')).toBeNull();
    // Days the calendar does not have.
    expect(normalizeDate('2021-02-29')).toBeNull();
    expect(parseTextDate('31.11.2020', 'de')).toBeNull();
    expect(normalizeDate('2020-02-29')).toBe('2020-02-29');
    // Java's Date.toString(), as Java publishing systems write it into JSON-LD.
    expect(normalizeDate('Tue Jul 30 09:35:14 CEST 2019')).toBe('2019-07-30T09:35:14+02:00');
    expect(normalizeDate('Mon Mar 31 09:05:00 XYZ 2003')).toBe('2003-03-31T09:05:00');
    // Seconds written with one digit keep their zone (it: La Gazzetta del Mezzogiorno).
    expect(normalizeDate('2020-12-05T23:15:0Z')).toBe('2020-12-05T23:15:00Z');
  });

  it('reads the JSON-LD date a Java system wrote (de: FAZ)', () => {
    expect(published('htmldate-eval/faz.net.leone')).toBe('2019-07-30T09:35:14+02:00');
  });

  it('reads the date of a page that declares a WebPage, not an article (de: clinic)', () => {
    const key = 'htmldate-eval/acredis.com.augenlidstraffung';
    expect(published(key)?.slice(0, 10)).toBe(loadTruth(key).date?.slice(0, 10));
  });

  it('finds the date of a page that shows it only as text (no meta, no JSON-LD, no <time>)', () => {
    const key = 'trafilatura-eval/auto-presse.de-minisuv';
    expect(
      loadPage(key).doc.querySelector(
        'time, meta[property*="time"], script[type="application/ld+json"]',
      ),
    ).toBeNull();
    expect(published(key)?.slice(0, 10)).toBe(loadTruth(key).date);
  });

  it("does not take an embedded post's date for the article's (de: Instagram posts)", () => {
    const key = 'htmldate-eval/horizont.net';
    // The embedded Instagram posts carry <time datetime> in their <blockquote>s.
    expect(loadPage(key).doc.querySelector('blockquote time[datetime]')).not.toBeNull();
    expect(published(key)?.slice(0, 10)).toBe(loadTruth(key).date);
  });

  it('reads the date in the language of the text when the page declares another (ro, fr)', () => {
    // A Romanian site that keeps its template's lang="en": "20 septembrie 2020".
    const romanian = 'htmldate-mediacloud/1716324024';
    expect(loadPage(romanian).doc.documentElement.getAttribute('lang')).toBe('en');
    expect(published(romanian)?.slice(0, 10)).toBe(loadTruth(romanian).date?.slice(0, 10));
    // A French blog template dating a post written in English: the template's language first.
    const french = 'trafilatura-eval/sibenlab.blogspot.com.privacy';
    expect(published(french)?.slice(0, 10)).toBe(loadTruth(french).date?.slice(0, 10));
  });

  it('prefers structured data to visible text', () => {
    expect(published('fundus/at-DerStandard_2024_05_03')).toMatch(
      /^2024-05-03T\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/,
    );
  });

  it("tells a time declared in UTC in the publisher's own time, as the page shows it", () => {
    // JSON-LD 01:09:55Z; the page's <time> shows 18:09:55 the day before, without an offset.
    expect(published('htmldate-eval/denverpost.com-Colorado')).toBe('2023-11-08T18:09:55-07:00');
    // article:published_time in UTC; the <time datetime> states the same instant at -08:00.
    expect(published('htmldate-eval/ktla.com-Tarzana')).toBe('2023-11-08T22:35:29-08:00');
    // No local clock for that instant on the page: left in UTC.
    expect(published('htmldate-eval/belfastlive.co.uk-DUP')).toBe('2023-11-03T08:44:04Z');
  });

  it('tells a time declared in UTC on the day the address dates the story (en, es, de, it)', () => {
    // "/2020/02/24/" and 02:25:54Z: New York's evening of the 24th, the same instant.
    expect(published('trafilatura-eval/pagesix.com.myers')).toBe('2020-02-24T23:25:54-03:00');
    // "/news/20200413/" and 00:38:07Z.
    expect(published('htmldate-mediacloud/1577551432')).toBe('2020-04-13T23:38:07-01:00');
    // East of Greenwich: "/2019/01/01/" and 23:11:59+00:00 on New Year's Eve.
    const blog = 'trafilatura-eval/literaturgefluester.wordpress.com.jahr';
    expect(published(blog)).toBe('2019-01-01T00:11:59+01:00');
    expect(published(blog)?.slice(0, 10)).toBe(loadTruth(blog).date);
    const repubblica = 'htmldate-eval/Repubblica.it-Israele-Hamas';
    expect(published(repubblica)?.slice(0, 10)).toBe(loadTruth(repubblica).date?.slice(0, 10));
  });

  it('leaves a time in UTC when the address dates the same day or one far off', () => {
    const { doc } = loadPage('htmldate-eval/belfastlive.co.uk-DUP');
    // The same page under addresses dated the same day and two days before.
    expect(detectArticle(doc, { url: 'https://example.com/2023/11/03/dup' }).publishedTime).toBe(
      '2023-11-03T08:44:04Z',
    );
    expect(detectArticle(doc, { url: 'https://example.com/2023/11/01/dup' }).publishedTime).toBe(
      '2023-11-03T08:44:04Z',
    );
    // Dated the day before, yet 08:44 UTC is further from midnight than any nearby zone's day.
    expect(detectArticle(doc, { url: 'https://example.com/2023/11/02/dup' }).publishedTime).toBe(
      '2023-11-03T08:44:04Z',
    );
    // The Washington Post dates its address the day it drafts the story (published 10:04Z).
    const post = 'htmldate-mediacloud/1676872902';
    expect(published(post)?.slice(0, 10)).toBe(loadTruth(post).date);
  });

  it('reads a byline that writes the year in two digits (de: rbb24, Der Farang)', () => {
    for (const key of ['fundus/de-RBB24_2024_04_25', 'htmldate-eval/der-farang.com-Grab-Bote']) {
      expect(published(key)?.slice(0, 10)).toBe(loadTruth(key).date?.slice(0, 10));
    }
  });

  it('prefers the date the article shows to a generic "date" meta tag (de: nd)', () => {
    // <meta name="date"> is the day the page was last saved; the article shows 29.04.2020.
    const key = 'trafilatura-eval/neues-deutschland.de.mietenstreik';
    expect(loadPage(key).doc.querySelector('meta[name="date"]')?.getAttribute('content')).toBe(
      '2020-04-30',
    );
    expect(published(key)).toBe('2020-04-29T12:01:00');
  });

  it("takes the address's day over a day written in the text (de: WordPress blog)", () => {
    // The headline names the event's day ("19.5.2007"); the post is filed under /2007/05/20/.
    const key = 'trafilatura-eval/leichtathletik-ostalbkreis.de.1952007';
    expect(published(key)).toBe('2007-05-20');
  });

  it('reads a numeric date day first on a page that declares en-GB only in xml:lang (MSN)', () => {
    const key = 'trafilatura-eval/msn.com.university';
    expect(loadPage(key).doc.documentElement.getAttribute('lang')).toBeNull();
    // "02/10/2020": 2 October in British English, not 10 February.
    expect(published(key)).toBe('2020-10-02');
  });

  it("reads the RDFa date in an article's own <footer> (de: Drupal site)", () => {
    expect(published('trafilatura-eval/meininger.de-wachstum')).toBe('2022-01-28T12:45:46+00:00');
  });

  it("takes a post's date from its permalink, not from links elsewhere (en: forum thread)", () => {
    const key = 'trafilatura-eval/villagersandheroes.com.forums.patchnotes';
    const { doc, url } = loadPage(key);
    // The thread's first <time> sits in a link to the thread itself; a later reply's edit
    // note ("Oct 6, 2020") is the first date outside any link.
    const first = doc.querySelector('time')!;
    expect(first.closest('a')?.getAttribute('href')).toBe(new URL(url!).pathname);
    expect(published(key)?.slice(0, 10)).toBe(loadTruth(key).date);
    // Guard: the same date linking to another page is a teaser's and not taken.
    first.closest('a')!.setAttribute('href', '/forums/threads/another-thread.4000/');
    for (const a of doc.querySelectorAll('a[href$="bugfix-build.3976/"]'))
      a.setAttribute('href', '/forums/threads/another-thread.4000/');
    expect(detectArticle(doc, { url }).publishedTime?.slice(0, 10)).not.toBe('2020-09-18');
  });

  it('dates a page by the update its date line shows and declares (de, en)', () => {
    // RTL shows "20. März 2021 - 15:00 Uhr", its JSON-LD dateModified; datePublished is the 16th.
    expect(published('htmldate-eval/rtl.de-lockdown')).toBe('2021-03-20T14:00:17Z');
    // "Updated Mar 12, 2020 @ 10:42 am" under the headline; published October 2019.
    const giggles = 'trafilatura-eval/hellogiggles.com.skin';
    expect(published(giggles)?.slice(0, 10)).toBe(loadTruth(giggles).date);
    // Guards: a day written in the article that the page does not declare stays unused — a
    // related story's date (junge Welt) or a video's "Verfügbar bis 06.05.2024" (WDR).
    for (const key of ['fundus/de-JungeWelt_2024_04_26', 'fundus/de-WDR_2024_04_22']) {
      expect(published(key)?.slice(0, 10)).toBe(loadTruth(key).date?.slice(0, 10));
    }
  });

  it('reads the day a <time> shows over its datetime days apart (fr: paris-luttes.info)', () => {
    const key = 'htmldate-eval/paris-luttes.info';
    const time = loadPage(key).doc.querySelector('header time')!;
    expect(time.getAttribute('datetime')).toBe('2019-07-03T10:18:46Z');
    expect(time.textContent?.trim()).toBe('Publié le 29 juin 2019');
    expect(published(key)).toBe('2019-06-29');
    // Guard: a <time> showing its datetime's day keeps the datetime, with its clock.
    expect(published('htmldate-eval/ktla.com-Tarzana')).toBe('2023-11-08T22:35:29-08:00');
  });

  it('takes the earlier publication where the declared one is restamped with the update (fr)', () => {
    // Madame Figaro: microdata datePublished = dateModified = 2020-02-19;
    // article:published_time 2017-04-12.
    expect(published('trafilatura-eval/madame.lefigaro.fr.dintestin')).toBe(
      '2017-04-12T18:33:59+02:00',
    );
    // Guard: published and modified on the same day, nothing earlier declared (Die Zeit).
    expect(published('trafilatura-eval/0a12df42d1764095989ab078ee0f940b')).toBe(
      '2019-10-19T19:08:22+02:00',
    );
  });

  it('tells a UTC time on the day the date line shows (de: KAS)', () => {
    // KAS: article:published_time 2021-11-04T23:00Z; the page shows "5. November 2021".
    const key = 'trafilatura-eval/kas.de-nordmazedonien';
    expect(published(key)).toBe('2021-11-05T00:00:00+01:00');
    // Guards: with the date line gone nothing tells the local day, and the UTC time stays;
    // a time further from midnight than any nearby zone reaches stays too.
    const { doc, url } = loadPage(key);
    const meta = doc.querySelector('meta[property="article:published_time"]')!;
    meta.setAttribute('content', '2021-11-04T15:00Z');
    expect(detectArticle(doc, { url }).publishedTime).toBe('2021-11-04T15:00:00Z');
    meta.setAttribute('content', '2021-11-04T23:00Z');
    doc.querySelector('.o-metadata--date')!.remove();
    expect(detectArticle(doc, { url }).publishedTime).toBe('2021-11-04T23:00:00Z');
  });

  it('reads a date that is the last segment of the address (de: WEISSER RING)', () => {
    // The press release shows no date; Drupal files it under ".../meldungen/29-10-2021".
    const key = 'trafilatura-eval/weisser-ring.de-Erfolgsgechichte';
    expect(published(key)).toBe('2021-10-29');
    // Guards: numbers that only start the segment, or stand in the middle of the path, are no date.
    const { doc } = loadPage(key);
    for (const url of [
      'https://example.org/meldungen/29-10-2021-erfolg',
      'https://example.org/29-10-2021/meldung',
    ])
      expect(detectArticle(doc, { url }).publishedTime).toBeNull();
  });

  it('reads Drupal\'s "submitted" byline before a carousel\'s dates (de: Creative Commons AT)', () => {
    // "Gespeichert von rasos am 24. Juli 2017 - 18:55"; a carousel above shows 26 August.
    expect(published('trafilatura-eval/creativecommons.at.faircoin')).toBe('2017-07-24T18:55:00');
  });

  it("reads the date in an article's own <aside>, not in one beside it (de: ALPIN)", () => {
    // <article> … <aside class="meta"><time datetime="2022-01-21">; <meta name="date"> is the 26th.
    const key = 'trafilatura-eval/alpin.de-freeride';
    expect(published(key)).toBe('2022-01-21');
    // Guard: the same <aside> beside the article is a sidebar's.
    const { doc, url } = loadPage(key);
    const aside = doc.querySelector('article aside.meta')!;
    aside.closest('article')!.after(aside);
    expect(detectArticle(doc, { url }).publishedTime?.slice(0, 10)).toBe('2022-01-26');
  });

  it('takes the day a label names the publication over a change shown first (de)', () => {
    // Caritas: "Zuletzt geändert am: 15.10.2021" in the date list, "Erschienen am: 13.10.2021"
    // below the text; literaturkritik.de: "Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen
    // am: 01.11.2023".
    expect(published('trafilatura-eval/caritas.de-Pr_sidentin')).toBe('2021-10-13');
    expect(published('trafilatura-eval/literaturkritik.de-Ann-Cotten')).toBe('2023-11-01');
  });

  it('leaves a sentence that says when something appeared to the story (de)', () => {
    const { doc, url } = loadPage('trafilatura-eval/literaturkritik.de-Ann-Cotten');
    const footer = doc.querySelector('.rez_footer')!;
    // The label's line becomes a sentence naming another day.
    footer.innerHTML = footer.innerHTML.replace(
      'Erschienen am: 01.11.2023',
      'Ihr erster Band, erschienen am 3. März 2019, wurde viel gelobt.',
    );
    expect(detectArticle(doc, { url }).publishedTime).toBe('2023-10-31T14:49:00');
  });

  it('redates a page by the day its text shows when that is the update it declares (de)', () => {
    // angelmagazin.de shows "12.01.2022" under the byline with no date markup: dateModified.
    const angler = 'trafilatura-eval/angelmagazin.de-schmerzen';
    expect(published(angler)).toBe('2022-01-12T14:27:30+00:00');
    // Macwelt: "04.02.2022 | 15:33 Uhr" in the author line; pubdate 2021-12-14, modified 02-04.
    expect(published('trafilatura-eval/macwelt.de-warten')).toBe('2022-02-04T15:33:00+01:00');
    // Guard: a day shown that the page does not declare leaves the declared publication.
    const { doc, url } = loadPage(angler);
    const byline = [...doc.querySelectorAll('.author-ch')].find((el) =>
      el.textContent?.includes('12.01.2022'),
    )!;
    byline.innerHTML = byline.innerHTML.replace('12.01.2022', '20.12.2021');
    expect(detectArticle(doc, { url }).publishedTime).toBe('2021-11-29T14:13:37+00:00');
  });
});
