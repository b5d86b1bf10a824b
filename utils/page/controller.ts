import { detectArticleSliced, type Detection } from '../article/detect';
import type { Article } from '../article/types';
import { packBatches, type BatchLimits } from '../engines/batching';
import type { EngineId } from '../engines/types';
import { baseLanguage } from '../languages';
import { sendToBackground, type PageCommand, type TranslateResult } from '../messaging/protocol';
import { siteModeOf, type DisplayMode, type PageSettings } from '../settings/page';
import { siteKey } from '../settings/site-key';
import { findSite } from '../sites/registry';
import { decodeTranslation, parseInert } from './markup';
import { TranslationLayer } from './render';
import type { PageState, PageView } from './state';
import { unitsOf, type Unit } from './units';

/**
 * What one message carries when the background could not say what its engine takes (it answers
 * before the first message otherwise): a screenful, within what every engine accepts.
 */
const UNTOLD_LIMITS: BatchLimits = { maxSegments: 12, maxChars: 5_000 };
/**
 * An article that fits in this many engine requests goes whole as soon as it is read, blocks on
 * screen first: the reader has all of it in about one round trip (two at the engine's
 * concurrency), the engine gets full batches, and such an article is read to its end often
 * enough that sending the rest later saves little. Longer pages are sent as the reader nears
 * each block.
 */
const WHOLE_ARTICLE_BATCHES = 4;
/** Work on a long page is cut in slices this long, between which the page handles input. */
const SLICE_MS = 8;
/** Requests in flight at once from one page (the background limits each engine as well). */
const MAX_IN_FLIGHT = 2;
/** Blocks this far below or above the viewport are translated before the reader gets there. */
const NEAR_VIEWPORT_PX = 1200;
/** How long to wait for the browser's first report of what is on screen before sending anyway. */
const FIRST_LAYOUT_WAIT_MS = 300;
/** Late content (live blogs, "read more") is looked for once the page has been quiet this long. */
const MUTATION_QUIET_MS = 400;
/**
 * The reader is told the engine is slow once no reply has come for this long: before the
 * background hands a batch to the fallback (10 s, utils/engines/pipeline.ts).
 */
