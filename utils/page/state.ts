import type { BlockKind } from '../article/types';
import type { EngineNames } from '../messaging/protocol';
import type { EngineFailure } from '../messaging/protocol';
import type { DisplayMode, SiteMode } from '../settings/schema';

/** What the content script reports to the popup about its page. */
export interface PageState {
  /** Registry id or hostname: the key of this site's mode in settings. */
  siteKey: string;
  /** This site's mode in the reader's settings; `null` until they are read. */
  siteMode: SiteMode | null;
  /** `null` while the page has not been looked at. */
  article: ArticleSummary | null;
  status: 'off' | 'not-article' | 'same-language' | 'translating' | 'done' | 'error';
  /**
   * Blocks translated so far and in all, and those left until the reader scrolls near them: when
   * done and waiting make the total, what is on screen is translated and nothing is under way.
   */
  progress: { done: number; waiting: number; total: number };
  engine: string | null;
  target: string;
  displayMode: DisplayMode;
  /** `code`: an engine's (EngineErrorCode), `internal`, or `detection` (the page broke it). */
  error: {
    code: EngineFailure['code'] | 'detection';
    message: string;
    alternatives?: EngineFailure['alternatives'];
  } | null;
  /**
   * While translating, the engine has kept the reader waiting (the control says so and offers to
   * keep waiting or to switch): the names of the engines the reader chose, `fallback` null when
   * none is set.
   */
  slow: EngineNames | null;
  /** Translated so far: the headline, and the blocks in reading order (captions last). */
  translation: { title: string | null; blocks: { kind: BlockKind; text: string }[] };
}

/**
 * What the page control and the badge follow on every change: the state without the translated
 * text, which only the popup reads (built on each change, it would cost the whole article's
 * length per batch on a long page).
 */
export type PageView = Omit<PageState, 'translation'>;

export interface ArticleSummary {
  isArticle: boolean;
  title: string;
  lead: string;
  byline: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  publisher: string | null;
  lang: string | null;
  url: string;
  blockCount: number;
  /** Photo captions as on the page, with their credits (the popup shows them translated). */
  captions: { text: string; credit: string | null }[];
}
