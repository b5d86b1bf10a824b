/**
 * The extractors the scripts can run on a parsed page, each producing a result in the corpus
 * format (../shared/corpus/README.md). Each runs in a fresh realm, cold as in a browser tab
 * (`realm.ts`); only the extraction call itself is timed: parsing the page and loading the
 * extractor's code are the same work for every extractor.
 */
import { performance } from 'node:perf_hooks';
import type { Article } from '../../utils/article/types';
import { freshDetection, freshReadability } from './realm';

export interface PageResult {
  title?: string;
  text?: string;
  lead?: string;
  publishedTime?: string | null;
  source?: string | null;
  captions?: string[];
  lang?: string | null;
  ms_extract?: number;
  error?: string;
  /** Extra to the corpus format (the scorer ignores it): whether the page was judged an article. */
  isArticle?: boolean;
}

export type ExtractorName = 'ours' | 'readability';

export function extractOurs(doc: Document, url: string | undefined): PageResult {
  const detectArticle = freshDetection();
  const start = performance.now();
  const article = detectArticle(doc, { url });
  const ms = performance.now() - start;
  return {
    title: article.title,
    text: bodyText(article),
    lead: article.lead,
    publishedTime: article.publishedTime,
    source: article.publisher,
    captions: article.captions.map((c) => c.text),
    lang: article.lang,
    ms_extract: round(ms),
    isArticle: article.isArticle,
  };
}

/**
 * The blocks on the page, then, when the page hides most of the article, the body its structured
 * data declares (without the blocks it already repeats).
 */
function bodyText(article: Article): string {
  const shown = article.blocks.map((b) => b.text);
  const declared = article.declaredBody;
  if (!declared) return shown.join('\n\n');
  const letters = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const declaredLetters = letters(declared);
  const unrepeated = shown.filter((t) => !declaredLetters.includes(letters(t)));
  return [...unrepeated, declared].join('\n\n');
}

/** Mozilla Readability 0.6.0 as Firefox Reader View uses it; captions are its figcaptions. */
export function extractReadability(doc: Document): PageResult {
  const Readability = freshReadability();
  const start = performance.now();
  const parsed = new Readability(doc).parse();
  const ms = performance.now() - start;
  if (!parsed) return { error: 'readability: no article', ms_extract: round(ms) };
  const content = doc.createElement('div');
  content.innerHTML = parsed.content ?? '';
  const captions = Array.from(content.querySelectorAll('figcaption'), (el) =>
    (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  ).filter(Boolean);
  return {
    title: parsed.title ?? '',
    text: parsed.textContent ?? '',
    lead: parsed.excerpt ?? '',
    publishedTime: parsed.publishedTime ?? null,
    source: parsed.siteName ?? null,
    captions,
    lang: parsed.lang ?? null,
    ms_extract: round(ms),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
