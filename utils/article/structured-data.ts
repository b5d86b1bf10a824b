/**
 * Structured data about the article: JSON-LD (schema.org NewsArticle and kin, inside arrays,
 * `@graph` and `mainEntity`) and microdata (`itemprop`).
 */
import { collapse, decodeEntities } from './text';

/** schema.org types that describe one article (NewsArticle, ReportageNewsArticle, BlogPosting, ...). */
const ARTICLE_TYPE_RE = /Article$|^BlogPosting$|^LiveBlogPosting$|^Report$|^Review$/;
/** How deep nested JSON-LD objects are searched; real pages need 3–4. */
const MAX_JSON_DEPTH = 6;

export interface StructuredArticle {
  /** A schema.org article type was found. */
  isArticle: boolean;
  headline: string | null;
  description: string | null;
  articleBody: string | null;
  datePublished: string | null;
  /** The date of the page itself, from a WebPage object, for pages that declare no article. */
  pageDatePublished: string | null;
  dateModified: string | null;
  /** The publisher's `name`, then its `alternateName`s. */
  publisherNames: string[];
  authors: string[];
  inLanguage: string | null;
}

type Json = Record<string, unknown>;

function asObjects(value: unknown, depth = 0, out: Json[] = []): Json[] {
  if (depth > MAX_JSON_DEPTH || value == null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) asObjects(v, depth + 1, out);
    return out;
  }
  const obj = value as Json;
  out.push(obj);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    if (key in obj) asObjects(obj[key], depth + 1, out);
  }
  return out;
}

function types(obj: Json): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return collapse(decodeEntities(value)) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object')
    return str((value as Json)['@value'] ?? (value as Json).name);
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (typeof v === 'string' ? str(v) : str((v as Json | null)?.name)))
    .filter((x): x is string => !!x);
}

function publisherNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const alternates = list.flatMap((v) =>
    v && typeof v === 'object' ? names((v as Json).alternateName) : [],
  );
  return [...names(value), ...alternates];
}

/**
 * JSON-LD blocks as pages write them: hand-edited templates leave comments, trailing commas,
 * single-quoted strings and raw line breaks in strings, and text around the value (a stray "}",
 * "];", a second object). Strict JSON first; otherwise each complete value the block holds, made
 * strict by `strictValues`.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const values: unknown[] = [];
    for (const value of strictValues(text)) {
      try {
        values.push(JSON.parse(value));
      } catch {
        // Beyond repair (an unquoted or unescaped value): the block's other values still count.
      }
    }
    return values.length === 1 ? values[0] : values;
  }
}

/** The `{…}` and `[…]` values in `text`, rewritten as strict JSON; text between them is dropped. */
function strictValues(text: string): string[] {
  const values: string[] = [];
  let out: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 1;
      i = end <= 0 ? text.length : end;
    } else if (depth === 0) {
      if (c === '{' || c === '[') {
        out = [c];
        depth = 1;
      }
    } else if (c === '"' || c === "'") {
      let s = '"';
      for (i++; i < text.length && text[i] !== c; i++) {
        const d = text[i]!;
        if (d === '\\') s += text[++i] === "'" ? "'" : `\\${text[i] ?? ''}`;
        else if (d === '"') s += '\\"';
        // JSON allows no control characters (line breaks, tabs) inside strings.
        else s += d < ' ' ? ' ' : d;
      }
      out.push(`${s}"`);
    } else if (c === '}' || c === ']') {
      // A comma before the closing bracket ("a", ] ) is dropped.
      let last = out.length - 1;
      while (last > 0 && !out[last]!.trim()) last--;
      if (out[last] === ',') out.splice(last, 1);
      out.push(c);
      if (--depth === 0) values.push(out.join(''));
    } else {
      if (c === '{' || c === '[') depth++;
      out.push(c);
    }
  }
  return values;
}

function readJsonLd(elements: readonly Element[]): Json[] {
  const objects: Json[] = [];
  for (const script of elements) {
    if (
      script.tagName !== 'SCRIPT' ||
      script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json'
    )
      continue;
    asObjects(parseJson(script.textContent ?? ''), 0, objects);
  }
  return objects;
}

/** Microdata: the first element of each `itemprop` name, and whether an article item exists. */
function readMicrodata(elements: readonly Element[]): {
  props: Map<string, Element>;
  isArticle: boolean;
} {
  const props = new Map<string, Element>();
  let isArticle = false;
  for (const el of elements) {
    const prop = el.getAttribute('itemprop');
    if (prop) for (const name of prop.split(/\s+/)) if (!props.has(name)) props.set(name, el);
    if (!isArticle && el.hasAttribute('itemscope'))
      isArticle = /Article|BlogPosting/i.test(el.getAttribute('itemtype') ?? '');
  }
  return { props, isArticle };
}

/** An itemprop's value: `content`, `datetime` or the text. */
function propValue(el: Element | undefined): string | null {
  if (!el) return null;
  return (
    collapse(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent) || null
  );
}

export function readStructuredData(elements: readonly Element[]): StructuredArticle {
  const objects = readJsonLd(elements);
  const micro = readMicrodata(elements);
  const itemprop = (name: string) => propValue(micro.props.get(name));
  const byId = new Map<string, Json>();
  for (const o of objects) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  // A reference ({"@id": "#author"}) stands for the object of that id elsewhere in the graph;
  // authors are often a list of them.
  const resolveRef = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(resolveRef)
      : v && typeof v === 'object' && typeof (v as Json)['@id'] === 'string'
        ? (byId.get((v as Json)['@id'] as string) ?? v)
        : v;

  // Prefer the article object that carries the most (a page may also list teasers as articles).
  const articles = objects.filter((o) => types(o).some((t) => ARTICLE_TYPE_RE.test(t)));
  const score = (o: Json) =>
    (o.articleBody ? 4 : 0) + (o.headline ? 2 : 0) + (o.datePublished ? 1 : 0);
  const article = articles.sort((a, b) => score(b) - score(a))[0];
  const organization = objects.find((o) => types(o).some((t) => /Organization$/.test(t)) && o.name);
  // A page that declares no article may still date itself (Yoast's WebPage object).
  const page = objects.find((o) => types(o).includes('WebPage') && o.datePublished);

  const microdataArticle = micro.isArticle;
  const publisherObj = resolveRef(article?.publisher);
  return {
    isArticle: !!article || !!microdataArticle,
    headline:
      str(article?.headline) ??
      str(article?.name) ??
      (microdataArticle ? itemprop('headline') : null),
    description: str(article?.description),
    // Some publishers put HTML in articleBody: its text is what counts.
    articleBody: collapse(str(article?.articleBody)?.replace(/<[^>]*>/g, ' ')) || null,
    datePublished:
      str(article?.datePublished) ?? str(article?.dateCreated) ?? itemprop('datePublished'),
    pageDatePublished: str(page?.datePublished),
    dateModified: str(article?.dateModified) ?? itemprop('dateModified'),
    publisherNames: publisherNames(publisherObj ?? organization),
    authors: names(resolveRef(article?.author)),
    inLanguage: str(article?.inLanguage),
  };
}
