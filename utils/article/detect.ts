/**
 * Article detection: combines structured data (JSON-LD, microdata), meta tags, the page's
 * headline and a content-scoring pass over the DOM into one Article. Runs on a live page in the
 * content script and on a parsed document in Node; it reads the page and never changes it.
 */
import type { Article, ArticleBlock, DetectOptions } from './types';
import { findBody } from './body';
import { findCaptions } from './captions';
import { boilerplateTest } from './clean';
import { findDates, type PageDates } from './published';
import { SAMPLE_LENGTH, textLanguage } from './language';
import { findLead } from './lead';
import { firstMeta, readMeta } from './meta';
import { findByline } from './byline';
import { findCopyrightNotices, findLogoNames, findPublisher, hostnameBrand } from './publisher';
import { readStructuredData } from './structured-data';
import { collapse, descendantSteps, indexSteps, weightedLength } from './text';
import { pauseDue, runSliced, runToEnd, type Steps } from './steps';
import { findTitle } from './title';
import { findSite } from '../sites/registry';

/** Past this share of the body, captions are the story (a gallery), not beside it. */
const MAX_CAPTION_SHARE = 0.5;
/** Body text (Latin-letter equivalents) below which a page is not an article. */
const MIN_ARTICLE_LENGTH = 500;
/** With structured data or og:type saying "article", short news items count too. */
const MIN_DECLARED_ARTICLE_LENGTH = 200;
/** Below this share of the JSON-LD articleBody on the page, the page hides most of the article. */
const MIN_SHOWN_SHARE = 0.5;
/**
 * Share of the body's text above the headline past which the headline is not the story's top:
 * kickers and labels above a headline are short.
 */
const MAX_ABOVE_TITLE_SHARE = 0.5;
/** A body holding this many linked headlines is a list of teasers (a home or section page). */
const MAX_TEASER_HEADLINES = 8;
/** ...unless it also holds a paragraph this long: teaser blurbs are short, article prose is not. */
const MIN_ARTICLE_PARAGRAPH = 400;

function hostnameOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * An address as the page writes it ("/news/story.html") made absolute, as the browser resolves
 * it: against the document's base URL, else the page's own.
 */
function absoluteUrl(
  href: string | null | undefined,
  doc: Document,
  pageUrl: string | undefined,
): string | null {
  if (!href) return null;
  for (const base of [doc.baseURI, pageUrl]) {
    try {
      return new URL(href, base).href;
    } catch {
      // Not resolvable against this base ("about:blank" for a document parsed without a URL).
    }
  }
  return null;
}

function normalizeLang(lang: string | null | undefined): string | null {
  const value = lang?.trim().replace(/_/g, '-');
  return value && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value) ? value : null;
}

/** Links that hold a headline, or headlines that hold a link: teasers of other articles. */
function* countTeaserHeadlines(container: Element | null): Steps<number> {
  let count = 0;
  for (const el of yield* descendantSteps(container)) {
    if (pauseDue()) yield;
    if (el.tagName !== 'A') continue;
    const parent = el.parentElement?.tagName ?? '';
    const child = el.firstElementChild?.tagName ?? '';
    if (/^H[23]$/.test(parent) || /^H[23]$/.test(child)) count++;
  }
  return count;
}

/** The smallest element holding both the headline and the body: the article's own root. */
function articleScope(title: Element | null, container: Element | null): Element | null {
  if (!container) return null;
  let scope: Element | null = container;
  if (title) {
    while (scope && !scope.contains(title)) scope = scope.parentElement;
  }
  if (!scope || scope.tagName === 'BODY' || scope.tagName === 'HTML') {
    scope = container;
    for (let a: Element | null = container; a; a = a.parentElement) {
      if (
        a.tagName === 'ARTICLE' ||
        a.tagName === 'MAIN' ||
        a.getAttribute('itemprop') === 'articleBody'
      ) {
        scope = a;
        break;
      }
    }
  }
  return scope;
}

/**
 * An article found, but for its dates, and what reads them. Translation does not wait for the
 * dates: reading a written-out date costs a page its first `Intl.DateTimeFormat` (20–125 ms in
 * Chromium), so the content script reads them once its first reply is shown or the popup asks.
 */
