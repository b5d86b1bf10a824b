/** What article detection finds on a page. Produced by `detectArticle` from `./detect`. */
import type { SiteEntry } from '../sites/registry';

export type BlockKind =
  'headline' | 'lead' | 'subheading' | 'paragraph' | 'list-item' | 'quote' | 'caption';

/** One unit of article text that is translated on its own and shown in place. */
export interface ArticleBlock {
  kind: BlockKind;
  /** The page element holding the block's text (its inline markup is kept on translation). */
  element: Element;
  /** The block's visible text, whitespace-collapsed. */
  text: string;
}

export interface Caption {
  text: string;
  /** Photo credit, kept apart from the caption text. */
  credit: string | null;
  /** The element holding the caption text. */
  element: Element;
}

export interface Article {
  /** False when the page is not an article (a home page, a section index, a search page). */
  isArticle: boolean;
  title: string;
  /** Headline element on the page, when one was found. */
  titleElement: Element | null;
  lead: string;
  /**
   * The body in reading order: lead, subheadings, paragraphs, list items and quotes (not the
   * headline, not captions).
   */
  blocks: ArticleBlock[];
  /**
   * The body as the publisher's structured data (JSON-LD `articleBody`) gives it, when the page
   * shows less than half of it: the rest is behind a paywall or rendered later by script. Not on
   * the page, so never translated in place.
   */
  declaredBody: string | null;
  captions: Caption[];
  byline: string | null;
  /** ISO 8601, with offset where the page gives one. */
  publishedTime: string | null;
  modifiedTime: string | null;
  publisher: string | null;
  /** BCP 47 language of the article, from the page. */
  lang: string | null;
  /**
   * The language the text is written in: `lang`, unless the text plainly is another language
   * (`textLanguage`); a guess from the text when the page declares none.
   */
  textLang: string | null;
  canonicalUrl: string | null;
}

export interface DetectOptions {
  /** The page's URL (documents parsed outside a browser have none of their own). */
  url?: string;
  /** The site registry to consult (tests pass an empty one to see detection on unknown sites). */
  sites?: readonly SiteEntry[];
}
