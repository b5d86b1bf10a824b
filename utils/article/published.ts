/**
 * Publication and update dates: machine-readable values (JSON-LD, meta tags, `<time datetime>`),
 * then dates written as text in the page's language ("14. September 2020, 12.34 Uhr",
 * "14 septembre 2020", "2020年9月14日"), then the URL. Month names come from the platform's own
 * CLDR data (Intl.DateTimeFormat), which covers every language a browser knows at no bundle cost.
 */
import type { MetaTable } from './meta';
import { firstMeta } from './meta';
import type { StructuredArticle } from './structured-data';
import { CODE_TAGS } from './tags';
import { collapse, descendants, nameTokens } from './text';

/** Meta keys that carry the publication date, most trustworthy first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'published_time',
  'datepublished',
  'date_published',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'article.published',
  'cxenseparse:recs:publishtime',
  'citation_publication_date',
];
/**
 * Meta keys that name a date without saying which: content systems stamp them with the day the
 * page was last saved as often as with its publication, so a date the article shows comes first.
 */
const GENERIC_DATE_META = ['dc.date', 'dcterms.date', 'date'];
const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'last-modified',
];
/**
 * Microdata and RDFa properties of the element holding the publication date (Drupal marks its
 * posts with RDFa "schema:dateCreated").
 */
const PUBLISHED_PROPERTIES = new Set([
  'datePublished',
  'dateCreated',
  'schema:datePublished',
  'schema:dateCreated',
  'dc:date',
  'dc:created',
  'dcterms:created',
  'dcterms:issued',
]);
/** Class/id words of elements that show the date as text. */
const DATE_TOKENS = new Set([
  'date',
  'time',
  'datetime',
  'timestamp',
  'published',
  'publish',
  'pubdate',
  'dateline',
  'posted',
  'datum',
  'fecha',
  'data',
  'meta',
  'byline',
  'info',
  'details',
  'created',
  // Drupal's byline: "Submitted by admin on 24 July 2017".
  'submitted',
]);
/** Dates before the web or after next year are not publication dates. */
const MIN_YEAR = 1995;
/** A date element holds a date and a few words; longer texts are paragraphs that mention dates. */
const MAX_DATE_TEXT = 200;
/** How much of the page's text is searched for a date written with no markup. */
const MAX_SCANNED_TEXT = 20000;
/** Elements whose text is not searched for the page's date: code, controls and quotes. */
const UNSCANNED_TAGS = new Set([
  ...CODE_TAGS,
  // Upper-cased: an HTML document names its SVG elements in lower case.
  'SVG',
  'SELECT',
  'OPTION',
  // A quote's dates are the quoted post's.
  'BLOCKQUOTE',
]);
/** How many date-like elements are tried before giving up on visible text. */
const MAX_DATE_ELEMENTS = 40;
/**
 * A dateline is a date and a few words ("Stand: 5. Februar 2020", "2021-10-16 | Botschaft",
 * "Posted on May 7, 2021 by Admin"); with more words, or longer than this, it is a sentence
 * naming a date.
 */
const MAX_DATELINE_WORDS = 4;
const MAX_DATELINE_LENGTH = 100;
/** Words: letter runs, and each character of a script written without spaces. */
const WORD_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]|\p{L}{2,}/gu;

export interface PageDates {
  published: string | null;
  modified: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function plausible(y: number, m: number, d: number): boolean {
  return (
    y >= MIN_YEAR &&
    y <= new Date().getFullYear() + 1 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    // Day 0 of the next month is the last day of this one: no 31 November.
    d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
  );
}

function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) =>
    String((c.charCodeAt(0) - 0x30) % 16),
  );
}

/**
 * The Unix `date` and Java `Date.toString()` form, which Java publishing systems write into
 * JSON-LD: "Tue Jul 30 09:35:14 CEST 2019".
 */
const UNIX_DATE_RE =
  /^[a-z]{3},? ([a-z]{3}) (\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))? ([A-Z]{2,5}) (\d{4})$/i;
