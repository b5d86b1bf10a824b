/**
 * The publisher's name as readers know the brand: "Tages-Anzeiger", not the company behind it
 * ("Tamedia AG"); "Norddeutscher Rundfunk", not its domain ("ndr.de"); and, because our readers
 * do not read the page's language, a name in Latin letters where the page offers one ("Dainik
 * Bhaskar" rather than "दैनिक भास्कर", "Mainichi" from mainichi.jp rather than "毎日新聞").
 */
import { collapse } from './text';

/** Longer "site names" after the last separator of a title are part of the headline. */
const MAX_SITE_NAME_LENGTH = 40;
/** Company suffixes: the legal entity that owns a title, not the title readers know. */
const LEGAL_ENTITY_RE =
  /\b(AG|GmbH|KG|A\/S|AS|ASA|AB|S\.?A\.?|S\.?p\.?A\.?|S\.?L\.?|Ltd\.?|Limited|Inc\.?|LLC|plc|Corp\.?|Co\.|Oy|N\.?V\.?|B\.?V\.?)$|株式会社|有限公司/i;
/** A bare domain ("ndr.de", "Express.co.uk") names a web address, not a publisher. */
const DOMAIN_RE = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu;
/** Second-level labels under which the registrable name sits one level lower (aa.com.tr). */
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ne', 'or', 'ac', 'gov', 'gv']);
/** Host labels in front of the site's own name. */
const HOST_PREFIX_RE = /^(www\d*|m|amp|mobile|edition|news)\./;
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
  /** The document `<title>`. */
  documentTitle?: string | null;
  /** The page's hostname. */
  hostname?: string | null;
}

/** "Headline | Site": the short last part of the page title. */
function titleSuffix(title: string): string | null {
  const parts = title.split(/\s+[|\-–—·•]\s+|[|｜]/);
  const last = parts.length > 1 ? collapse(parts[parts.length - 1]) : '';
  return last && last.length <= MAX_SITE_NAME_LENGTH ? last : null;
}

/** The registrable label of a hostname as a name: "www.boersen-zeitung.de" → "Boersen Zeitung". */
export function hostnameBrand(hostname: string): string | null {
  const labels = hostname.toLowerCase().replace(HOST_PREFIX_RE, '').split('.');
  if (labels.length < 2) return null;
  let i = labels.length - 2;
  if (i > 0 && GENERIC_SECOND_LEVEL.has(labels[i]!)) i--;
  const label = labels[i]!;
  if (label.length < 3) return null;
  return label
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** "Taipei Times" and taipeitimes.com, "WDR" and wdr.de: one holds the other's letters. */
function sameLetters(a: string, b: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const x = squash(a);
  const y = squash(b);
  return !!x && !!y && (x.includes(y) || y.includes(x));
}

/** "Associated Press" on apnews.com: the name's initials start the address. */
function initialsOf(name: string, brand: string): boolean {
  const initials = name
    .split(/[\s-]+/)
    .map((w) => w.charAt(0).toLowerCase())
    .join('');
  return initials.length >= 2 && brand.toLowerCase().replace(/\s/g, '').startsWith(initials);
}

function isLatin(name: string): boolean {
  const letters = [...name].filter((c) => LETTER_RE.test(c));
  return letters.length > 0 && letters.filter((c) => LATIN_RE.test(c)).length * 2 >= letters.length;
}

function usable(name: string | null | undefined): name is string {
  return !!name && name.length >= 2 && !LEGAL_ENTITY_RE.test(name) && !DOMAIN_RE.test(name);
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
  ].map((n) => collapse(n));
  const names = declared.filter(usable);
  // A name unrelated to the site's address is a tagline or a parent company; one that spells it
  // (in full or by initials: "Legal Tribune Online" on lto.de) is the brand.
  const related = (n: string) => !brand || sameLetters(n, brand) || initialsOf(n, brand);
  const best = names.find(related) ?? names[0];
  if (best && isLatin(best)) return best;
  const latin = names.find(isLatin) ?? brand;
  return latin ?? best ?? declared.find((n) => !!n) ?? null;
}
