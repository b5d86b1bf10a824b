import { detectArticle } from '../article/detect';
import type { Article, BlockKind } from '../article/types';
import { baseLanguage } from '../languages';
import { sendToBackground, type TranslateResult } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { siteKey } from '../settings/site-key';
import { siteModeOf } from '../settings/store';
import { findSite } from '../sites/registry';
import { decodeTranslation, encodeBlock, type EncodedBlock } from './markup';
import { TranslationLayer } from './render';
import type { PageState } from './state';

/** Blocks sent per message: the first paragraphs show after one engine round trip. */
const BLOCKS_PER_REQUEST = 12;

const NO_ARTICLE: Article = {
  isArticle: false,
  title: '',
  titleElement: null,
  lead: '',
  blocks: [],
  captions: [],
  byline: null,
  publishedTime: null,
  modifiedTime: null,
  publisher: null,
  lang: null,
  canonicalUrl: null,
};

interface PendingBlock {
  kind: BlockKind | 'headline';
  element: Element;
  encoded: EncodedBlock;
}

/**
 * Runs translation on one page: detects the article, sends its blocks to the background in
 * reading order, shows each translation under its block, and restores the page when switched off.
 */
export class PageController {
  private readonly layer: TranslationLayer;
  private article: Article | null = null;
  private state: PageState;
  /** Bumped on every start and stop: replies for an older generation are dropped. */
  private generation = 0;
  private settings: Settings | null = null;
  /** Set when the reader translated or restored this page by hand; wins over the site mode. */
  private chosenOnPage: boolean | null = null;

  constructor(
    private readonly doc: Document,
    private readonly url: string,
  ) {
    this.layer = new TranslationLayer(doc);
    const key = siteKey(new URL(url).hostname);
    this.state = {
      siteKey: key,
      article: null,
      status: 'off',
      progress: { done: 0, total: 0 },
      engine: null,
      target: 'en',
      error: null,
      translation: { title: null, blocks: [] },
    };
  }

  getState(): PageState {
    if (!this.article) this.detect();
    return structuredClone(this.state);
  }

  /**
   * Follows the reader's settings: `always` (or a language they always translate) starts,
   * `never` restores the page, `ask` leaves it as the reader last chose on this page.
   */
  async apply(settings: Settings): Promise<void> {
    this.settings = settings;
    const mode = siteModeOf(settings, this.state.siteKey);
    if (mode === 'never') return this.stop();
    if (this.chosenOnPage !== null) return this.setActive(this.chosenOnPage);
    const lang = mode === 'always' ? null : this.sourceLanguage(this.article ?? this.detect());
    const wanted =
      mode === 'always' ||
      (lang !== null && settings.alwaysTranslateFrom.includes(baseLanguage(lang)));
    if (wanted) await this.ensureRunning(settings.targetLang);
  }

  /** The reader's choice for this page (popup, page control): translate now, or the original. */
  async setActive(active: boolean): Promise<void> {
    this.chosenOnPage = active;
    if (!active) return this.stop();
    await this.ensureRunning(this.settings?.targetLang ?? this.state.target);
  }

  private async ensureRunning(target: string): Promise<void> {
    if (this.state.status !== 'off' && this.state.target === target) return;
    this.stop();
    await this.start(target);
  }

  stop(): void {
    this.generation++;
    this.layer.clear();
    this.state = {
      ...this.state,
      status: 'off',
      progress: { done: 0, total: 0 },
      error: null,
      translation: { title: null, blocks: [] },
    };
  }

  private detect(): Article {
    let article: Article;
    try {
      article = detectArticle(this.doc, { url: this.url });
    } catch (error) {
      // A page that breaks detection is left alone, and the popup says why.
      article = { ...NO_ARTICLE, title: this.doc.title };
      this.state.error = {
        code: 'detection',
        message: `Could not read this page: ${String(error)}`,
      };
    }
    this.article = article;
    this.state.article = {
      isArticle: article.isArticle,
      title: article.title,
      lead: article.lead,
      byline: article.byline,
      publishedTime: article.publishedTime,
      modifiedTime: article.modifiedTime,
      publisher: article.publisher ?? findSite(new URL(this.url).hostname)?.publisher ?? null,
      lang: article.lang,
      url: article.canonicalUrl ?? this.url,
      blockCount: article.blocks.length,
    };
    return article;
  }