const ENGLISH_MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
/** Zone abbreviations that name one offset (IST, for one, does not). */
const ZONE_OFFSETS: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  WET: '+00:00',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  JST: '+09:00',
  KST: '+09:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/** A machine-written date (ISO 8601 and variants, RFC 2822, epoch seconds) as ISO 8601. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = toAsciiDigits(raw.trim());
  if (/^\d{10}(\d{3})?$/.test(s)) return epoch(+s.slice(0, 10));
  const iso =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{1,2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?/i.exec(
      s,
    );
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    if (!plausible(+y!, +mo!, +d!)) return null;
    if (!h) return `${y}-${mo}-${d}`;
    const offset = !zone ? '' : /^(z|utc|gmt)$/i.test(zone) ? 'Z' : formatOffset(zone);
    return `${y}-${mo}-${d}T${pad(+h)}:${mi}:${pad(+(sec ?? 0))}${offset}`;
  }
  const unix = UNIX_DATE_RE.exec(s);
  if (unix) {
    const [, mon, d, h, mi, sec, zone, y] = unix;
    const mo = ENGLISH_MONTHS.indexOf(mon!.toLowerCase()) + 1;
    if (!mo || !plausible(+y!, mo, +d!)) return null;
    return `${y}-${pad(mo)}-${pad(+d!)}T${pad(+h!)}:${mi}:${sec ?? '00'}${ZONE_OFFSETS[zone!] ?? ''}`;
  }
  // RFC 2822 and other forms Date understands ("Mon, 14 Sep 2020 12:34:00 +0200").
  if (
    /[a-z]{3}/i.test(s) &&
    /\d{4}/.test(s) &&
    /(\d{1,2}:\d{2})/.test(s) &&
    /([+-]\d{4}|GMT|UTC|Z)\b/.test(s)
  ) {
    const d = new Date(s);
    if (!isNaN(d.getTime()) && plausible(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) {
      return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
  }
  return parseTextDate(s, 'en');
}

function formatOffset(zone: string): string {
  const m = /^([+-]\d{2}):?(\d{2})?$/.exec(zone);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '';
}

function epoch(seconds: number): string | null {
  const d = new Date(seconds * 1000);
  return plausible(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
    ? d.toISOString().replace(/\.\d{3}Z$/, 'Z')
    : null;
}

interface MonthNames {
  names: Map<string, number>;
  /** The names as a regular expression source, longest first. */
  re: string;
  /** The names as whole words, to take them out of a text. */
  words: RegExp;
}
const monthCache = new Map<string, MonthNames>();

/**
 * English month names as the platform's CLDR data writes them (long, then short), in order:
 * every page is read for English dates too, and building them costs the cold first detection
 * as much as the page's own language.
 */
const ENGLISH_MONTH_NAMES = [
  ...'january february march april may june july august september october november december'.split(
    ' ',
  ),
  ...ENGLISH_MONTHS,
];

/** Month names (long, short, genitive) of `lang` and English, from the platform's CLDR data. */
function monthNames(lang: string): MonthNames {
  const cached = monthCache.get(lang);
  if (cached) return cached;
  const names = new Map<string, number>();
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { day: 'numeric', month: 'long' },
    { day: 'numeric', month: 'short' },
  ];
  for (const style of lang === 'en' ? [] : styles) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(lang, { ...style, timeZone: 'UTC' });
    } catch {
      continue;
    }
    for (let m = 0; m < 12; m++) {
      const part = format
        .formatToParts(new Date(Date.UTC(2021, m, 15)))
        .find((p) => p.type === 'month');
      const name = part?.value.toLowerCase().replace(/\.$/, '');
      if (name && !/^\d+$/.test(name) && !names.has(name)) names.set(name, m + 1);
    }
  }
  ENGLISH_MONTH_NAMES.forEach((name, i) => {
    if (!names.has(name)) names.set(name, (i % 12) + 1);
  });
  const re = [...names.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const entry = { names, re, words: new RegExp(`(?<!\\p{L})(?:${re})(?!\\p{L})`, 'gu') };
  monthCache.set(lang, entry);
  return entry;
}

