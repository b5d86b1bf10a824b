/**
 * The publisher's name as readers know the brand: "Tages-Anzeiger", not the company behind it
 * ("Tamedia AG"); "Norddeutscher Rundfunk", not its domain ("ndr.de"); and, because our readers
 * do not read the page's language, a name in Latin letters where the page offers one ("Dainik
 * Bhaskar" rather than "दैनिक भास्कर"), or one its footer prints ("The Chunichi Shimbun" beside
 * "中日新聞Web"). With no such name, the host as written: "tokyo-np.co.jp" rather than "東京新聞",
 * which our readers cannot read, or a capitalisation the publisher never wrote ("Tokyo Np").
 */
import { CODE_TAGS } from './tags';
import { collapse } from './text';

/**
 * Longer "site names" after the last separator of a title are part of the headline; a declared
 * name this long that equals the page title is the title.
 */
const MAX_SITE_NAME_LENGTH = 40;
/**
 * Company suffixes: the legal entity that owns a title, not the title readers know. A word of
 * its own: not the end of "Tecnologías" (`\b` takes "í" for the edge of a word).
 */
const LEGAL_ENTITY_RE =
  /(?<![\p{L}\p{N}])(?:AG|GmbH|KG|A\/S|AS|ASA|AB|S\.?A\.?|S\.?p\.?A\.?|S\.?L\.?|Ltd\.?|Limited|Inc\.?|LLC|plc|Corp\.?|Co\.|Oy|N\.?V\.?|B\.?V\.?)$|株式会社|有限公司/iu;
/** A bare domain ("ndr.de", "Express.co.uk") names a web address, not a publisher. */
const DOMAIN_RE = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu;
/** The end of an address written as a name ("Golem.de"). */
const TOP_LEVEL_DOMAIN_RE = /\.[a-z]{2,}$/i;
/** Second-level labels under which the registrable name sits one level lower (aa.com.tr). */
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ne', 'or', 'ac', 'gov', 'gv']);
/** Host labels in front of the site's own name. */
const HOST_PREFIX_RE = /^(www\d*|m|amp|mobile|edition|news)\./;
/** Blog hosts on which each subdomain is a site of its own ("chabermu.wordpress.com"). */
const SHARED_HOST_RE =
  /^([^.]+)\.(wordpress\.com|blogspot\.[a-z.]+|substack\.com|tumblr\.com|github\.io|livejournal\.com|over-blog\.com|typepad\.com)$/;
/** Shorter addresses ("aa.com.tr") are initials that do not read as a name. */
const MIN_BRAND_LENGTH = 3;
/** An address this short is an acronym ("bka.de" is the BKA). */
const MAX_ACRONYM_LENGTH = 3;
/** Longer names written all in capitals are styled so, not acronyms. */
const MAX_SHOUTED_NAME_LENGTH = 4;
/** Between a name and its slogan: "LinkNaija | Nigeria's popular news platform". */
const NAME_SEPARATOR_RE = /\s+[|•·–—-]\s+/;
/** An address in brackets after the name: "Deutsche Welle (www.dw.com)". */
const BRACKETED_ADDRESS_RE = /\s*\((?:https?:\/\/)?[\w.-]+\.[a-z]{2,}\/?\)$/i;
/** A web address given as the name, with its scheme or host prefix: "https://www.ditib.de/". */
const ADDRESS_NAME_RE = /^(?:https?:\/\/|www\.)\S+$/i;
/** An e-mail address beside the name: "Lüder Hoppe info@buero-hoppe.de". */
const EMAIL_RE = /\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** A template the site forgot to fill: "{$plugin.tx_news.opengraph.site_name}". */
const PLACEHOLDER_RE = /[{}$]/;
/** A copyright notice in the page's text: "Copyright © The Chunichi Shimbun", "Copyright ⓒ Hankookilbo". */
const COPYRIGHT_RE = /[©ⓒ]|\bcopyright\b/i;
/** An element that holds the copyright line: `<p class="copyright_c1myf3as">`. */
const COPYRIGHT_CLASS_RE = /copyright/i;
/** The footer's notice comes last on the page; the few texts before it are enough. */
const MAX_COPYRIGHT_TEXTS = 6;
/** Longer texts are sentences or terms of use, not a notice with a name. */
const MAX_COPYRIGHT_LENGTH = 120;
/** What follows the holder's name in a notice, with or without a comma: "KBS WORLD All Rights Reserved". */
const RIGHTS_RESERVED_RE = /\s*\ball rights reserved\b.*$/i;
/** `NodeFilter.SHOW_TEXT` and `Node.TEXT_NODE`: Node, where `npm run extract` runs, has no such globals. */
const SHOW_TEXT = 4;
const TEXT_NODE = 3;
/** Logo images looked at: the masthead comes early; later logos are partners and sponsors. */
const MAX_LOGO_IMAGES = 10;
/** A name, not a phrase: up to five capitalised words ("Anadolu Ajansı"). */
const PROPER_NAME_RE =
  /^[\p{Lu}\p{N}][\p{L}\p{N}'’&.-]*(?: [\p{Lu}\p{N}][\p{L}\p{N}'’&.-]*){0,4}$/u;
