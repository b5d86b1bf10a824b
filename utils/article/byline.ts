/**
 * The byline: who wrote the story, as the page credits them. Declared authors (JSON-LD, meta
 * tags) come first, but pages often declare the publisher ("mdr.de", "VnExpress"), a profile
 * address or an e-mail there instead: those are passed over for the byline the page shows
 * ("von David Straub, MDR THÜRINGEN" → "David Straub, MDR THÜRINGEN").
 */
import { isHidden, type BoilerplateTest } from './clean';
import { UNREAD_TAGS } from './tags';
import { collapse, descendants, nameTokens, normalizeKey } from './text';

/** "By" in the languages whose bylines open with it ("By Jane Doe", "Von Eva Muster", "Par …"). */
export const BY_WORD = String.raw`(?:[Vv]on|[Bb]y|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Oo]d)`;
/** What precedes the names: "by", or a label ("Published by", "Autor:", "Text:"). */
const CREDIT_LABEL = String.raw`(?:(?:[Pp]ublished|[Pp]osted|[Ww]ritten|[Rr]eported) by|(?:[Gg]eschrieben|[Vv]eröffentlicht|[Vv]erfasst) von|(?:[Aa]utor(?:in)?|[Aa]uthors?|[Tt]ext|[Tt]exto|[Tt]esto|[Tt]ekst|[Aa]uteur)\s*:|${BY_WORD}:?)`;
const CREDIT_LABEL_RE = new RegExp(`^${CREDIT_LABEL}\\s+`, 'u');
const LABEL_ONLY_RE = new RegExp(`^${CREDIT_LABEL}$`, 'u');
/** Between the names of a credit ("Luana Patriolino, Raphael Felice", "A und B"). */
const NAME_SEPARATOR_RE = /,\s*|\s+(?:und|and|&|y|et|e|i|og|och|en|ve|и)\s+/u;
/** A person's name is a few words... */
const MAX_NAME_WORDS = 5;
/** ...each capitalised, or a particle ("von", "de", "al-Assad"), or in a script without case. */
const NAME_WORD_RE = /^(?:\p{Lu}|\p{Ll}{1,3}(?:[-'’]\p{Lu}|$)|[^\p{Lu}\p{Ll}]*$)/u;
/** News agencies write their short names in lower case ("dpa", "afp", "kna"). */
const AGENCY_RE = /^\p{Ll}{2,3}$/u;
/** What a site writes where no author is set ("No Author", the "Autoreninfo" box's label). */
const PLACEHOLDER_RE = /^(?:no author|unknown(?: author)?|anonymous|autoreninfo|author info)$/i;
/** A company, not a writer ("Süddeutsche.de GmbH"); in capitals as written, so "Mejías" is none. */
const LEGAL_ENTITY_RE = /\b(?:GmbH|AG|Ltd|Inc|LLC|e\.V)\b/;
/** Meta tags naming the author ("byl" and sailthru's hold the printed byline). */
const AUTHOR_META = new Set([
  'author',
  'article:author',
  'dc.creator',
  'parsely-author',
  'sailthru.author',
  'byl',
]);
/** A web or e-mail address, or a domain ("https://…/authors", "d.kuckelkorn@…", "mdr.de"). */
const ADDRESS_RE = /^(?:https?:\/\/|www\.)|@|\w\.[a-z]{2,6}(?![\p{L}])/u;
/** A longer credit is the author's biography, not a byline. */
const MAX_BYLINE_LENGTH = 100;
/** Class words of the element that credits the author. */
const BYLINE_TOKENS = new Set([
  'byline',
  'author',
  'authors',
  'authorname',
  'autor',
  'autoren',
  'auteur',
  'autore',
]);
/** Author names that are not the story's: a quoted person's, a commenter's. */
const OTHER_AUTHOR_TOKENS = new Set(['quote', 'comment', 'comments', 'reply']);
/** Links beside the name that are not part of it ("Twitter", "E-Mail"). */
const CONTACT_TOKENS = new Set([
  'twitter',
  'facebook',
  'instagram',
  'linkedin',
  'social',
  'follow',
  'mail',
  'email',
]);

export interface BylineSignals {
  /** JSON-LD / microdata author names. */
  structured: readonly string[];
  /** The page's elements in document order (meta tags are read from them). */
  elements: readonly Element[];
  /** Where the article is: its byline is looked for there. */
  scope: Element | null;
  /** Names of the site and its publisher, which some pages give as the author. */
  siteNames: readonly string[];
  /** This detection run's test for parts of the page that are not the story. */
  isBoilerplate: BoilerplateTest;
}

function namesByline(el: Element): boolean {
  const rel = el.getAttribute('rel') ?? '';
  const prop = el.getAttribute('itemprop') ?? '';
  const tokens = nameTokens(el);
  return (
    (/\bauthor\b/.test(rel) ||
      /\bauthor\b/.test(prop) ||
      tokens.some((t) => BYLINE_TOKENS.has(t))) &&
    !tokens.some((t) => OTHER_AUTHOR_TOKENS.has(t))
  );
}

/**
 * The credit as a reader reads it: names set in their own elements with nothing between them
 * ("<span>Birgit Baumann</span><span>Anna Giulia Fink</span>") are separated by commas.
 */
function creditText(el: Element): string {
  let text = '';
  // Text so far; whether it ends in text of its own (a separator, "by") or in a child's.
  let glued = false;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const own = node.nodeValue ?? '';
      if (own.trim()) glued = true;
      text += own;
    } else if (node.nodeType === 1) {
      const child = node as Element;
      if (UNREAD_TAGS.has(child.tagName.toUpperCase()) || isHidden(child)) continue;
      if (nameTokens(child).some((t) => CONTACT_TOKENS.has(t))) continue;
      const inner = collapse(creditText(child));
      if (!inner) continue;
      // Only a short text can be a lone label ("von"); the test stays linear on long boxes.
      const label = text.length <= MAX_BYLINE_LENGTH && LABEL_ONLY_RE.test(collapse(text));
      if (text.trim() && !glued && !label) text += ', ';
      text += ` ${inner} `;
      glued = false;
    }
  }
  return collapse(text).replace(/\s+,/g, ',');
}

/**
 * "Jane Doe", "Gavin O'Callaghan", "신현주 기자": a few name words ending in a capitalised one; or
 * an agency styled in lower case ("dpa", "afp").
 */
function isName(name: string): boolean {
  if (AGENCY_RE.test(name)) return true;
  const words = name.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return (
    words.length <= MAX_NAME_WORDS &&
    words.every((w) => NAME_WORD_RE.test(w)) &&
    !/^\p{Ll}/u.test(last)
  );
}

/** The name or names of a credit, or null when it is not a person's byline. */
function personCredit(raw: string, siteKeys: readonly string[]): string | null {
  const parts = collapse(raw)
    .replace(CREDIT_LABEL_RE, '')
    .split(/,\s*/)
    .filter((p) => /\p{L}/u.test(p));
  const isSite = (p: string) =>
    ADDRESS_RE.test(p) || LEGAL_ENTITY_RE.test(p) || siteKeys.includes(normalizeKey(p));
  // A credit that opens with the site or its company is the publisher's ("Süddeutsche.de GmbH,
  // Munich, Germany"); one that closes with it, the writer's ("Povilas Aleksandravičius,
  // Mykolo Romerio universiteto … profesorius, Lrt.lt"), kept to its name when too long.
  if (!parts.length || isSite(parts[0]!)) return null;
  const own = parts.filter((p) => !isSite(p));
  const whole = own.join(', ');
  const text = whole.length > MAX_BYLINE_LENGTH ? own[0]! : whole;
  // Dates, times and reading times share the line with the name, not the name itself.
  if (text.length > MAX_BYLINE_LENGTH || /\d/.test(text) || PLACEHOLDER_RE.test(text)) return null;
  // A label ("Datum:", "Quelle:", a lone "Por") names what follows it.
  if (text.endsWith(':') || LABEL_ONLY_RE.test(text)) return null;
  return text.split(NAME_SEPARATOR_RE).every((n) => !n || isName(n)) ? text : null;
}

/** Inside a part of the page that is not the story (comments, teasers), the byline included. */
function outsideStory(el: Element, scope: Element, isBoilerplate: BoilerplateTest): boolean {
  for (let a = el.parentElement; a && a !== scope; a = a.parentElement) {
    if (!namesByline(a) && isBoilerplate(a)) return true;
  }
  return false;
}

/** The first byline the article shows: the outermost credit that reads as names. */
function shownByline(
  scope: Element,
  siteKeys: readonly string[],
  isBoilerplate: BoilerplateTest,
): string | null {
  for (const el of descendants(scope)) {
    if (!namesByline(el) || outsideStory(el, scope, isBoilerplate)) continue;
    const byline = personCredit(creditText(el), siteKeys);
    if (byline) return byline;
  }
  return null;
}

export function findByline(signals: BylineSignals): string | null {
  const siteKeys = signals.siteNames.map(normalizeKey).filter(Boolean);
  const credits = (names: readonly string[]) => [
    ...new Set(names.map((n) => personCredit(n, siteKeys)).filter((n): n is string => !!n)),
  ];
  const structured = credits(signals.structured);
  if (structured.length) return structured.join(', ');
  const meta = credits(
    signals.elements
      .filter((el) => el.tagName === 'META')
      .filter((el) =>
        AUTHOR_META.has(
          (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase(),
        ),
      )
      .map((el) => el.getAttribute('content') ?? ''),
  );
  if (meta.length) return meta.join(', ');
  return signals.scope ? shownByline(signals.scope, siteKeys, signals.isBoilerplate) : null;
}
