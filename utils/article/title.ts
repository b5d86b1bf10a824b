/**
 * The headline: the page's `<h1>` that agrees with the title the publisher declares (JSON-LD
 * headline, og:title, `<title>`), else the declared title without the site name.
 */
import type { BoilerplateTest } from './clean';
import { collapse, nameTokens, normalizeKey, shownText, weightedLength } from './text';

/** Separators between headline and site name in `<title>` and og:title ("Headline | Site"). */
const TITLE_SEPARATOR_RE = /(\s+[|\-–—:·•»/]{1,2}\s+)/;
/**
 * A site name set after a bar with no spaces, and a section joined by a dash before it the same
 * way ("…부담 커졌다-정치ㅣ한국일보"): the site name is the last group.
 */
const UNSPACED_SUFFIX_RE = /(?:[-–—]\p{L}{1,12})?(?<=\S)[|｜ㅣ](?=\S)([^|｜ㅣ]+)$/u;
/** A separator with nothing after it ("Über André Loibl |"). */
const DANGLING_SEPARATOR_RE = /\s+[|·•]+\s*$/;
/** Headings shorter than this are logos or section names, not headlines. */
const MIN_HEADLINE_LENGTH = 8;
/** A kicker is a few words ("Tag der Abstimmung", "SVP-Sonderparteitag zur Migration"). */
const MAX_KICKER_LENGTH = 60;
/** A title this many words long is specific enough to find reworded on the page. */
const MIN_HEADLINE_WORDS = 4;
/** Share of the title's words a reworded headline keeps. */
const MIN_SHARED_WORDS = 0.5;
/** A reworded headline (with its kicker) is at most this many times as long as the title. */
const MAX_HEADLINE_GROWTH = 2;
/** A box with more text than this (characters) holds more than a headline. */
const MAX_HEADLINE_TEXT = 300;
/**
 * What sets a site name, section or date after the headline in a declared title ("…明らかに|au
 * Webポータル", "… | DW | 19.01.2020", "…一枚」（2020年2月15日）｜BIGLOBEニュース"). Not ":",
 * which a subtitle follows.
 */