/** Letters of Latin script, to tell a Latin name from one in another script. */
const LATIN_RE = /\p{Script=Latin}/u;
const LETTER_RE = /\p{L}/u;

export interface PublisherSignals {
  /** The curated name from the site registry, when the page belongs to a known site. */
  registryName?: string | null;
  /** og:site_name. */
  siteName?: string | null;
  /** JSON-LD / microdata publisher `name` and `alternateName`, in that order. */
  structuredNames?: readonly string[];
  /** application-name, publisher, dc.publisher meta tags. */
  metaName?: string | null;
  /** The copyright meta tag: often the publication, sometimes the company or a sentence. */
  copyright?: string | null;
  /** Alt text of the site's logo, as the masthead shows the name (looked up only if needed). */
  logoNames?: () => readonly string[];
  /** The copyright lines the page shows in its text, last first (looked up only if needed). */
  copyrightNotices?: () => readonly string[];
  /** The document `<title>`. */
  documentTitle?: string | null;
  /** The page's hostname. */
  hostname?: string | null;
  /** twitter:site, the publisher's handle ("@WinFuture"). */
  handle?: string | null;
}

/** "Headline | Site": the short last part of the page title. */
function titleSuffix(title: string): string | null {
  const parts = title.split(/\s+[|\-–—·•]\s+|[|｜]/);
  const last = parts.length > 1 ? collapse(parts[parts.length - 1]) : '';
  return last && last.length <= MAX_SITE_NAME_LENGTH ? last : null;
}

/** The registrable label of a hostname: "www.aa.com.tr" → "aa". */
function registrableLabel(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(HOST_PREFIX_RE, '');
  const blog = SHARED_HOST_RE.exec(host);
  if (blog) return blog[1]!;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  let i = labels.length - 2;
  if (i > 0 && GENERIC_SECOND_LEVEL.has(labels[i]!)) i--;
  return labels[i] || null;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The registrable label of a hostname as a name: "www.boersen-zeitung.de" → "Boersen Zeitung". */
export function hostnameBrand(hostname: string): string | null {
  const label = registrableLabel(hostname);
  if (!label || label.length < MIN_BRAND_LENGTH) return null;
  if (label.length <= MAX_ACRONYM_LENGTH) return label.toUpperCase();
  return label.split('-').map(capitalize).join(' ');
}

/**
 * The host as the reader sees it in the address bar, less "www.": "kleinezeitung.at". Shown when
 * the page names no publisher we can use: a capitalisation of our own ("Kleinezeitung",
 * "Tokyo Np") would be a name the publisher never wrote.
 */
function hostAsWritten(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\d*\./, '');
}

