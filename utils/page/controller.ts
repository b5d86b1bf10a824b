import { detectArticle } from '../article/detect';
import type { Article } from '../article/types';
import { baseLanguage } from '../languages';
import { sendToBackground, type PageCommand, type TranslateResult } from '../messaging/protocol';
import type { DisplayMode, Settings } from '../settings/schema';
import { siteKey } from '../settings/site-key';
import { siteModeOf } from '../settings/store';
import { findSite } from '../sites/registry';
import { decodeTranslation } from './markup';
import { TranslationLayer } from './render';
import type { PageState } from './state';
import { unitsOf, type Unit } from './units';

/** Blocks per request: one engine round trip fills the first screen. */
const BLOCKS_PER_REQUEST = 12;
/** Requests in flight at once from one page (the background limits each engine as well). */
const MAX_IN_FLIGHT = 2;
/** Blocks this far below or above the viewport are translated before the reader gets there. */
const NEAR_VIEWPORT_PX = 1200;
/** How long to wait for the browser's first report of what is on screen before sending anyway. */
const FIRST_LAYOUT_WAIT_MS = 300;
/** Late content (live blogs, "read more") is looked for once the page has been quiet this long. */
const MUTATION_QUIET_MS = 400;

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
  textLang: null,
  canonicalUrl: null,
  declaredBody: null,
};

/**
 * Translation on one page: finds the article, sends the blocks on screen first and the rest as
 * the reader scrolls near them, shows each translation in place, picks up blocks added later, and
 * restores the page when switched off. Replies for an older run (after a switch-off or a
 * navigation) are dropped.
 */
export class PageController {
  private readonly layer: TranslationLayer;
  private article: Article | null = null;
  private state: PageState;
  private units: Unit[] = [];
  private queue: Unit[] = [];
  private inFlight = 0;
  private source = '';
  /** Bumped on every start and stop: replies for an older generation are dropped. */
  private generation = 0;
  private settings: Settings | null = null;
  /** The reader asked to translate a page detection did not take for an article. */
  private anyway = false;
  /** Set when the reader translated or restored this page by hand; wins over the site mode. */
  private chosenOnPage: boolean | null = null;
  private visibility: IntersectionObserver | null = null;
  private mutations: MutationObserver | null = null;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  private firstLayout: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(state: PageState) => void>();

  constructor(
    private readonly doc: Document,
    private url: string,
  ) {
    this.layer = new TranslationLayer(doc);
    this.state = this.freshState('en');
  }

  getState(): PageState {
    if (!this.article) this.detect();
    return this.snapshot();
  }