const SUFFIX_SEPARATOR_RE = /^\s*[|｜ㅣ\-–—»·•/(（[]/u;
/** Dashes also join the clauses of a headline ("Abnehmspritze kommt - So teuer wird sie"). */
const DASH_SEPARATOR_RE = /^\s*[-–—]/u;
/** What sets a site name before the headline ("NEWS WEB EASY|子どもへの…"). */
const PREFIX_SEPARATOR_RE = /[|｜ㅣ\-–—»·•/]\s*$/u;
/** A suffix this long (Latin-letter equivalents) or shorter may be a site's name or a date. */
const MAX_SUFFIX_LENGTH = 30;
/** The path of a site's front page: "/", "/index.html". */
const FRONT_PAGE_PATH_RE = /^\/(?:index\.\w+)?$/;
/** Elements other than `<h1>` that some sites use for the headline. */
const HEADLINE_TOKENS = new Set(['headline', 'title', 'heading']);

export interface TitleResult {
  title: string;
  element: Element | null;
}

function visible(el: Element, isBoilerplate: BoilerplateTest): boolean {
  for (let a: Element | null = el; a && a.tagName !== 'BODY'; a = a.parentElement) {
    if (isBoilerplate(a) && a.tagName !== 'HEADER') return false;
  }
  return true;
}

/** An element other than a heading that the page marks as its headline. */
function namesHeadline(el: Element): boolean {
  return (
    el.getAttribute('itemprop') === 'headline' || nameTokens(el).some((t) => HEADLINE_TOKENS.has(t))
  );
}

/** A heading inside a link, or whose text is a link: it points elsewhere. */
function isLinkedHeading(el: Element): boolean {
  if (el.closest('a')) return true;
  const text = collapse(el.textContent).length;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += collapse(a.textContent).length;
  return text > 0 && linked >= text / 2;
}

/** A heading linking to the site's front page is its logo (`<h1><a href="/">Internet-Law`). */
function linksHome(el: Element): boolean {
  const href = (el.closest('a') ?? el.querySelector('a'))?.getAttribute('href');
  if (!href) return false;
  try {
    const target = new URL(href, el.ownerDocument.baseURI);
    return (
      target.host === new URL(el.ownerDocument.URL).host &&
      FRONT_PAGE_PATH_RE.test(target.pathname) &&
      !target.search
    );
  } catch {
    return false; // A page parsed without an address: nothing to compare with.
  }
}

/**
 * The declared title without the site name: "Headline | Site", "Site - Headline", and
 * "Headline | Site | Tagline". `guess`: also drop a short unknown last part, which is usually the
 * site's name.
 */
export function stripSiteName(title: string, siteNames: string[], guess = true): string {
  const text = title.replace(DANGLING_SEPARATOR_RE, '');
  const sites = siteNames.map(normalizeKey).filter(Boolean);
  const unspaced = UNSPACED_SUFFIX_RE.exec(text);
  if (unspaced && sites.includes(normalizeKey(unspaced[1] ?? '')))
    return text.slice(0, unspaced.index);
  // Parts at even indexes, the separators between them at odd ones.
  const pieces = text.split(TITLE_SEPARATOR_RE);
  if (pieces.length < 3) return text;
  // A part with no words ("☆☆☆☆☆") is decoration and goes with the site's name.
  const isSite = (p: string) => {
    const k = normalizeKey(p);
    return !k || sites.some((s) => k === s || k.includes(s) || s.includes(k));
  };
  const before = (i: number) => pieces.slice(0, i - 1).join('');
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  // The site's name may itself hold a separator ("AOC media - Analyse Opinion Critique").
  let end = pieces.length - 1;
  while (end > 0 && isSite(pieces[end]!)) end -= 2;
  if (end < pieces.length - 1) return before(end + 2);
  // A part that is exactly the site's name ends the headline; what follows is its tagline.
  const site = pieces.findIndex((p, i) => i > 0 && i % 2 === 0 && sites.includes(normalizeKey(p)));
  if (site > 0) return before(site);
  if (isSite(first)) return pieces.slice(2).join('');
  // Unknown site name: a short last part after a separator is usually it.
  return guess && last.length < first.length / 2 && last.length <= MAX_SUFFIX_LENGTH
    ? before(pieces.length - 1)
    : text;
}

/**
 * `declared` lists the structured-data headline, og:title (or twitter:title) and `<title>`, in
 * that order.
 */
export function findTitle(
  elements: readonly Element[],
  declared: (string | null)[],
  siteNames: string[],
  isBoilerplate: BoilerplateTest,
): TitleResult {
  const refs = declared.filter((x): x is string => !!x).map((t) => normalizeKey(t));
  // A logo set in an <h1> ("India Post") matches the site name that ends the <title>.
  const names = new Set(siteNames.map((n) => normalizeKey(n)));
  const matches = (text: string) => {
    const k = normalizeKey(text);
    return (
      k.length >= MIN_HEADLINE_LENGTH &&
      !names.has(k) &&
      refs.some(
        (r) =>
          r === k ||
          r.startsWith(k) ||
          r.endsWith(k) ||
          r.includes(` ${k} `) ||
          // A kicker written into the heading's text before the headline ("Tag der Abstimmung:
          // Niederlage für Johnson…").
          (k.endsWith(` ${r}`) && k.length - r.length <= MAX_KICKER_LENGTH),
      )
    );
  };
  const [structured, social] = declared;
  const squash = (t: string) => normalizeKey(t).replace(/\s/g, '');
  const shown = (el: Element) => visible(el, isBoilerplate);
  const found = locateHeadline(elements, matches, declared, siteNames, shown);
  // A kicker in its own <span> runs into the headline in the DOM text ("Nationale DemoDer 9.
  // Juli"); a declared title with the same letters has the spacing the reader sees.
  const spelled =
    declared
      .filter((x): x is string => !!x)
      .map((d) => stripSiteName(collapse(d), siteNames, false))
      .find((d) => squash(d) === squash(found.title)) ?? found.title;
  // The publisher states the headline three times: JSON-LD, og:title and the <h1>. Two that agree
  // settle it; otherwise og:title, the headline the publisher chose for sharing (the <h1> may
  // carry a kicker, the JSON-LD an SEO variant).
  const socialTitle = social ? stripSiteName(collapse(social), siteNames) : null;
  const socialAgrees =
    !!structured &&
    !!social &&
    [social, socialTitle ?? ''].some((s) => normalizeKey(s) === normalizeKey(structured));
  let title: string;
  if (structured && socialAgrees) title = stripSiteName(collapse(structured), siteNames, false);
  else if (structured && squash(structured) === squash(found.title)) title = spelled;
  else title = socialTitle ?? spelled;
  const shownTitle = found.element ? collapse(shownText(found.element)) : '';
  if (shownTitle && addsSiteParts(title, shownTitle, siteNames)) title = shownTitle;
  return { title, element: found.element };
}

/**
 * The declared title is the headline the page shows with site parts the site-name rules did not
 * catch: after it, a part naming the site or too short to be more of the headline (unless a dash
 * joins it); before it, a part naming the site ("NEWS WEB EASY|子どもへの…").
 */
function addsSiteParts(declared: string, shown: string, siteNames: string[]): boolean {
  const key = normalizeKey(shown);
  if (!key || normalizeKey(declared) === key) return false;
  const sites = siteNames.map(normalizeKey).filter(Boolean);
  const namesSite = (part: string) => sites.some((site) => normalizeKey(part).includes(site));
  for (let i = 1; i < declared.length; i++) {
    const [before, after] = [declared.slice(0, i), declared.slice(i)];
    if (SUFFIX_SEPARATOR_RE.test(after) && normalizeKey(before) === key) {
      const length = weightedLength(normalizeKey(after));
      const short = length <= MAX_SUFFIX_LENGTH && length < weightedLength(key) / 2;
      return namesSite(after) || (short && !DASH_SEPARATOR_RE.test(after));
    }
    if (PREFIX_SEPARATOR_RE.test(before) && normalizeKey(after) === key) return namesSite(before);
  }
  return false;
}

function locateHeadline(
  elements: readonly Element[],
  matches: (text: string) => boolean,
  declared: (string | null)[],
  siteNames: string[],
  visible: (el: Element) => boolean,
): TitleResult {
  const h1s = elements.filter((el) => el.tagName === 'H1' && visible(el));
  for (const h1 of h1s) {
    const text = collapse(shownText(h1));
    if (matches(text)) return { title: text, element: h1 };
  }
  for (const el of elements) {
    if (el.tagName !== 'H2' && !namesHeadline(el)) continue;
    const text = collapse(shownText(el));
    if (text.length < MAX_HEADLINE_TEXT && matches(text) && visible(el))
      return { title: text, element: el };
  }
  const firstDeclared = declared.find((x): x is string => !!x);
  // The page's own headline, worded unlike every declared title. Among several <h1>, one that
  // links to a section or another story is not it ("Mehr aus Sachsen-Anhalt" over teasers).
  const long = h1s.filter(
    (el) => collapse(shownText(el)).length >= MIN_HEADLINE_LENGTH && !linksHome(el),
  );
  const headlines = h1s.length > 1 ? long.filter((el) => !isLinkedHeading(el)) : long;
  const h1 = headlines[0];
  if (h1 && (!firstDeclared || headlines.length === 1))
    return { title: collapse(shownText(h1)), element: h1 };
  return {
    title: firstDeclared ? stripSiteName(firstDeclared, siteNames) : '',
    element: headlineLike(elements, declared, visible),
  };
}

/**
 * The element showing the headline when none matches a declared title: the page words it
 * differently ("Diese zwei Grafiken zeigen…" for "Diese Grafiken zeigen…"), often while the
 * only `<h1>` repeats the declared title in a breadcrumb trail. It is what the reader sees, so
 * it is what gets translated in place.
 */
function headlineLike(
  elements: readonly Element[],
  declared: (string | null)[],
  visible: (el: Element) => boolean,
): Element | null {
  const titles = declared
    .filter((x): x is string => !!x)
    .map((t) => new Set(normalizeKey(t).split(' ').filter(Boolean)))
    .filter((words) => words.size >= MIN_HEADLINE_WORDS);
  // The share of a declared title's words the element shows, for the title it shows best.
  const shareOf = (el: Element) => {
    const text = collapse(shownText(el));
    if (text.length >= MAX_HEADLINE_TEXT) return 0;
    const own = normalizeKey(text).split(' ');
    return Math.max(
      0,
      ...titles.map((words) =>
        own.length > MAX_HEADLINE_GROWTH * words.size
          ? 0
          : new Set(own.filter((w) => words.has(w))).size / words.size,
      ),
    );
  };
  let best: Element | null = null;
  let bestShare = 0;
  for (const el of elements) {
    if ((el.tagName !== 'H1' && el.tagName !== 'H2' && !namesHeadline(el)) || !visible(el))
      continue;
    const share = shareOf(el);
    if (
      share >= MIN_SHARED_WORDS &&
      (share > bestShare || (share === bestShare && best!.contains(el)))
    ) {
      best = el;
      bestShare = share;
    }
  }
  return best;
}