const SLOW_NOTICE_MS = 7_000;
/** While a request waits, the background hears from the page this often (Firefox: under 30 s). */
const STILL_WAITING_MS = 20_000;
/** …and at least this often on a page that never stops changing (tickers, ads, hostile pages). */
const MUTATION_MAX_WAIT_MS = 2_000;
/** The user-timing measure of the page's detection, which `npm run bench` reads. */
const DETECT_MEASURE = 'foreign-desk:detect';

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
  private pendingDetection: { url: string; article: Promise<Article> } | null = null;
  /** Reads the article's dates, which detection leaves until the first reply is shown. */
  private datesLeft: Detection['readDates'] | null = null;
  /** Why detection could not read this page: kept while its article is, for the popup. */
  private detectionFailure: PageState['error'] = null;
  private state: PageView;
  private units: Unit[] = [];
  /** Units waiting for the reader to scroll near them, counted as their status changes. */
  private waiting = 0;
  /** The unit of each block element, for the visibility reports. */
  private readonly unitOf = new Map<Element, Unit>();
  /** The reader asked for the whole article (the popup's reader), not what is near the view. */
  private wholeArticle = false;
  /** Blocks on screen when the whole article was queued: they lead its first message. */
  private onScreen = new WeakSet<Unit>();
  /** What one message carries: the engine's batch limits once the background has said them. */
  private messageLimits = UNTOLD_LIMITS;
  private queue: Unit[] = [];
  /** Whether blocks joined the queue since it was last put in reading order. */
  private queueUnsorted = false;
  private inFlight = 0;
  /** Bumped by Retry: a request sent before it that then fails queues its blocks again. */
  private attempt = 0;
  private source = '';
  /** Bumped on every start and stop: replies for an older generation are dropped. */
  private generation = 0;
  private settings: PageSettings | null = null;
  /** The reader asked to translate a page detection did not take for an article. */
  private anyway = false;
  /** The engine the reader picked in the popup for this page only (else their setting). */
  private pageEngine: EngineId | undefined;
  /** Set when the reader translated or restored this page by hand; wins over the site mode. */
  private chosenOnPage: boolean | null = null;
  private visibility: IntersectionObserver | null = null;
  private mutations: MutationObserver | null = null;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet looked at came. */
  private mutationsSince: number | undefined;
  private firstLayout: ReturnType<typeof setTimeout> | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  /** The reader chose to keep waiting for a slow engine: not told again on this run. */
  private patient = false;
  /** The reader switched to the fallback engine on this run. */
  private fallbackOnly = false;
  private readonly listeners = new Set<(state: PageView) => void>();
  /** Elements of ours outside the article (the page control): adding them is no late content. */
  private readonly own = new WeakSet<Node>();

  constructor(
    private readonly doc: Document,
    private url: string,
  ) {
    this.layer = new TranslationLayer(doc);
    this.state = this.freshState('en');
  }

  /** The state as it is; the article is found only when translating or asked for. */
  getState(): PageState {
    return { ...this.view(), translation: this.translationSoFar() };
  }

  /** The state with the article found (now, if it was not yet): what the popup shows. */
  async stateWithArticle(): Promise<PageState> {
    if (!this.article) await this.detect();
    this.readDates();
    return this.getState();
  }

  /** An element of ours the page gets (the page control), which is never taken for the page's. */
  adopt(element: Element): void {
    this.own.add(element);
  }

  /** Called with the new state after every change (the page control listens). */
  subscribe(listener: (state: PageView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Follows the reader's settings: `always` (or a language they always translate) starts,
   * `never` restores the page, `ask` leaves it as the reader last chose on this page.
   */
  async apply(settings: PageSettings): Promise<void> {
    this.settings = settings;
    this.layer.setStyle(settings.translationStyle);
    const mode = siteModeOf(settings, this.state.siteKey);
    this.state.siteMode = mode;
    this.setDisplayMode(settings.displayMode);
    // Nothing is read from the page of a site the reader set to Never.
    if (mode === 'never') return this.stop();
    if (this.chosenOnPage !== null) return this.setActive(this.chosenOnPage);
    const lang =
      mode === 'always' ? null : this.sourceLanguage(this.article ?? (await this.detect()));
    const wanted =
      mode === 'always' ||
      (lang !== null && settings.alwaysTranslateFrom.includes(baseLanguage(lang)));
    if (wanted) return this.ensureRunning(settings.targetLang);
    // Ask first, on a page with no article or one already in the reader's language: nothing to
    // offer on the page, and the popup says why (with Translate anyway), not "Not translated".
    const quiet = ['off', 'same-language', 'not-article'];
    if (!quiet.includes(this.state.status) || this.anyway || lang === null) return;
    this.state.target = settings.targetLang;
    this.state.status = !this.article?.isArticle
      ? 'not-article'
      : baseLanguage(lang) === baseLanguage(settings.targetLang)
        ? 'same-language'
        : 'off';
    this.emit();
  }

  /**
   * The settings read when the page loaded, unless a change reported since (`apply`) came first:
   * the reader may choose in the popup while the content script starts.
   */
  async applyFirst(settings: PageSettings): Promise<void> {
    if (!this.settings) await this.apply(settings);
  }

  /** The reader's choice for this page (popup, page control): translate now, or the original. */
  async setActive(active: boolean): Promise<void> {
    this.chosenOnPage = active;
    if (!active) return this.stop();
    await this.ensureRunning(this.settings?.targetLang ?? this.state.target);
  }

  /** Carries out what the reader asked for on this page. */
  command(command: PageCommand): Promise<PageState> {
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
      case 'keep-waiting':
        this.patient = true;
        this.watchForSlowness();
        break;
      case 'use-fallback':
        this.useFallback();
        break;
    }
    return this.stateWithArticle();
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
    this.wholeArticle = true;
    for (const unit of this.units) this.enqueue(unit);
    this.pump();
  }

  /** This article with another engine (the popup's offer after an error); settings stay. */
  useEngine(engine: EngineId): Promise<PageState> {
    this.pageEngine = engine;
    this.retry();
    return this.stateWithArticle();
  }

  /** After an engine error: tries the blocks not yet translated again. */
  private retry(): void {
    if (this.state.status !== 'error') return;
    this.attempt++;
    this.state.status = 'translating';
    this.state.error = null;
    // Blocks still in flight from before are re-queued if their request fails (see `send`).
    for (const unit of this.queue) this.mark(unit, 'waiting');
    this.queue = [];
    this.observe(this.units.filter((u) => u.status === 'waiting'));
    this.emit();
  }

  /**
   * The reader's fallback engine instead of the slow one: what is in flight is cancelled and sent
   * again (see \`send\`), and the rest of this run goes to the fallback.
   */
  private useFallback(): void {
    if (!this.state.slow?.fallback) return;
    this.fallbackOnly = true;
    this.attempt++;
    this.watchForSlowness();
    void sendToBackground('cancelTranslation', {}).catch(() => undefined);
  }

  /**
   * Starts the clock again (a reply came, or the first request went out): should no reply come
   * for SLOW_NOTICE_MS, the reader is told the engine is slow, and offered its fallback.
   */
  private watchForSlowness(): void {
    clearTimeout(this.slowTimer);
    if (this.state.slow) {
      this.state.slow = null;
      this.emit();
    }
    if (!this.inFlight || this.patient) return;
    const stillWaiting = () => this.state.status === 'translating' && this.inFlight > 0;
    this.slowTimer = setTimeout(() => {
      if (!stillWaiting()) return;
      // The engines' names come from the background, which has the engine catalog.
      void sendToBackground('engineNames', {})
        .then(({ engine, fallback }) => {
          if (!stillWaiting() || this.state.slow) return;
          this.state.slow = { engine, fallback: this.fallbackOnly ? null : fallback };
          this.emit();
        })
        .catch(() => undefined);
    }, SLOW_NOTICE_MS);
  }

  /** A single-page navigation: the old article is put back and the new one considered afresh. */
  async navigated(url: string): Promise<void> {
    this.stop();
    this.url = url;
    this.article = null;
    this.datesLeft = null;
    this.detectionFailure = null;
    this.chosenOnPage = null;
    this.anyway = false;
    this.pageEngine = undefined;
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
    this.mutationsSince = undefined;
    clearTimeout(this.firstLayout);
    clearTimeout(this.slowTimer);
    this.patient = false;
    this.fallbackOnly = false;
    this.layer.clear();
    this.units = [];
    this.waiting = 0;
    this.unitOf.clear();
    this.wholeArticle = false;
    this.onScreen = new WeakSet();
    this.queue = [];
    this.inFlight = 0;
    this.state = {
      ...this.state,
      status: 'off',
      progress: { done: 0, waiting: 0, total: 0 },
      slow: null,
      error: this.detectionFailure,
    };
    this.emit();
  }

  private freshState(target: string): PageView {
    return {
      siteKey: siteKey(new URL(this.url).hostname),
      siteMode: this.settings
        ? siteModeOf(this.settings, siteKey(new URL(this.url).hostname))
        : null,
      article: null,
      status: 'off',
      progress: { done: 0, waiting: 0, total: 0 },
      engine: null,
      target,
      displayMode: this.layer.displayMode,
      slow: null,
      error: null,
    };
  }

  private emit(): void {
    if (!this.listeners.size) return;
    const state = this.view();
    for (const listener of this.listeners) listener(state);
  }

  private view(): PageView {
    const state = structuredClone(this.state);
    state.progress.waiting = this.waiting;
    return state;
  }

  private mark(unit: Unit, status: Unit['status']): void {
    if (unit.status === 'waiting') this.waiting--;
    if (status === 'waiting') this.waiting++;
    unit.status = status;
  }

  private async ensureRunning(target: string): Promise<void> {
    if (this.state.status !== 'off' && this.state.target === target) return;
    this.stop();
    await this.start(target);
  }

  /**
   * The page's article, read once: a caller that comes while detection is under way (the popup
   * asking while it lets the page run) shares that detection instead of starting a second one.
   */
  private detect(): Promise<Article> {
    const pending = this.pendingDetection;
    if (pending && pending.url === this.url) return pending.article;
    const article = this.readArticle().finally(() => {
      if (this.pendingDetection?.article === article) this.pendingDetection = null;
    });
    this.pendingDetection = { url: this.url, article };
    return article;
  }

  private async readArticle(): Promise<Article> {
    let article: Article;
    const start = performance.now();
    try {
      // In slices: on a long page, one call would hold the page (clicks, scrolling) for seconds.
      const detection = await detectArticleSliced(this.doc, { url: this.url });
      // On the page's timeline for `npm run bench` (the page sees our control anyway).
      performance.measure(DETECT_MEASURE, { start, end: performance.now() });
      article = detection.article;
      this.datesLeft = detection.readDates;
    } catch (error) {
      // A page that breaks detection is left alone, and the popup says why.
      article = { ...NO_ARTICLE, title: this.doc.title };
      this.detectionFailure = {
        code: 'detection',
        message: `Could not read this page: ${String(error)}`,
      };
      this.state.error = this.detectionFailure;
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
    this.emit();
    return article;
  }

  /** The article's dates, read once: when its first reply is shown, or the popup asks. */
  private readDates(): void {
    const read = this.datesLeft;
    this.datesLeft = null;
    if (!read || !this.article || !this.state.article) return;
    const { published, modified } = read();
    this.article.publishedTime = this.state.article.publishedTime = published;
    this.article.modifiedTime = this.state.article.modifiedTime = modified;
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

  private async start(target: string): Promise<void> {
    // Asked before the article is read: the background gets ready while the page reads it.
    const limits = this.prepare(target);
    const generation = this.generation;
    const article = this.article ?? (await this.detect());
    // Stopped (or started again) while detection let the page run.
    if (generation !== this.generation) return;
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
    this.state.status = 'translating';
    this.emit();
    const units = await this.collectUnits(article, [], generation);
    this.messageLimits = (await limits) ?? this.messageLimits;
    if (generation !== this.generation) return;
    this.addUnits(units);
    this.watchForLateBlocks();
  }

  /** What one request to the engine carries, from the background (null if it cannot say). */
  private async prepare(target: string): Promise<BatchLimits | null> {
    // The language the page declares: detection may correct it, the engine's limits hardly vary.
    const source = findSite(new URL(this.url).hostname)?.lang ?? this.doc.documentElement.lang;
    return sendToBackground('prepareTranslation', {
      source,
      target,
      engine: this.fallbackOnly ? 'fallback' : this.pageEngine,
    }).catch(() => null);
  }

  /**
   * Whether the article, late blocks included, is short enough to go whole at once (see
   * WHOLE_ARTICLE_BATCHES): a live blog that grows past it goes on as the reader scrolls.
   */
  private fitsAtOnce(): boolean {
    const { maxSegments, maxChars } = this.messageLimits;
    const chars = this.units.reduce((sum, u) => sum + u.encoded.html.length, 0);
    return (
      this.units.length <= WHOLE_ARTICLE_BATCHES * maxSegments &&
      chars <= WHOLE_ARTICLE_BATCHES * maxChars
    );
  }

  /** The article's blocks as units, in time slices that leave the page free between them. */
  private async collectUnits(
    article: Article,
    known: Iterable<Element>,
    generation: number,
  ): Promise<Unit[]> {
    const units: Unit[] = [];
    let sliceStart = performance.now();
    for (const unit of unitsOf(article, known, this.units.length)) {
      units.push(unit);
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await yieldToPage();
      if (generation !== this.generation) return [];
      sliceStart = performance.now();
    }
    return units;
  }

  /** Starts translating units found on the page (at start, or added later). */
  private addUnits(units: Unit[]): void {
    for (const unit of units) {
      this.units.push(unit);
      this.unitOf.set(unit.element, unit);
      if (unit.status === 'waiting') this.waiting++;
    }
    this.state.progress.total += units.length;
    this.state.status =
      this.state.progress.done < this.state.progress.total ? 'translating' : 'done';
    this.observe(units);
    this.emit();
  }

  /**
   * Queues blocks as they come near the viewport, or all of them at once for a short article,
   * the reader's "translate all", or a page without layout (tests, print).
   */
  private observe(units: Unit[]): void {
    const view = this.doc.defaultView;
    const all = this.wholeArticle || this.fitsAtOnce();
    if (all || !view || typeof view.IntersectionObserver !== 'function') {
      for (const unit of units) {
        // One layout read for the lot: the page has laid out by the time the script runs.
        const box = unit.element.getBoundingClientRect();
        if (view && box.bottom > 0 && box.top < view.innerHeight) this.onScreen.add(unit);
        this.enqueue(unit);
      }
      return this.pump();
    }
    if (!this.visibility) {
      this.visibility = new view.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const unit = this.unitOf.get(entry.target);
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
    // Observed anew, a block is reported again (Retry: the ones on screen go first once more).
    for (const unit of units) {
      this.visibility.unobserve(unit.element);
      this.visibility.observe(unit.element);
    }
  }

  /**
   * Sends what is queued; when none of the article is near the viewport (the reader is still
   * above it, or the browser reports no layout), starts with its first blocks in reading order.
   */
  private startFromTopIfIdle(): void {
    if (!this.inFlight && !this.queue.length && this.state.progress.done === 0) {
      for (const unit of this.units.slice(0, this.messageLimits.maxSegments)) this.enqueue(unit);
    }
    this.pump();
  }

  private enqueue(unit: Unit): void {
    if (unit.status !== 'waiting') return;
    this.mark(unit, 'queued');
    this.queue.push(unit);
    this.queueUnsorted = true;
  }

  /**
   * Sends queued blocks, those on screen then reading order within what is queued, within the
   * in-flight limit.
   */
  private pump(): void {
    if (this.state.status !== 'translating') return;
    if (this.inFlight >= MAX_IN_FLIGHT || !this.queue.length) return;
    const rank = (u: Unit) => (this.onScreen.has(u) ? 0 : 1);
    if (this.queueUnsorted) this.queue.sort((a, b) => rank(a) - rank(b) || a.order - b.order);
    this.queueUnsorted = false;
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length) {
      // Only the first message is packed: no more than its limit of blocks can go in it.
      const [first = []] = packBatches(
        this.queue.slice(0, this.messageLimits.maxSegments),
        this.messageLimits,
        (u) => u.encoded.html.length,
      );
      const batch = this.queue.splice(0, first.length);
      for (const unit of batch) this.mark(unit, 'sent');
      void this.send(batch, this.generation);
    }
    // The control says so when the reader's scrolling set more blocks under way.
    this.emit();
  }

  private async send(batch: Unit[], generation: number): Promise<void> {
    if (!this.inFlight++) this.watchForSlowness();
    const attempt = this.attempt;
    const target = this.state.target;
    const result = await this.request(
      batch.map((u) => u.encoded.html),
      target,
    );
    if (generation !== this.generation) return;
    this.inFlight--;
    this.watchForSlowness();
    this.state.engine = result.engine;
    // The background checks the page's language against detection; later batches follow it.
    if (result.ok && result.source) this.setSource(result.source);
    if (result.ok && result.limits) this.messageLimits = result.limits;
    if (!result.ok) {
      for (const unit of batch) this.mark(unit, 'waiting');
      if (attempt !== this.attempt) return this.observe(batch);
      // What waited behind the failed request waits for Retry with it.
      for (const unit of this.queue) this.mark(unit, 'waiting');
      this.queue = [];
      this.state.status = 'error';
      this.state.error = result.error;
      return this.emit();
    }
    for (const [i, unit] of batch.entries()) this.show(unit, result.translations[i] ?? '', target);
    this.forgetRemoved();
    if (this.state.progress.done === this.state.progress.total) this.state.status = 'done';
    this.emit();
    this.pump();
    // Not while the first request is on its way: on a busy machine the background's work for it
    // and the engine's would share the processor with them.
    this.readDates();
  }

  private async request(segments: string[], target: string): Promise<TranslateResult> {
    const stillWaiting = setInterval(
      () => void sendToBackground('stillWaiting', {}).catch(() => undefined),
      STILL_WAITING_MS,
    );
    try {
      return await sendToBackground('translate', {
        segments,
        source: this.source,
        target,
        engine: this.fallbackOnly ? 'fallback' : this.pageEngine,
      });
    } catch (error) {
      return { ok: false, engine: '', error: { code: 'internal', message: String(error) } };
    } finally {
      clearInterval(stillWaiting);
    }
  }

  /**
   * Shows one translation. The background answers with the markers intact or, when the engine
   * kept breaking them, with none (its plain-text fallback), shown as text.
   */
  private show(unit: Unit, html: string, target: string): void {
    const { refs, text: original } = unit.encoded;
    // A reply with no text never empties a block (in replace mode it would vanish).
    const content =
      decodeTranslation(html, refs, this.doc) ??
      ((parseInert(html, this.doc)?.textContent ?? '').trim() || original);
    unit.text = (typeof content === 'string' ? content : (content.textContent ?? '')).trim();
    this.mark(unit, 'shown');
    this.layer.show(unit.element, content, target, original);
    this.visibility?.unobserve(unit.element);
    this.state.progress.done++;
  }

  /**
   * What the popup shows: the headline and blocks translated so far, in reading order, of those
   * still on the page (a page that replaced its article no longer shows the old one). Built when
   * the popup asks, not on every change.
   */
  private translationSoFar(): PageState['translation'] {
    const shown = this.units.filter(
      (u) => u.status === 'shown' && u.text !== undefined && u.element.isConnected,
    );
    return {
      title: shown.find((u) => u.kind === 'headline')?.text ?? null,
      blocks: shown
        .filter((u) => u.kind !== 'headline')
        .map((u) => ({ kind: u.kind as Exclude<Unit['kind'], 'headline'>, text: u.text ?? '' })),
    };
  }

  /**
   * Blocks the page took away (it replaced its article, or a live blog dropped old entries) no
   * longer count in the control's "N of M" nor wait to be sent. Those in flight are forgotten
   * when their reply comes.
   */
  private forgetRemoved(): void {
    const removed = this.units.filter((u) => !u.element.isConnected && u.status !== 'sent');
    if (!removed.length) return;
    const gone = new Set(removed);
    for (const unit of removed) {
      if (unit.status === 'shown') this.state.progress.done--;
      if (unit.status === 'waiting') this.waiting--;
      this.unitOf.delete(unit.element);
      this.visibility?.unobserve(unit.element);
    }
    this.units = this.units.filter((u) => !gone.has(u));
    this.queue = this.queue.filter((u) => !gone.has(u));
    const { progress } = this.state;
    progress.total -= removed.length;
    if (this.state.status === 'translating' && progress.done === progress.total)
      this.state.status = 'done';
    this.emit();
  }

  /** Blocks added after load (live blogs, "read more", lazy bodies) are translated once. */
  private watchForLateBlocks(): void {
    // The content script's own MutationObserver: in Firefox the page's one, reached through the
    // window, would call back into the page's compartment.
    const Observer = globalThis.MutationObserver ?? this.doc.defaultView?.MutationObserver;
    if (typeof Observer !== 'function' || !this.doc.body) return;
    this.mutations = new Observer((records) => {
      const foreign = records.some((r) =>
        Array.from(r.addedNodes).some(
          (n) => !this.layer.owns(n) && !this.own.has(n) && n.nodeType !== 8,
        ),
      );
      if (!foreign) return;
      const now = performance.now();
      this.mutationsSince ??= now;
      if (now - this.mutationsSince >= MUTATION_MAX_WAIT_MS) return;
      clearTimeout(this.mutationTimer);
      this.mutationTimer = setTimeout(() => {
        this.mutationsSince = undefined;
        void this.addLateBlocks();
      }, MUTATION_QUIET_MS);
    });
    this.mutations.observe(this.doc.body, { childList: true, subtree: true });
  }

  private async addLateBlocks(): Promise<void> {
    if (this.state.status !== 'translating' && this.state.status !== 'done') return;
    let article: Article;
    try {
      ({ article } = await detectArticleSliced(this.doc, { url: this.url }));
    } catch {
      return;
    }
    const generation = this.generation;
    this.forgetRemoved();
    const known = this.units.map((u) => u.element);
    const found = await this.collectUnits(article, known, generation);
    if (generation !== this.generation) return;
    // Another scan may have taken some of them while this one was reading.
    const fresh = found.filter((u) => !this.layer.owns(u.element) && !this.unitOf.has(u.element));
    if (fresh.length) this.addUnits(fresh);
  }
}

/** Lets the page run what waits (input, rendering) before the next slice of work. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