  /** Called with the new state after every change (the page control listens). */
  subscribe(listener: (state: PageState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Follows the reader's settings: `always` (or a language they always translate) starts,
   * `never` restores the page, `ask` leaves it as the reader last chose on this page.
   */
  async apply(settings: Settings): Promise<void> {
    this.settings = settings;
    this.layer.setStyle(settings.translationStyle);
    this.setDisplayMode(settings.displayMode);
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

  /** Carries out what the reader asked for on this page. */
  command(command: PageCommand): PageState {
    switch (command) {
      case 'translate':
      case 'original':
        void this.setActive(command === 'translate');
        break;
      case 'toggle':
        void this.setActive(this.state.status === 'off');
        break;
      case 'translate-all':
        this.translateAll();
        break;
      case 'translate-anyway':
        this.anyway = true;
        if (this.state.status === 'not-article' || this.state.status === 'same-language')
          this.stop();
        void this.setActive(true);
        break;
      case 'retry':
        this.retry();
        break;
    }
    return this.getState();
  }

  /** Switches between bilingual and replace display from what is already translated. */
  setDisplayMode(mode: DisplayMode): void {
    this.layer.setMode(mode);
    this.state.displayMode = mode;
    this.emit();
  }

  /** The whole article, not only what is near the viewport (the popup reader wants it all). */
  private translateAll(): void {
    if (this.state.status !== 'translating') return;
    for (const unit of this.units) this.enqueue(unit);
    this.pump();
  }

  /** After an engine error: tries the blocks not yet translated again. */
  private retry(): void {
    if (this.state.status !== 'error') return;
    this.state.status = 'translating';
    this.state.error = null;
    for (const unit of this.units) if (unit.status === 'sent') unit.status = 'waiting';
    this.observe(this.units.filter((u) => u.status === 'waiting'));
    this.emit();
  }

  /** A single-page navigation: the old article is put back and the new one considered afresh. */
  async navigated(url: string): Promise<void> {
    this.stop();
    this.url = url;
    this.article = null;
    this.chosenOnPage = null;
    this.anyway = false;
    this.state = this.freshState(this.state.target);
    if (this.settings) await this.apply(this.settings);
  }

  stop(): void {
    // Work already queued in the background for this tab is dropped, not paid for.
    if (this.inFlight > 0) void sendToBackground('cancelTranslation', {}).catch(() => undefined);
    this.generation++;
    this.visibility?.disconnect();
    this.visibility = null;
    this.mutations?.disconnect();
    this.mutations = null;
    clearTimeout(this.mutationTimer);
    clearTimeout(this.firstLayout);
    this.layer.clear();
    this.units = [];
    this.queue = [];
    this.inFlight = 0;
    this.state = {
      ...this.state,
      status: 'off',
      progress: { done: 0, waiting: 0, total: 0 },
      error: null,
      translation: { title: null, blocks: [] },
    };
    this.emit();
  }

  private freshState(target: string): PageState {
    return {
      siteKey: siteKey(new URL(this.url).hostname),
      article: null,
      status: 'off',
      progress: { done: 0, waiting: 0, total: 0 },
      engine: null,
      target,
      displayMode: this.layer.displayMode,
      error: null,
      translation: { title: null, blocks: [] },
    };
  }

  private emit(): void {
    if (!this.listeners.size) return;
    const state = this.snapshot();
    for (const listener of this.listeners) listener(state);
  }

  private snapshot(): PageState {
    const state = structuredClone(this.state);
    state.progress.waiting = this.units.filter((u) => u.status === 'waiting').length;
    return state;
  }

  private async ensureRunning(target: string): Promise<void> {
    if (this.state.status !== 'off' && this.state.target === target) return;
    this.stop();
    this.start(target);
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
      captions: article.captions.map((c) => ({ text: c.text, credit: c.credit })),
    };
    return article;
  }

  /** What the page declares, unless its text plainly is another language. */
  private sourceLanguage(article: Article): string {
    return (
      article.textLang ??
      findSite(new URL(this.url).hostname)?.lang ??
      this.doc.documentElement.lang
    );
  }

  /** The language translated from, which the popup shows as the article's. */
  private setSource(lang: string): void {
    this.source = lang;
    if (this.state.article && lang) this.state.article.lang = lang;
  }

  private start(target: string): void {
    const article = this.detect();
    this.state.target = target;
    // "Translate anyway" (popup): the blocks detection found, though it is not sure of an article.
    if (!article.isArticle && !(this.anyway && article.blocks.length)) {
      this.state.status = 'not-article';
      return this.emit();
    }
    this.setSource(this.sourceLanguage(article));
    // "Translate anyway" here too: the engine pipeline checks the language with the browser.
    if (baseLanguage(this.source) === baseLanguage(target) && !this.anyway) {
      this.state.status = 'same-language';
      return this.emit();
    }
    this.units = unitsOf(article, new Set());
    this.state.status = 'translating';
    this.state.progress = { done: 0, waiting: this.units.length, total: this.units.length };
    this.state.translation = { title: null, blocks: [] };
    this.observe(this.units);
    this.watchForLateBlocks();
    this.emit();
  }

  /** Queues blocks as they come near the viewport; without layout (tests, print) queues all. */
  private observe(units: Unit[]): void {
    const view = this.doc.defaultView;
    if (!view || typeof view.IntersectionObserver !== 'function') {
      for (const unit of units) this.enqueue(unit);
      return this.pump();
    }
    if (!this.visibility) {
      this.visibility = new view.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const unit = this.units.find((u) => u.element === entry.target);
            // Blocks without a box (a collapsed caption) never come into view: send them anyway.
            const unrendered = !entry.boundingClientRect.width && !entry.boundingClientRect.height;
            if (unit && (entry.isIntersecting || unrendered)) this.enqueue(unit);
          }
          clearTimeout(this.firstLayout);
          this.startFromTopIfIdle();
        },
        { rootMargin: `${NEAR_VIEWPORT_PX}px 0px` },
      );
      // The first report says what is on screen; should it be late, start anyway.
      this.firstLayout = setTimeout(() => this.startFromTopIfIdle(), FIRST_LAYOUT_WAIT_MS);
    }
    for (const unit of units) this.visibility.observe(unit.element);
  }

  /**
   * Sends what is queued; when none of the article is near the viewport (the reader is still
   * above it, or the browser reports no layout), starts with its first blocks in reading order.
   */
  private startFromTopIfIdle(): void {
    if (!this.inFlight && !this.queue.length && this.state.progress.done === 0) {
      for (const unit of this.units.slice(0, BLOCKS_PER_REQUEST)) this.enqueue(unit);
    }
    this.pump();
  }

  private enqueue(unit: Unit): void {
    if (unit.status !== 'waiting') return;
    unit.status = 'queued';
    this.queue.push(unit);
  }

  /** Sends queued blocks, reading order within what is queued, within the in-flight limit. */
  private pump(): void {
    if (this.state.status !== 'translating') return;
    this.queue.sort((a, b) => a.order - b.order);
    if (this.inFlight >= MAX_IN_FLIGHT || !this.queue.length) return;
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length) {
      const batch = this.queue.splice(0, BLOCKS_PER_REQUEST);
      for (const unit of batch) unit.status = 'sent';
      void this.send(batch, this.generation);
    }
    // The control says so when the reader's scrolling set more blocks under way.
    this.emit();
  }

  private async send(batch: Unit[], generation: number): Promise<void> {
    this.inFlight++;
    const target = this.state.target;
    const result = await this.request(
      batch.map((u) => u.encoded.html),
      target,
    );
    if (generation !== this.generation) return;
    this.inFlight--;
    this.state.engine = result.engine;
    // The background checks the page's language against detection; later batches follow it.
    if (result.ok && result.source) this.setSource(result.source);
    if (!result.ok) {
      this.state.status = 'error';
      this.state.error = result.error;
      this.queue = [];
      return this.emit();
    }
    for (const [i, unit] of batch.entries()) {
      await this.show(unit, result.translations[i] ?? '', target, generation);
      if (generation !== this.generation) return;
    }
    if (this.state.progress.done === this.state.progress.total) this.state.status = 'done';
    this.emit();
    this.pump();
  }

  private async request(segments: string[], target: string): Promise<TranslateResult> {
    try {
      return await sendToBackground('translate', { segments, source: this.source, target });
    } catch (error) {
      return { ok: false, engine: '', error: { code: 'internal', message: String(error) } };
    }
  }

  /** Shows one translation; a reply that broke the markup is retried once, then shown as text. */
  private async show(unit: Unit, html: string, target: string, generation: number) {
    const { refs, text: original } = unit.encoded;
    let content: DocumentFragment | string | null = decodeTranslation(html, refs, this.doc);
    if (!content) {
      const retry = await this.request([unit.encoded.html], target);
      if (generation !== this.generation) return;
      if (retry.ok) content = decodeTranslation(retry.translations[0] ?? '', refs, this.doc);
    }
    if (!content) {
      const plain = await this.request([escapeText(original)], target);
      if (generation !== this.generation) return;
      content = plain.ok ? textOf(plain.translations[0] ?? '', this.doc) : original;
    }
    unit.text = (typeof content === 'string' ? content : (content.textContent ?? '')).trim();
    unit.status = 'shown';
    this.layer.show(unit.element, content, target, original);
    this.visibility?.unobserve(unit.element);
    this.state.progress.done++;
    const shown = this.units.filter((u) => u.status === 'shown' && u.text !== undefined);
    this.state.translation = {
      title: shown.find((u) => u.kind === 'headline')?.text ?? null,
      blocks: shown
        .filter((u) => u.kind !== 'headline')
        .map((u) => ({ kind: u.kind as Exclude<Unit['kind'], 'headline'>, text: u.text ?? '' })),
    };
  }

  /** Blocks added after load (live blogs, "read more", lazy bodies) are translated once. */
  private watchForLateBlocks(): void {
    // The content script's own MutationObserver: in Firefox the page's one, reached through the
    // window, would call back into the page's compartment.
    const Observer = globalThis.MutationObserver ?? this.doc.defaultView?.MutationObserver;
    if (typeof Observer !== 'function' || !this.doc.body) return;
    this.mutations = new Observer((records) => {
      const foreign = records.some((r) =>
        Array.from(r.addedNodes).some((n) => !this.layer.owns(n) && n.nodeType !== 8),
      );
      if (!foreign) return;
      clearTimeout(this.mutationTimer);
      this.mutationTimer = setTimeout(() => this.addLateBlocks(), MUTATION_QUIET_MS);
    });
    this.mutations.observe(this.doc.body, { childList: true, subtree: true });
  }

  private addLateBlocks(): void {
    if (this.state.status !== 'translating' && this.state.status !== 'done') return;
    let article: Article;
    try {
      article = detectArticle(this.doc, { url: this.url });
    } catch {
      return;
    }
    const known = new Set(this.units.filter((u) => u.element.isConnected).map((u) => u.element));
    const fresh = unitsOf(article, known, this.units.length).filter(
      (u) => !this.layer.owns(u.element),
    );
    if (!fresh.length) return;
    this.units.push(...fresh);
    this.state.progress.total += fresh.length;
    this.state.status = 'translating';
    this.observe(fresh);
    this.emit();
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