/** "May 7, 2021": a month's name, a day and the year, spaced. */
const MONTH_FIRST_HINT_RE = /\S\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/;

/**
 * Whether `text` may hold a date written with a month's name: a day, a name (letters), a year
 * ("5. Mai 2014"), or a name, a day and a year. Most texts hold none, and are spared the month
 * names: the platform's date data costs a page's first detection tens of milliseconds. Found
 * step by step, not by one pattern, which would backtrack over a whole page's text.
 */
function mayNameMonth(text: string): boolean {
  const digit = text.search(/\d/);
  if (digit < 0) return false;
  const letter = text.slice(digit).search(/\p{L}/u);
  return (letter > 0 && /\d{4}/.test(text.slice(digit + letter))) || MONTH_FIRST_HINT_RE.test(text);
}

/** Dates written with a month's name, day first or month first, in `lang` or English. */
function namedDatePatterns(
  lang: string,
): [RegExp, (m: RegExpExecArray) => [number, number, number]][] {
  const { names, re } = monthNames(lang.split('-')[0] || 'en');
  const L = '(?<![\\p{L}])';
  const R = '(?![\\p{L}])';
  return [
    [
      new RegExp(
        `(?<!\\d)(\\d{1,2})(?:\\.|er|º)?\\s*(?:de\\s+)?${L}(${re})${R}\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})`,
        'u',
      ),
      (m) => [+m[3]!, names.get(m[2]!)!, +m[1]!],
    ],
    [
      new RegExp(`${L}(${re})${R}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'u'),
      (m) => [+m[3]!, names.get(m[1]!)!, +m[2]!],
    ],
  ];
}

const TIME_RE = /^[^\d]{0,20}?(\d{1,2})[:.h](\d{2})(?!\d)(?:\s*([ap])\.?m\b)?/i;

/** Languages that write a numeric date month first ("03/05/2021" for 5 March). */
const MONTH_FIRST_LANG_RE = /^en(-(us|ph))?$/i;

/** "24" is 2024; a year past next year is last century's ("98" is 1998). */
function twoDigitYear(yy: number): number {
  return 2000 + yy <= new Date().getFullYear() + 1 ? 2000 + yy : 1900 + yy;
}

/** The first date written in `text` in language `lang` (or English), as ISO 8601 without offset. */
export function parseTextDate(input: string, lang: string): string | null {
  return findTextDate(input, lang)?.iso ?? null;
}

/** The first date written in `input` and where it starts. */
function findTextDate(input: string, lang: string): { index: number; iso: string } | null {
  const text = toAsciiDigits(input).toLowerCase();
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
    ...(mayNameMonth(text) ? namedDatePatterns(lang) : []),
    [/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})/u, (m) => [+m[1]!, +m[2]!, +m[3]!]],
    [/(?<!\d)(\d{4})[-/.]\s?(\d{1,2})[-/.]\s?(\d{1,2})(?!\d)/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
    [
      /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/,
      // Month first where English writes it so (the US; a page that names no region), when the
      // first number can be a month; elsewhere day first ("05/03/2021" is 5 March in en-GB).
      (m) =>
        MONTH_FIRST_LANG_RE.test(lang) && m[2] === '/' && +m[1]! <= 12
          ? [+m[4]!, +m[1]!, +m[3]!]
          : [+m[4]!, +m[3]!, +m[1]!],
    ],
    // A two-digit year with dots, as German bylines write it: "Do 25.04.24 | 14:07 Uhr".
    [
      /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/,
      (m) => [twoDigitYear(+m[3]!), +m[2]!, +m[1]!],
    ],
  ];
  let best: { index: number; iso: string } | null = null;
  for (const [pattern, pick] of patterns) {
    const m = pattern.exec(text);
    if (!m || (best && m.index >= best.index)) continue;
    const [y, mo, d] = pick(m);
    if (!plausible(y, mo, d)) continue;
    let iso = `${y}-${pad(mo)}-${pad(d)}`;
    const time = TIME_RE.exec(text.slice(m.index + m[0].length));
    if (time && +time[1]! < 24 && +time[2]! < 60) {
      // 12-hour clock: 12:05 am is 00:05, 2:20 pm is 14:20.
      const half = time[3]?.toLowerCase();
      const hour = half && +time[1]! <= 12 ? (+time[1]! % 12) + (half === 'p' ? 12 : 0) : +time[1]!;
      iso += `T${pad(hour)}:${time[2]}:00`;
    }
    best = { index: m.index, iso };
  }
  return best;
}

/**
 * A line that is only a date with a few words around it (a dateline, "Published 12.03.2021
 * 10:15", "Stand: 5. Februar 2020"): page furniture above or below the story, not its text.
 */
export function isDateLine(text: string, lang: string): boolean {
  if (text.length > MAX_DATELINE_LENGTH || !parseTextDate(text, lang)) return false;
  const lower = text.toLowerCase();
  // Taking month names out only takes words away: few enough words need no month names.
  if ((lower.match(WORD_RE)?.length ?? 0) <= MAX_DATELINE_WORDS) return true;
  const rest = lower.replace(monthNames(lang.split('-')[0] || 'en').words, ' ');
  return (rest.match(WORD_RE)?.length ?? 0) <= MAX_DATELINE_WORDS;
}

/** An address that ends in a date, written as the page's language writes one: "/meldungen/29-10-2021". */
const URL_END_DATE_RE = /\/(\d{1,2})[-.](\d{1,2})[-.]((?:19|20)\d{2})\/?$/;

/** A date in the URL path (/2020/09/14/, /2020-09-14-, /20200914/, /29-10-2021). */
function urlDate(url: string | null, lang: string): string | null {
  if (!url) return null;
  const m = /(?<!\d)(20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(
    url,
  );
  if (m) return plausible(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  const end = URL_END_DATE_RE.exec(pagePath(url, null) ?? '');
  if (!end) return null;
  const [a, b, y] = [+end[1]!, +end[2]!, +end[3]!];
  // Month first where the language writes it so and the first number can be a month, or where
  // the second cannot.
  const [mo, d] = (MONTH_FIRST_LANG_RE.test(lang) && a <= 12) || b > 12 ? [a, b] : [b, a];
  return plausible(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** Words of containers whose dates belong to other articles. */
const FOREIGN_TOKENS = new Set([
  'teaser',
  'related',
  'recommended',
  'popular',
  'latest',
  'comments',
  'comment',
]);

/** The address without its query and fragment, and without a trailing slash. */
function pagePath(href: string, base: string | null): string | null {
  try {
    const u = new URL(href, base ?? undefined);
    return `${u.origin}${u.pathname.replace(/\/$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * A link to the page itself: blogs and forums wrap the date of a post in its permalink
 * ("Posted on <a href=/this-post/><time>…"), where a link elsewhere is a teaser's.
 */
function isPermalink(a: Element, url: string | null): boolean {
  const href = a.getAttribute('href');
  return !!url && !!href && pagePath(href, url) === pagePath(url, null);
}

function isOutsideArticle(el: Element, url: string | null): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) {
    const tag = a.tagName;
    if (tag === 'A' && isPermalink(a, url)) continue;
    // An <article>'s own <aside> may hold its date and source, as its <footer> may.
    if (tag === 'ASIDE' && a.parentElement?.closest('article')) continue;
    // A quote's date is the quoted post's (an embedded tweet or Instagram photo).
    if (tag === 'NAV' || tag === 'ASIDE' || tag === 'A' || tag === 'BLOCKQUOTE') return true;
    // An <article>'s own <footer> holds its byline and date (Drupal's "node__meta").
    if (tag === 'FOOTER' && !a.parentElement?.closest('article')) return true;
    if (nameTokens(a).some((t) => FOREIGN_TOKENS.has(t))) return true;
  }
  return false;
}

/** Date of the first `<time>` or date-looking element under `root`. */
function visibleDate(root: Element | null, lang: string, url: string | null): string | null {
  if (!root) return null;
  const elements = descendants(root);
  for (const el of elements) {
    if (
      el.tagName !== 'TIME' &&
      !PUBLISHED_PROPERTIES.has(el.getAttribute('itemprop') ?? el.getAttribute('property') ?? '')
    )
      continue;
    if (!el.hasAttribute('datetime') && !el.hasAttribute('content')) continue;
    if (isOutsideArticle(el, url)) continue;
    const declared = normalizeDate(el.getAttribute('datetime') ?? el.getAttribute('content'));
    const written = parseTextDate(collapse(el.textContent), lang);
    // "Publié le 29 juin 2019" over datetime="2019-07-03…": the reader sees the text.
    const date = declared && written && daysApart(declared, written) > 1 ? written : declared;
    if (date) return date;
    if (written) return written;
  }
  return writtenDate(elements, lang, url);
}

/** Date written as text in the first `<time>` or date-looking element of `elements`. */
function writtenDate(elements: Iterable<Element>, lang: string, url: string | null): string | null {
  let tried = 0;
  for (const el of elements) {
    if (
      el.tagName !== 'TIME' &&
      !PUBLISHED_PROPERTIES.has(el.getAttribute('itemprop') ?? '') &&
      !nameTokens(el).some((t) => DATE_TOKENS.has(t))
    )
      continue;
    const text = collapse(el.textContent);
    if (!text || text.length > MAX_DATE_TEXT || isOutsideArticle(el, url)) continue;
    const date = parseTextDate(text, lang);
    if (date) return date;
    if (++tried >= MAX_DATE_ELEMENTS) break;
  }
  return null;
}

/**
 * Words that label the day of publication where a page writes it ("Erschienen am: 13.10.2021",
 * "Publié le 9 décembre 2019"), as news pages in these languages write them: the page may show
 * its last change first ("Letzte Änderung: 31.10.2023"), which is no publication.
 */
const PUBLISHED_LABEL_RE =
  /(?<!\p{L})(?:erschienen|veröffentlicht|publiziert|published|publié|publiée|publicado|publicada|pubblicato|pubblicata|gepubliceerd|opublikowano)(?!\p{L})/iu;
/** Characters between a label and its date: "am", "on", "le", a weekday. */
const MAX_LABEL_GAP = 24;
/** Labels tried: a page's own comes first, more are teasers'. */
const MAX_LABELS = 5;
/** NodeFilter.SHOW_TEXT, which has no global outside a window. */
const SHOW_TEXT = 4;

/** The date a label under `root` names as the publication's, with the text that follows it. */
function labelledDate(root: Element | null, lang: string): string | null {
  if (!root) return null;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let tried = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!PUBLISHED_LABEL_RE.test(node.nodeValue ?? '')) continue;
    const line = collapse(node.nodeValue);
    const label = PUBLISHED_LABEL_RE.exec(line);
    // A label opens a short line of its own ("Zuerst veröffentlicht am"); in a sentence it
    // names when something else appeared ("Ihr Band, erschienen am 3. März 2019, …").
    if (
      !label ||
      line.length > MAX_DATELINE_LENGTH ||
      (line.slice(0, label.index).match(WORD_RE)?.length ?? 0) > 1 ||
      isUnscanned(node, root)
    )
      continue;
    // The label's own text and the next text nodes ("Erschienen am:" <h2>13.10.2021</h2>).
    let after = line.slice(label.index + label[0].length);
    const rest = doc.createTreeWalker(root, SHOW_TEXT);
    rest.currentNode = node;
    let next: Node | null;
    while (after.length < MAX_DATELINE_LENGTH && (next = rest.nextNode()))
      if (!isUnscanned(next, root)) after += ` ${collapse(next.nodeValue)}`;
    const date = findTextDate(after.slice(0, MAX_LABEL_GAP + MAX_DATELINE_LENGTH), lang);
    if (date && date.index <= MAX_LABEL_GAP && !/\d/.test(after.slice(0, date.index)))
      return date.iso;
    if (++tried >= MAX_LABELS) break;
  }
  return null;
}

/** Text in code, a control or a quote (see UNSCANNED_TAGS), up to `root`. */
function isUnscanned(node: Node, root: Element): boolean {
  for (let a = node.parentElement; a && a !== root; a = a.parentElement)
    if (UNSCANNED_TAGS.has(a.tagName.toUpperCase())) return true;
  return false;
}

/**
 * Many pages print the date with no markup at all: the first date in the article's text (it
 * opens the article, above the story), else in the page's.
 */
function textDate(doc: Document, scope: Element | null, lang: string): string | null {
  for (const root of scope ? [scope, doc.body] : [doc.body]) {
    const date = root && parseTextDate(visibleText(root, MAX_SCANNED_TEXT), lang);
    if (date) return date;
  }
  return null;
}

/** The page's visible text from `root`, up to `limit` characters (scripts and styles skipped). */
function visibleText(root: Element, limit: number): string {
  let text = '';
  // A walk with its own stack (a page may nest deeper than the call stack goes); `null` stands
  // for the space that ends an element's text.
  const stack: (Node | null)[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length && text.length < limit) {
    const node = stack.pop()!;
    if (node === null) text += ' ';
    else if (node.nodeType === 3) text += node.nodeValue;
    else if (node.nodeType === 1 && !UNSCANNED_TAGS.has((node as Element).tagName.toUpperCase())) {
      stack.push(null);
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return collapse(text);
}

/** A wall-clock time written with its seconds, with or without an offset: "2023-11-08 18:09:55". */
const CLOCK_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** UTC offsets in use on Earth, in minutes. */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;
/** Time values looked at for the publisher's own offset. */
const MAX_LOCAL_CANDIDATES = 20;

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (+m[2]! * 60 + +m[3]!) : null;
}

function formatMinutes(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A time declared in UTC ("2023-11-09T01:09:55Z"), told in the publisher's own time when the page
 * also writes that instant as its local clock ("2023-11-08 18:09:55", or with "-07:00"): the day
 * the page shows its readers is the publication day, not the UTC one; else on `localDay` (the
 * address's or the date line's).
 */
function inLocalTime(
  published: string,
  candidates: () => (string | null)[],
  localDay: string | null | undefined,
): string {
  const utc = CLOCK_RE.exec(published);
  if (!utc || offsetMinutes(utc[7]) !== 0) return published;
  const instant = Date.UTC(+utc[1]!, +utc[2]! - 1, +utc[3]!, +utc[4]!, +utc[5]!, +utc[6]!);
  const clocks = candidates()
    .map((candidate) => candidate && CLOCK_RE.exec(candidate.trim()))
    .filter((m): m is RegExpExecArray => !!m);
  // A clock that states its offset first; then one that leaves it out, matched to the second.
  for (const stated of [true, false]) {
    for (const [, y, mo, d, h, mi, sec, zone] of clocks) {
      if (!!zone !== stated) continue;
      const clock = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec!);
      // The same instant, on a clock this many minutes ahead of UTC.
      const offset = offsetMinutes(zone) ?? Math.round((clock - instant) / 60000);
      if (!offset || offset < MIN_OFFSET || offset > MAX_OFFSET || offset % 15) continue;
      if (clock - offset * 60000 !== instant) continue;
      return `${y}-${mo}-${d}T${h}:${mi}:${sec}${formatMinutes(offset)}`;
    }
  }
  return onLocalDay(instant, localDay ?? null) ?? published;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Whole calendar days between the days of two ISO dates. */
function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / DAY_MS;
}

/**
 * Hours an instant may be moved onto the page's local day: further off, the address dates the
 * story's first draft (a day before it was published at 10:04Z), not its publication.
 */
const MAX_LOCAL_DAY_SHIFT = 6;

/**
 * An instant declared in UTC, told on the day the address dates the story ("/2020/02/17/" for
 * "2020-02-18T02:18:11Z") or the article's date line shows ("06 Dicembre 2020" for
 * "2020-12-05T23:15:00Z"): a site west or east of Greenwich dates its story by its own day.
 * The offset is the nearest whole hour that reaches that day, so the instant stays the same.
 */
function onLocalDay(instant: number, day: string | null): string | null {
  if (!day) return null;
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  const utcStart = instant - (instant % DAY_MS);
  const intoDay = instant - utcStart;
  let hours: number;
  if (dayStart === utcStart - DAY_MS) hours = -(Math.floor(intoDay / HOUR_MS) + 1);
  else if (dayStart === utcStart + DAY_MS) hours = Math.ceil((DAY_MS - intoDay) / HOUR_MS);
  else return null;
  if (Math.abs(hours) > MAX_LOCAL_DAY_SHIFT) return null;
  const local = new Date(instant + hours * HOUR_MS).toISOString().slice(0, 19);
  return `${local}${formatMinutes(hours * 60)}`;
}

/** `<time datetime>` values and published-time meta values, the article's first. */
function timeValues(doc: Document, scope: Element | null, meta: MetaTable): (string | null)[] {
  const keys = [...PUBLISHED_META, ...GENERIC_DATE_META];
  const values: (string | null)[] = keys.map((key) => meta.get(key) ?? null);
  for (const root of scope ? [scope, doc.body] : [doc.body]) {
    for (const el of root ? Array.from(root.getElementsByTagName('time')) : []) {
      if (values.length >= keys.length + MAX_LOCAL_CANDIDATES) return values;
      values.push(el.getAttribute('datetime'));
    }
  }
  return values;
}

export function findDates(
  doc: Document,
  meta: MetaTable,
  data: StructuredArticle,
  scope: Element | null,
  lang: string,
  url: string | null,
): PageDates {
  const modified =
    normalizeDate(data.dateModified) ?? normalizeDate(firstMeta(meta, MODIFIED_META));
  const dated = urlDate(url, lang);
  // A day read off the page with no time to it may be an event's or another story's ("19.5.2007"
  // in a headline filed under /2007/05/20/): where the address dates the story, it wins.
  const shown = (date: string | null) =>
    date && dated && date.length === dated.length && date !== dated ? dated : date;
  const declarations = [data.datePublished, firstMeta(meta, PUBLISHED_META), data.pageDatePublished]
    .map(normalizeDate)
    .filter((date): date is string => !!date);
  // A system that stamps the publication with each update's very date, where another
  // declaration still holds an earlier day: that day is the publication.
  const restamped = modified && declarations[0] === modified;
  const declared =
    (restamped && declarations.find((date) => date.slice(0, 10) < modified.slice(0, 10))) ||
    declarations[0];
  // A page that shows its readers a day other than the publication it declares, and declares
  // that day too (its update: "Updated May 06, 2019" under the headline), dates itself by it.
  // Another day written in the article (a teaser's, a video's expiry) is no such declaration.
  const written = scope && writtenDate(descendants(scope), lang, url);
  const others = declared
    ? [modified, ...declarations].filter((date) => date && daysApart(declared, date) > 1)
    : [];
  // With no date element, the first date the article's text shows ("📅 12.01.2022" under the
  // byline): only a day declared too may redate the page, so a date in the story cannot.
  const seen =
    written ??
    (scope && others.length ? parseTextDate(visibleText(scope, MAX_SCANNED_TEXT), lang) : null);
  const redated =
    declared && seen && daysApart(declared, seen) > 1
      ? others.find((date) => date?.slice(0, 10) === seen.slice(0, 10))
      : null;
  // The day a label names as the publication's, else the article's date element; the element's
  // where both show one day, as it may tell the time too.
  const shownInArticle = () => {
    const element = shown(visibleDate(scope, lang, url));
    const labelled = shown(labelledDate(scope, lang) ?? labelledDate(doc.body, lang));
    return labelled && element?.slice(0, 10) !== labelled.slice(0, 10) ? labelled : element;
  };
  const published =
    redated ??
    declared ??
    shownInArticle() ??
    normalizeDate(firstMeta(meta, GENERIC_DATE_META)) ??
    shown(visibleDate(doc.body, lang, url)) ??
    dated ??
    shown(textDate(doc, scope, lang)) ??
    modified;
  return {
    published:
      published &&
      inLocalTime(published, () => timeValues(doc, scope, meta), dated ?? written?.slice(0, 10)),
    modified,
  };
}
