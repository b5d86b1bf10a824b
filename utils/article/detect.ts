import type { Article, ArticleBlock, DetectOptions } from './types';

// First version: structured data and <article> paragraphs. Issue 3 replaces it.
const BLOCK_SELECTOR = 'p, h2, h3, li, blockquote';

function meta(doc: Document, name: string): string | null {
  const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function detectArticle(doc: Document, options: DetectOptions = {}): Article {
  const root = doc.querySelector('article') ?? doc.body;
  const headline = doc.querySelector('h1');
  const blocks: ArticleBlock[] = [];
  for (const el of Array.from(root?.querySelectorAll(BLOCK_SELECTOR) ?? [])) {
    if (el.closest('nav, header, footer, aside, figure')) continue;
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const text = collapse(el.textContent);
    if (text.length < 40) continue;
    const kind = el.tagName === 'LI' ? 'list-item' : el.tagName === 'BLOCKQUOTE' ? 'quote' : el.tagName === 'P' ? 'paragraph' : 'subheading';
    blocks.push({ kind, element: el, text });
  }
  return {
    isArticle: blocks.length >= 3,
    title: collapse(headline?.textContent) || meta(doc, 'og:title') || collapse(doc.title),
    titleElement: headline,
    lead: meta(doc, 'description') ?? '',
    blocks,
    captions: [],
    byline: meta(doc, 'author'),
    publishedTime: meta(doc, 'article:published_time'),
    modifiedTime: meta(doc, 'article:modified_time'),
    publisher: meta(doc, 'og:site_name'),
    lang: doc.documentElement.lang || null,
    canonicalUrl: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? options.url ?? null,
  };
}