/** Letters as an address spells them: "Börsen-Zeitung" → "boersenzeitung" (or "borsenzeitung"). */
function addressLetters(name: string, umlautsAsE: boolean): string {
  const lower = name.toLowerCase();
  const expanded = umlautsAsE
    ? lower.replace(/[äöü]/g, (c) => `${c.normalize('NFD').charAt(0)}e`).replace(/ß/g, 'ss')
    : lower;
  return expanded
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** "Taipei Times" and taipeitimes.com, "WDR" and wdr.de: one holds the other's letters. */
function sameLetters(a: string, b: string): boolean {
  const y = addressLetters(b, false);
  return [false, true].some((umlautsAsE) => {
    const x = addressLetters(a, umlautsAsE);
    return !!x && !!y && (x.includes(y) || y.includes(x));
  });
}

/** "Associated Press" on apnews.com: the name's initials start the address. */
function initialsOf(name: string, brand: string, whole = false): boolean {
  const initials = name
    .split(/[\s-]+/)
    .map((w) => w.charAt(0).toLowerCase())
    .join('');
  const letters = brand.toLowerCase().replace(/[\s-]/g, '');
  return initials.length >= 2 && (whole ? letters === initials : letters.startsWith(initials));
}

/** Readable to our readers: every letter Latin ("日刊ゲンダイDIGITAL" is not). */
function isLatin(name: string): boolean {
  const letters = [...name].filter((c) => LETTER_RE.test(c));
  return letters.length > 0 && letters.every((c) => LATIN_RE.test(c));
}

/** "© 2024 Mitteldeutsche Zeitung. Alle Rechte vorbehalten." → "Mitteldeutsche Zeitung". */
function copyrightName(notice: string | null | undefined): string | null {
  const name = notice
    ?.replace(/[©ⓒ]|\(c\)|\bcopyright\b|\b(19|20)\d\d\b(\s*[-–]\s*(19|20)\d\d)?/gi, ' ')
    .replace(RIGHTS_RESERVED_RE, '')
    .split(/[.,|;](?:\s|$)/)[0];
  return collapse(name) || null;
}

/**
 * The copyright lines of the page's own text, from its end, where the footer is: a text with "©"
 * or "Copyright", and every text of an element named for the copyright (Nikkei sets "Nikkei Inc."
 * in a span beside its logo, with no sign).
 */
export function findCopyrightNotices(all: readonly Element[]): string[] {
  const notices: string[] = [];
  const add = (text: string | null) => {
    const notice = collapse(text);
    if (notice && notice.length <= MAX_COPYRIGHT_LENGTH && !notices.includes(notice)) {
      notices.push(notice);
    }
  };
  for (let i = all.length - 1; i >= 0 && notices.length < MAX_COPYRIGHT_TEXTS; i--) {
    const el = all[i]!;
    if (CODE_TAGS.has(el.tagName)) continue;
    if (COPYRIGHT_CLASS_RE.test(el.getAttribute('class') ?? '')) {
      const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
      for (
        let node = walker.nextNode();
        node && notices.length < MAX_COPYRIGHT_TEXTS;
        node = walker.nextNode()
      ) {
        if (!CODE_TAGS.has(node.parentElement?.tagName ?? '')) add(node.nodeValue);
      }
      continue;
    }
    // Sibling links, not `childNodes`: jsdom builds a list object for each element asked.
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE && COPYRIGHT_RE.test(node.nodeValue ?? '')) {
        add(node.nodeValue);
      }
    }
  }
  return notices;
}

/** "Nikkei Inc." → "Nikkei": the company without its legal form, which may be the brand. */
function withoutLegalForm(name: string): string {
  return collapse(name.replace(LEGAL_ENTITY_RE, '').replace(/[\s,]+$/, ''));
}

/** "Mitteldeutsche Zeitung-Logo", "Logo Anadolu Ajansı": the name without the word "logo". */
function logoName(alt: string): string {
  return collapse(alt.replace(/^\s*logo\b[\s:-]*|[\s-]*\blogo\s*$/gi, ''));
}

/** The masthead logo's alt text, when a header or logo element holds one. */
export function findLogoNames(all: readonly Element[]): string[] {
  const names: string[] = [];
  let seen = 0;
  for (const img of all) {
    if (img.tagName !== 'IMG' || !img.hasAttribute('alt') || !isLogoImage(img)) continue;
    const name = logoName(img.getAttribute('alt') ?? '');
    if (name && !names.includes(name)) names.push(name);
    if (++seen >= MAX_LOGO_IMAGES) break;
  }
  return names;
}

/**
 * A picture in the page's header, named a logo or inside an element so named, or linking home.
 * Walked by hand: these selectors (`[class*="logo" i] img`) take a page's worth of time in jsdom.
 */
function isLogoImage(img: Element): boolean {
  if (LOGO_CLASS_RE.test(img.getAttribute('class') ?? '')) return true;
  for (let a = img.parentElement; a; a = a.parentElement) {
    if (a.tagName === 'HEADER' || LOGO_CLASS_RE.test(a.getAttribute('class') ?? '')) return true;
    if (a.tagName === 'A' && a.getAttribute('href') === '/') return true;
  }
  return false;
}
const LOGO_CLASS_RE = /logo/i;

/**
 * The address's name as the page writes it, when the page does: "WinFuture" (@WinFuture) on
 * winfuture.de, "MOPO" ("… | MOPO.de") on mopo.de.
 */
function spelledLike(label: string, spellings: readonly (string | null | undefined)[]) {
  const letters = label.replace(/-/g, '');
  for (const spelling of spellings) {
    // A handle may come as "@Name" or as the profile's address; "_" stands for a space.
    const name = collapse(
      spelling
        ?.replace(/^.*[/@]/, '')
        .replace(TOP_LEVEL_DOMAIN_RE, '')
        .replace(/_/g, ' '),
    );
    // Capitals set a brand apart ("WinFuture", "MOPO"); a long word all in capitals is a logo's
    // styling ("STERN.de").
    const styled = name === name.toUpperCase() && letters.length > MAX_SHOUTED_NAME_LENGTH;
    if (/\p{Lu}/u.test(name) && !styled && addressLetters(name, false) === letters) return name;
  }
  return null;
}