  private sourceLanguage(article: Article): string {
    return (
      article.lang ?? findSite(new URL(this.url).hostname)?.lang ?? this.doc.documentElement.lang
    );
  }

  private async start(target: string): Promise<void> {
    const generation = ++this.generation;
    const article = this.detect();
    this.state.target = target;
    if (!article.isArticle) {
      this.state.status = 'not-article';
      return;
    }
    const source = this.sourceLanguage(article);
    if (baseLanguage(source) === baseLanguage(target)) {
      this.state.status = 'same-language';
      return;
    }
    const pending: PendingBlock[] = [];
    if (article.titleElement) {
      pending.push({
        kind: 'headline',
        element: article.titleElement,
        encoded: encodeBlock(article.titleElement),
      });
    }
    for (const block of article.blocks) {
      pending.push({
        kind: block.kind,
        element: block.element,
        encoded: encodeBlock(block.element),
      });
    }
    const todo = pending.filter((p) => p.encoded.text.length > 0);
    this.state.status = 'translating';
    this.state.progress = { done: 0, total: todo.length };
    this.state.translation = { title: null, blocks: [] };

    for (let i = 0; i < todo.length; i += BLOCKS_PER_REQUEST) {
      const batch = todo.slice(i, i + BLOCKS_PER_REQUEST);
      const result = await this.request(
        batch.map((b) => b.encoded.html),
        source,
        target,
      );
      if (generation !== this.generation) return;
      this.state.engine = result.engine;
      if (!result.ok) {
        this.state.status = 'error';
        this.state.error = result.error;
        return;
      }
      for (const [j, block] of batch.entries()) {
        await this.showBlock(block, result.translations[j] ?? '', source, target, generation);
        if (generation !== this.generation) return;
      }
    }
    this.state.status = 'done';
  }

  private async request(
    segments: string[],
    source: string,
    target: string,
  ): Promise<TranslateResult> {
    try {
      return await sendToBackground('translate', { segments, source, target });
    } catch (error) {
      return { ok: false, engine: '', error: { code: 'internal', message: String(error) } };
    }
  }

  /** Shows one translation; a reply that broke the markup is retried once, then shown as text. */
  private async showBlock(
    block: PendingBlock,
    html: string,
    source: string,
    target: string,
    generation: number,
  ) {
    let content: DocumentFragment | string | null = decodeTranslation(
      html,
      block.encoded.refs,
      this.doc,
    );
    if (!content) {
      const retry = await this.request([block.encoded.html], source, target);
      if (generation !== this.generation) return;
      if (retry.ok)
        content = decodeTranslation(retry.translations[0] ?? '', block.encoded.refs, this.doc);
    }
    if (!content) {
      const plain = await this.request([escapeText(block.encoded.text)], source, target);
      if (generation !== this.generation) return;
      content = plain.ok ? textOf(plain.translations[0] ?? '', this.doc) : block.encoded.text;
    }
    const text = (typeof content === 'string' ? content : (content.textContent ?? '')).trim();
    this.layer.show(block.element, content, target);
    if (block.kind === 'headline') this.state.translation.title = text;
    else this.state.translation.blocks.push({ kind: block.kind, text });
    this.state.progress.done++;
  }
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`);
}

/** Text of an engine's HTML reply, parsed inertly (never run, never inserted as HTML). */
function textOf(html: string, doc: Document): string {
  const parsed = doc.implementation.createHTMLDocument('');
  parsed.body.innerHTML = html;
  return parsed.body.textContent ?? '';
}