export interface Detection {
  /** The article, dated only once `readDates` has been called. */
  article: Article;
  readDates(): PageDates;
}

/** Detection at once: scripts, tests and anything not on a live page. */
export function detectArticle(doc: Document, options: DetectOptions = {}): Article {
  const { article, readDates } = runToEnd(detectSteps(doc, options));
  const { published, modified } = readDates();
  return { ...article, publishedTime: published, modifiedTime: modified };
}

/**
 * Detection in slices that let the page run between them (input, rendering): the content
 * script's, with the dates left to read. The page may change during a pause: the blocks found
 * are what each slice saw, and one removed meanwhile is to its reader as one removed after
 * detection.
 */
export function detectArticleSliced(
  doc: Document,
  options: DetectOptions = {},
): Promise<Detection> {
  return runSliced(detectSteps(doc, options));
}

function* detectSteps(doc: Document, options: DetectOptions): Steps<Detection> {
  const index = yield* indexSteps(doc.documentElement);
  // Judged afresh on each run: the page may have changed since the last (paragraphs that arrived late).
  const isBoilerplate = boilerplateTest(index.all);
  yield;
  const meta = readMeta(index.all);
  yield;
  const data = readStructuredData(index.all);
  yield;
  const canonicalUrl =
    absoluteUrl(
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      doc,
      options.url,
    ) ??
    absoluteUrl(firstMeta(meta, ['og:url']), doc, options.url) ??
    options.url ??
    null;
  const pageUrl = options.url ?? canonicalUrl ?? (doc.location?.href || null);
  const site = findSite(hostnameOf(pageUrl) ?? '', options.sites);
  // "og:site:name" is a common misspelling of the property.
  const ogSiteName = firstMeta(meta, ['og:site_name', 'og:site:name']);
  const publisher = findPublisher({
    registryName: site?.publisher,
    siteName: ogSiteName,
    structuredNames: data.publisherNames,
    metaName: firstMeta(meta, ['application-name', 'publisher', 'dc.publisher']),
    copyright: firstMeta(meta, ['copyright', 'dc.rights']),
    logoNames: () => findLogoNames(index.all),
    copyrightNotices: () => findCopyrightNotices(index.all),
    documentTitle: collapse(doc.title),
    hostname: hostnameOf(pageUrl),
    handle: firstMeta(meta, ['twitter:site']),
  });
  const lang =
    // An XHTML page may declare only xml:lang ("en-GB": day-first dates).
    normalizeLang(
      doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang'),
    ) ??
    normalizeLang(firstMeta(meta, ['content-language', 'og:locale', 'language', 'dc.language'])) ??
    normalizeLang(data.inLanguage) ??
    site?.lang ??
    null;

  const siteNames = [
    publisher,
    ogSiteName,
    ...data.publisherNames,
    site?.publisher,
    hostnameOf(pageUrl),
    // The address read as a name ("Internet Law"): a logo in an <h1> may spell it so.
    hostnameBrand(hostnameOf(pageUrl) ?? ''),
  ].filter((x): x is string => !!x);
  const declaredTitle = [
    data.headline,
    firstMeta(meta, ['og:title', 'twitter:title']),
    collapse(doc.title),
  ];
  yield;
  const { title, element: titleElement } = findTitle(
    index.all,
    declaredTitle,
    siteNames,
    isBoilerplate,
  );

  yield;
  const body = yield* findBody(doc, lang ?? 'en', isBoilerplate);
  // Kickers and labels above the headline are not body; only trusted when the headline sits in
  // the body container (a stray <h1> elsewhere says nothing about order).
  const titleAt = titleElement ? (index.position.get(titleElement) ?? -1) : -1;
  const aboveTitle = (b: ArticleBlock) => (index.position.get(b.element) ?? 0) < titleAt;
  const textLength = (bs: ArticleBlock[]) => bs.reduce((n, b) => n + weightedLength(b.text), 0);
  const above = body.blocks.filter(aboveTitle);
  // A "headline" with most of the body above it repeats the title lower down (a summary box, a
  // product pitch): the story starts above it.
  const titleHeadsBody =
    !!titleElement &&
    !!body.container?.contains(titleElement) &&
    textLength(above) < MAX_ABOVE_TITLE_SHARE * textLength(body.blocks);
  const blocksAfterTitle = titleElement
    ? body.blocks.filter(
        (b) =>
          !titleElement.contains(b.element) &&
          !b.element.contains(titleElement) &&
          !(titleHeadsBody && aboveTitle(b)),
      )
    : body.blocks;
  yield;
  const descriptions = [
    data.description,
    ...['og:description', 'description', 'twitter:description'].map((k) => meta.get(k)),
  ];
  const { lead, blocks: withLead } = findLead(
    index,
    blocksAfterTitle,
    titleElement,
    descriptions,
    isBoilerplate,
  );
  yield;
  const at = (b: ArticleBlock) => index.position.get(b.element) ?? 0;
  const ordered = withLead.sort((a, b) => at(a) - at(b));

  const scope = articleScope(titleElement, body.container);
  const story = ordered.map((b) => b.element);
  if (titleElement) story.push(titleElement);
  yield;
  const captions = yield* findCaptions(scope, story);
  // A photo's caption set as a paragraph is the caption, not body text; unless the captions tell
  // the story (a gallery).
  const inCaption = new Set<ArticleBlock>();
  for (const b of ordered) {
    if (pauseDue()) yield;
    if (captions.some((c) => c.element.contains(b.element))) inCaption.add(b);
  }
  const blocks =
    textLength(ordered.filter((b) => inCaption.has(b))) < MAX_CAPTION_SHARE * textLength(ordered)
      ? ordered.filter((b) => !inCaption.has(b))
      : ordered;
  yield;
  // The guess reads the text's start only: joining all of a long page's text costs more.
  const sample: string[] = [];
  for (let n = 0, i = 0; n < SAMPLE_LENGTH && i < blocks.length; n += blocks[i++]!.text.length + 1)
    sample.push(blocks[i]!.text);
  const textLang = textLanguage(lang ?? '', `${title} ${sample.join(' ')}`);
  // Dates written out ("6. Mai 2014") are read in the page's language; when that finds none, in
  // the language of its text, which a page may not declare or declare wrongly (a Romanian site
  // keeping its template's "en"). Not first: the template writes the dates, a French blog's
  // date stays French above a post in English.
  const readDates = () => {
    const dates = findDates(doc, meta, data, scope, lang ?? (textLang || 'en'), pageUrl);
    return !dates.published && lang && textLang !== lang
      ? findDates(doc, meta, data, scope, textLang, pageUrl)
      : dates;
  };

  yield;
  const length = textLength(blocks);
  const declaredLength = data.articleBody ? weightedLength(data.articleBody) : 0;
  const declaredBody =
    data.articleBody &&
    declaredLength >= MIN_ARTICLE_LENGTH &&
    length < MIN_SHOWN_SHARE * declaredLength
      ? data.articleBody
      : null;
  yield;
  const teaserHeadlines = yield* countTeaserHeadlines(body.container);
  // The page says it is an article: schema.org, or og:type (some write "Article").
  const declaresArticle =
    data.isArticle || firstMeta(meta, ['og:type'])?.toLowerCase() === 'article';
  const isArticle =
    (teaserHeadlines < MAX_TEASER_HEADLINES ||
      blocks.some((b) => weightedLength(b.text) >= MIN_ARTICLE_PARAGRAPH) ||
      (declaresArticle && !!titleElement && length >= MIN_ARTICLE_LENGTH)) &&
    (length >= MIN_ARTICLE_LENGTH ||
      !!declaredBody ||
      (declaresArticle && length >= MIN_DECLARED_ARTICLE_LENGTH));

  const article: Article = {
    isArticle,
    title,
    titleElement,
    lead,
    blocks,
    declaredBody,
    captions,
    byline: findByline({
      structured: data.authors,
      elements: index.all,
      scope,
      siteNames,
      isBoilerplate,
    }),
    publishedTime: null,
    modifiedTime: null,
    publisher,
    lang,
    textLang: textLang || null,
    canonicalUrl,
  };
  return { article, readDates };
}