function usable(name: string | null | undefined): name is string {
  return (
    !!name &&
    name.length >= 2 &&
    !LEGAL_ENTITY_RE.test(name) &&
    !DOMAIN_RE.test(name) &&
    !ADDRESS_NAME_RE.test(name) &&
    !PLACEHOLDER_RE.test(name)
  );
}

/** The name without a slogan or address beside it: the one part that spells the address. */
function withoutSlogan(name: string, brand: string | null): string {
  const bare = name.replace(BRACKETED_ADDRESS_RE, '');
  const parts = bare.split(NAME_SEPARATOR_RE);
  if (!brand || parts.length < 2) return bare;
  const named = parts.filter((p) => sameLetters(p, brand) || initialsOf(p, brand, true));
  if (named.length !== 1) return bare;
  // "MIXED.de | VR, AR und KI", "hejfish.com": the address is written as the name.
  const part = named[0]!;
  if (!DOMAIN_RE.test(part)) return part;
  const label = part.replace(TOP_LEVEL_DOMAIN_RE, '');
  return label === label.toLowerCase() ? capitalize(label) : label;
}

export function findPublisher(signals: PublisherSignals): string | null {
  if (signals.registryName) return signals.registryName;
  const brand = signals.hostname ? hostnameBrand(signals.hostname) : null;
  const suffix = signals.documentTitle ? titleSuffix(signals.documentTitle) : null;
  const declared = [
    ...(signals.structuredNames ?? []),
    signals.siteName,
    signals.metaName,
    // The title's last part is as often a section ("Wirtschaft") as the site: trust it only when
    // it spells the site's address.
    suffix && brand && sameLetters(suffix, brand) ? suffix : null,
  ].map((n) => withoutSlogan(collapse(n?.replace(EMAIL_RE, '')), brand));
  // Some sites fill a name field with the page's title ("UK university student halls too full…").
  const title = collapse(signals.documentTitle);
  const isTitle = (n: string) => title.length > MAX_SITE_NAME_LENGTH && n === title;
  const names = declared.filter((n) => usable(n) && !isTitle(n));
  // With no name declared in Latin letters, the copyright holder or the logo's alt text, when it
  // is a proper name that spells the address: either also names companies ("Nikkei Inc." is
  // "Nikkei" only on nikkei.com), slogans or "Startseite".
  const label = signals.hostname ? registrableLabel(signals.hostname) : null;
  let logos: readonly string[] | undefined;
  const logoNames = () => (logos ??= signals.logoNames?.() ?? []);
  if (!names.some(isLatin) && label) {
    const shown = (n: string | null) => {
      const name = n && withoutLegalForm(n);
      return usable(name) &&
        isLatin(name) &&
        PROPER_NAME_RE.test(name) &&
        (sameLetters(name, label) || initialsOf(name, label, true))
        ? name
        : null;
    };
    // The page's own notices last: they are looked up only when nothing else names the site. A
    // page that names itself by its address ("Express.co.uk") is shown so, not by the company in
    // its footer ("Express Newspapers").
    const namedByAddress = declared.some((n) => DOMAIN_RE.test(n));
    const fallback =
      shown(copyrightName(signals.copyright)) ??
      logoNames()
        .map(shown)
        .find((n) => n !== null) ??
      (namedByAddress ? [] : (signals.copyrightNotices?.() ?? []))
        .map((n) => shown(copyrightName(n)))
        .find((n) => n !== null);
    if (fallback) names.push(fallback);
  }
  // A name unrelated to the site's address is a tagline or a parent company; one that spells it
  // (in full or by initials: "Legal Tribune Online" on lto.de) is the brand.
  const related = (n: string) => !brand || sameLetters(n, brand) || initialsOf(n, brand);
  const best = names.find(related) ?? names[0];
  if (best && isLatin(best)) return best;
  const latin = names.find(isLatin);
  if (latin) return latin;
  const spelled =
    label && brand ? spelledLike(label, [suffix, signals.handle, ...logoNames()]) : null;
  const host = brand && signals.hostname ? hostAsWritten(signals.hostname) : null;
  return spelled ?? host ?? best ?? declared.find((n) => !!n) ?? null;
}
