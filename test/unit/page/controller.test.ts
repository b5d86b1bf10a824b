import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadDocument } from '../../../scripts/lib/corpus';
import { fakeEngine, MapCache } from '../engines/fakes';
import { shout } from '../engines/loopback';
import { detectArticle, detectArticleSliced } from '@/utils/article/detect';
import type { BatchLimits } from '@/utils/engines/batching';
import { TranslationPipeline } from '@/utils/engines/pipeline';
import type { Message } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/schema';
import { siteKey } from '@/utils/settings/site-key';

// Detection, spied on: it is the content script's heaviest step.
vi.mock('@/utils/article/detect', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/utils/article/detect')>();
  return { ...actual, detectArticleSliced: vi.fn(actual.detectArticleSliced) };
});
const detections = () => vi.mocked(detectArticleSliced).mock.calls.length;

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/pages');
const EL_PAIS = 'fundus/es-ElPais_2024_10_15';

function loadElPais() {
  const { doc, url } = loadDocument({ key: EL_PAIS, dir: join(CORPUS, EL_PAIS) });
  return { doc, url: url! };
}

/** What the background names the reader's engines (no fallback set). */
const NAMES = { engine: 'Automatic', fallback: null };

/**
 * A background that "translates" by upper-casing text and keeps every marker; `limits`: what it
 * says one engine request carries when the page prepares (by default it cannot say).
 */
function fakeBackground(reply?: (segments: string[]) => unknown, limits?: BatchLimits) {
  const requests: string[][] = [];
  fakeBrowser.runtime.onMessage.addListener(((received: Message) => {
    if (received.type === 'engineNames') return Promise.resolve(NAMES);
    if (received.type === 'prepareTranslation') return Promise.resolve(limits ?? null);
    if (received.type !== 'translate') return Promise.resolve();
    const message = received as Message<'translate'>;
    requests.push(message.segments);
    const answer = reply?.(message.segments) ?? {
      ok: true,
      engine: 'Fake',
      translations: message.segments.map((s) =>
        s.replace(/(^|>)([^<]*)/g, (_m, open: string, text: string) => open + text.toUpperCase()),
      ),
    };
    return Promise.resolve(answer);
  }) as never);
  return requests;
}

/** Resolves once the controller is no longer translating. */
function settled(controller: PageController): Promise<void> {
  return new Promise((resolve) => {
    const check = (status: string) => {
      if (status === 'translating') return false;
      resolve();
      return true;
    };
    if (check(controller.getState().status)) return;
    const unsubscribe = controller.subscribe((state) => {
      if (check(state.status)) unsubscribe();
    });
  });
}

/** A layout in which the blocks observed as `near(index)` (in the order observed) are near the view. */
function layoutWhere(doc: Document, near: (index: number) => boolean): void {
  const view = doc.defaultView as unknown as { IntersectionObserver: unknown };
  view.IntersectionObserver = class {
    private seen = 0;
    constructor(private readonly report: (entries: unknown[]) => void) {}
    observe(target: Element) {
      const isIntersecting = near(this.seen++);
      const box = { width: 100, height: 20 };
      queueMicrotask(() => this.report([{ target, isIntersecting, boundingClientRect: box }]));
    }
    unobserve() {}
    disconnect() {}
  };
}

const ON: Settings = { ...DEFAULT_SETTINGS, sites: { elpais: 'always' } };

/** El País translated on a site set to always, by the fake background. */
async function translatedElPais() {
  const { doc, url } = loadElPais();
  const requests = fakeBackground();
  const controller = new PageController(doc, url);
  await controller.apply(ON);
  await settled(controller);
  return { doc, url, controller, requests };
}

describe('PageController on a real El País article', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(detectArticleSliced).mockClear();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('shows a translation inside each block, keeping links, and restores the page byte for byte', async () => {
    const { doc, url } = loadElPais();
    const before = doc.documentElement.outerHTML;
    fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);

    const state = controller.getState();
    expect(state.status).toBe('done');
    expect(state.progress.done).toBe(state.progress.total);
    const shown = Array.from(doc.querySelectorAll('.foreign-desk-translation'));
    expect(shown.length).toBe(state.progress.total);
    for (const el of shown) {
      expect(el.getAttribute('translate')).toBe('no');
      expect(el.getAttribute('lang')).toBe('en');
    }
    // A link in the original paragraph reappears in its translation with the page's own href.
    const withLink = shown.find((el) => el.parentElement?.querySelector(':scope > a[href]'));
    expect(withLink).toBeDefined();
    const originalHref = withLink!
      .parentElement!.querySelector(':scope > a[href]')!
      .getAttribute('href');
    expect(withLink!.querySelector('a')!.getAttribute('href')).toBe(originalHref);
    expect(state.translation.title).toBe(state.article!.title.toUpperCase());

    await controller.apply({ ...ON, sites: { elpais: 'never' } });
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(controller.getState().status).toBe('off');
  });

  it('drops replies that arrive after the reader switched off', async () => {
    const { doc, url } = loadElPais();
    const before = doc.documentElement.outerHTML;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    fakeBrowser.runtime.onMessage.addListener((async (message: Message<'translate'>) => {
      if (message.type !== 'translate') return null;
      await gate;
      return { ok: true, engine: 'Fake', translations: message.segments };
    }) as never);
    const controller = new PageController(doc, url);
    const running = controller.apply(ON);
    await controller.apply({ ...ON, sites: { elpais: 'never' } });
    release();
    await running;
    // Let the late replies arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reports the engine’s error and leaves the page as it was', async () => {
    const { doc, url } = loadElPais();
    const before = doc.documentElement.outerHTML;
    fakeBackground(() => ({
      ok: false,
      engine: 'Apertium',
      error: { code: 'unsupported-pair', message: 'Apertium has no Spanish → English pair.' },
    }));
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);
    const state = controller.getState();
    expect(state.status).toBe('error');
    expect(state.error?.message).toContain('no Spanish → English pair');
    expect(state.article?.title).toContain('Bruselas');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('completes the whole article on Retry after a fault that hit requests in flight', async () => {
    const { doc, url } = loadElPais();
    const failure = {
      ok: false,
      engine: 'LibreTranslate',
      error: { code: 'timeout', message: 'LibreTranslate did not answer in time.' },
    };
    // The engine hangs, then fails every request it holds; after that it is healthy again.
    let healthy = false;
    const held: (() => void)[] = [];
    fakeBackground((): unknown =>
      healthy ? undefined : new Promise((resolve) => held.push(() => resolve(failure))),
    );
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    held.shift()!();
    await settled(controller);
    expect(controller.getState().status).toBe('error');

    // Retry while the other request is still in flight: it fails too, and its blocks go again.
    healthy = true;
    controller.command('retry');
    held.shift()!();
    await settled(controller);
    const state = controller.getState();
    expect(state.status).toBe('done');
    expect(state.progress.done).toBe(state.progress.total);
    expect(doc.querySelectorAll('.foreign-desk-translation')).toHaveLength(state.progress.total);
  });

  it('tells the reader a silent engine is slow, and sends everything to the fallback they choose', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { doc, url } = loadElPais();
    // The reader's engine never answers until cancelled; the fallback answers at once.
    const held: (() => void)[] = [];
    const sent: boolean[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: Message) => {
      if (message.type === 'cancelTranslation') for (const cancel of held.splice(0)) cancel();
      if (message.type === 'engineNames')
        return Promise.resolve({ engine: 'LibreTranslate', fallback: 'Apertium' });
      if (message.type !== 'translate') return Promise.resolve();
      const { segments, engine } = message as Message<'translate'>;
      const fallbackOnly = engine === 'fallback';
      sent.push(fallbackOnly);
      if (fallbackOnly)
        return Promise.resolve({ ok: true, engine: 'Apertium', translations: segments.map(shout) });
      return new Promise((resolve) =>
        held.push(() =>
          resolve({ ok: false, engine: '', error: { code: 'cancelled', message: 'Cancelled.' } }),
        ),
      );
    }) as never);
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    while (held.length < 2) await vi.advanceTimersByTimeAsync(5);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(controller.getState().slow).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(controller.getState().slow).toEqual({ engine: 'LibreTranslate', fallback: 'Apertium' });

    controller.command('use-fallback');
    await settled(controller);
    const state = controller.getState();
    expect(state).toMatchObject({ status: 'done', slow: null, engine: 'Apertium' });
    expect(state.progress.done).toBe(state.progress.total);
    expect(sent.slice(0, 2)).toEqual([false, false]);
    expect(sent.slice(2).every(Boolean)).toBe(true);
  });

  it('keeps waiting when the reader says so, without telling them again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { doc, url } = loadElPais();
    const held: (() => void)[] = [];
    fakeBackground(
      (segments): unknown =>
        new Promise((resolve) =>
          held.push(() => resolve({ ok: true, engine: 'Slow', translations: segments.map(shout) })),
        ),
    );
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    while (held.length < 2) await vi.advanceTimersByTimeAsync(5);
    await vi.advanceTimersByTimeAsync(10_000);
    // No fallback set: the notice offers only to keep waiting.
    expect(controller.getState().slow).toEqual({ engine: 'Automatic', fallback: null });
    controller.command('keep-waiting');
    expect(controller.getState().slow).toBeNull();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(controller.getState()).toMatchObject({ status: 'translating', slow: null });
    while (controller.getState().status === 'translating') {
      for (const answer of held.splice(0)) answer();
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(controller.getState().status).toBe('done');
  });

  it('falls back to plain text for a block whose reply keeps breaking the markup', async () => {
    const { doc, url } = loadElPais();
    const requests = fakeBackground((segments) => ({
      ok: true,
      engine: 'Fake',
      translations: segments.map(() => 'LOST <i data-m="99">x</i>'),
    }));
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);
    const shown = Array.from(doc.querySelectorAll('.foreign-desk-translation'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((el) => el.children.length === 0 && el.textContent === 'LOST x')).toBe(true);
    // The page asks nothing again: retrying is the background's work.
    expect(requests.flat()).toHaveLength(controller.getState().progress.total);
  });

  it('sends each block once when the engine drops its links: the background falls back to text', async () => {
    const { doc, url } = loadElPais();
    const dropper = fakeEngine('Dropper', (r) =>
      r.segments.map((s) => shout(s).replace(/<[^>]+>/g, '')),
    );
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const requests: string[][] = [];
    fakeBrowser.runtime.onMessage.addListener((async (message: Message<'translate'>) => {
      if (message.type !== 'translate') return null;
      requests.push(message.segments);
      const { translations } = await pipeline.translate([dropper.engine], message);
      return { ok: true, engine: 'Dropper', translations };
    }) as never);
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);

    const state = controller.getState();
    expect(state.status).toBe('done');
    expect(requests.flat()).toHaveLength(state.progress.total);
    const linked = Array.from(doc.querySelectorAll('.foreign-desk-translation')).filter((t) =>
      t.parentElement!.querySelector(':scope > a[href]'),
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const translation of linked) {
      expect(translation.querySelector('a')).toBeNull();
      expect(translation.textContent).toBe(translation.textContent!.toUpperCase());
      expect(translation.textContent!.length).toBeGreaterThan(0);
    }
    // The engine was asked once more for each of them, as plain text.
    const plainAsks = dropper.calls.filter((c) => c.length === 1 && !c[0]!.includes('<'));
    expect(plainAsks.length).toBeGreaterThanOrEqual(linked.length);
  });

  it('in ask mode waits for the reader, then translates and restores on their word', async () => {
    const { doc, url } = loadElPais();
    const before = doc.documentElement.outerHTML;
    const requests = fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply({ ...DEFAULT_SETTINGS, sites: {} });
    expect(requests).toHaveLength(0);
    expect(controller.getState().status).toBe('off');
    await controller.setActive(true);
    await settled(controller);
    expect(controller.getState().status).toBe('done');
    // A settings change elsewhere does not undo what the reader chose on this page.
    await controller.apply({ ...DEFAULT_SETTINGS, targetLang: 'en', sites: {} });
    expect(doc.querySelectorAll('.foreign-desk-translation').length).toBeGreaterThan(0);
    await controller.setActive(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('translates on any site in ask mode when the reader always translates the language', async () => {
    const { doc, url } = loadElPais();
    fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply({ ...DEFAULT_SETTINGS, alwaysTranslateFrom: ['es'] });
    await settled(controller);
    expect(controller.getState().status).toBe('done');
  });

  it('switches to replace mode and back without translating again, and restores exactly', async () => {
    const { doc, url } = loadElPais();
    const before = doc.documentElement.outerHTML;
    const requests = fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);
    const sent = requests.length;
    const shown = doc.querySelectorAll('.foreign-desk-translation').length;

    await controller.apply({ ...ON, displayMode: 'replace' });
    expect(requests.length).toBe(sent);
    const replaced = Array.from(doc.querySelectorAll<HTMLElement>('.foreign-desk-translation'));
    expect(replaced.length).toBe(shown);
    for (const t of replaced) {
      const original = t.previousElementSibling as HTMLElement;
      expect(original.localName).toBe(t.localName);
      expect(original.hasAttribute('data-foreign-desk-hidden')).toBe(true);
      expect(t.getAttribute('title')).toBe(original.textContent?.replace(/\s+/g, ' ').trim());
    }
    // Focus shows the original again; leaving hides it.
    replaced[1]!.dispatchEvent(new Event('focus'));
    expect(replaced[1]!.previousElementSibling!.hasAttribute('data-foreign-desk-hidden')).toBe(
      false,
    );
    replaced[1]!.dispatchEvent(new Event('blur'));
    expect(replaced[1]!.previousElementSibling!.hasAttribute('data-foreign-desk-hidden')).toBe(
      true,
    );

    await controller.apply({ ...ON, displayMode: 'bilingual' });
    expect(requests.length).toBe(sent);
    expect(doc.querySelectorAll('.foreign-desk-translation').length).toBe(shown);
    await controller.apply({ ...ON, displayMode: 'replace' });
    await controller.setActive(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('translates a paragraph added after load once, and only once', async () => {
    const { doc, controller, requests } = await translatedElPais();
    const last = controller.getState().progress.total;
    const paragraphs = doc.querySelectorAll('.foreign-desk-translation');
    const lastBlock = paragraphs[paragraphs.length - 1]!.parentElement!;
    const added = doc.createElement('p');
    added.textContent =
      'Última hora: el Consejo Europeo ha aprobado esta noche una declaración conjunta sobre la migración.';
    lastBlock.after(added);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await settled(controller);
    expect(added.querySelectorAll('.foreign-desk-translation')).toHaveLength(1);
    expect(added.querySelector('.foreign-desk-translation')!.textContent).toContain('ÚLTIMA HORA');
    expect(controller.getState().progress.total).toBe(last + 1);
    const sentTexts = requests.flat().filter((s) => s.includes('Última hora'));
    expect(sentTexts).toHaveLength(1);
  });

  it('counts only the blocks still on the page once the page replaces part of its article', async () => {
    const { doc, controller } = await translatedElPais();
    const before = controller.getState().progress.total;
    const translated = Array.from(doc.querySelectorAll('.foreign-desk-translation'));
    // The page swaps its last two paragraphs for one new one, as an updated story does.
    const [last, secondLast] = [
      translated.at(-1)!.parentElement!,
      translated.at(-2)!.parentElement!,
    ];
    const update = doc.createElement('p');
    update.textContent =
      'Actualización: el Consejo Europeo ha aprobado esta noche una declaración conjunta sobre la migración.';
    last.replaceWith(update);
    secondLast.remove();
    await vi.waitFor(
      () => expect(update.querySelectorAll('.foreign-desk-translation')).toHaveLength(1),
      { timeout: 5_000 },
    );
    await settled(controller);
    const { progress, status } = controller.getState();
    expect(progress).toEqual({ done: before - 1, waiting: 0, total: before - 1 });
    expect(status).toBe('done');
  });

  it('sends late blocks as the reader nears them once the article has grown past what goes at once', async () => {
    const { doc, url } = loadElPais();
    layoutWhere(doc, () => false);
    const requests = fakeBackground(undefined, { maxSegments: 10, maxChars: 100_000 });
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);
    const sent = requests.flat().length;
    expect(sent).toBe(controller.getState().progress.total);
    // A live blog: 30 more paragraphs, past the 40 blocks that go at once to this engine.
    let at = detectArticle(doc, { url }).blocks.at(-1)!.element;
    for (let i = 1; i <= 30; i++) {
      const update = doc.createElement('p');
      update.textContent = `Actualización ${i}: el Consejo Europeo sigue reunido esta noche para debatir la propuesta de la Comisión sobre migración.`;
      at.after(update);
      at = update;
    }
    await vi.waitFor(() => expect(controller.getState().progress.total).toBeGreaterThan(40), {
      timeout: 5_000,
    });
    const { progress, status } = controller.getState();
    expect(status).toBe('translating');
    expect(progress.waiting).toBe(progress.total - sent);
    expect(requests.flat()).toHaveLength(sent);
  });

  it('translates a page whose template declares the reader’s language', async () => {
    // Sites keep their template's lang="en"; the text is Spanish, so it is translated from
    // Spanish instead of being taken as already in English.
    const { doc, url } = loadElPais();
    doc.documentElement.setAttribute('lang', 'en');
    const sources: string[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: Message<'translate'>) => {
      if (message.type === 'translate') sources.push(message.source);
    }) as never);
    fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply({ ...ON, targetLang: 'en' });
    await settled(controller);
    expect(controller.getState().status).toBe('done');
    expect(new Set(sources)).toEqual(new Set(['es']));
    expect(controller.getState().article?.lang).toBe('es');
  });

  it('translates a page in the reader’s language when they say "translate anyway"', async () => {
    const { doc, url } = loadElPais();
    const requests = fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply({ ...ON, targetLang: 'es' });
    expect(controller.getState().status).toBe('same-language');
    expect(requests).toHaveLength(0);
    controller.command('translate-anyway');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled(controller);
    expect(controller.getState().status).toBe('done');
    expect(requests.length).toBeGreaterThan(0);
  });

  it('says an article is already in the reader’s language when the site asks first', async () => {
    const { doc, url } = loadElPais();
    const requests = fakeBackground();
    const controller = new PageController(doc, url);
    const ask: Settings = { ...DEFAULT_SETTINGS, sites: { elpais: 'ask' } };
    await controller.apply({ ...ask, targetLang: 'es' });
    expect(controller.getState()).toMatchObject({ status: 'same-language', target: 'es' });
    // Another target language: the offer to translate is back.
    await controller.apply({ ...ask, targetLang: 'en' });
    expect(controller.getState()).toMatchObject({ status: 'off', target: 'en' });
    expect(requests).toHaveLength(0);
  });

  it('reads the page once on a site set to always, and not at all on one set to never', async () => {
    const { controller } = await translatedElPais();
    expect((await controller.stateWithArticle()).article?.title).toContain('Bruselas');
    expect(detections()).toBe(1);

    const other = loadElPais();
    const never = new PageController(other.doc, other.url);
    await never.apply({ ...ON, sites: { elpais: 'never' } });
    expect(never.getState()).toMatchObject({ siteMode: 'never', status: 'off', article: null });
    expect(detections()).toBe(1);
    // The popup asking for the article is what makes it read the page.
    expect((await never.stateWithArticle()).article?.title).toContain('Bruselas');
    expect(detections()).toBe(2);
  });

  it('does not read the page again when its own control is added after translation began', async () => {
    const { doc, controller } = await translatedElPais();
    const control = doc.createElement('foreign-desk-control');
    controller.adopt(control);
    doc.body.append(control);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(detections()).toBe(1);
  });

  it('reads the page once when the popup asks while load-time detection is still under way', async () => {
    const { doc, url } = loadElPais();
    fakeBackground();
    const controller = new PageController(doc, url);
    // Detection lets the page run between its slices: the popup's question comes in between.
    const applied = controller.apply(ON);
    const asked = controller.stateWithArticle();
    expect((await asked).article?.title).toContain('Bruselas');
    await applied;
    await settled(controller);
    expect(controller.getState().status).toBe('done');
    expect(detections()).toBe(1);
  });

  it('reads the page once in ask mode, to offer translation, and not again to translate', async () => {
    const { doc, url } = loadElPais();
    fakeBackground();
    const controller = new PageController(doc, url);
    await controller.apply({ ...DEFAULT_SETTINGS, sites: {} });
    // The page control offers translation on an article in a site left on "ask".
    expect(controller.getState()).toMatchObject({
      siteMode: 'ask',
      status: 'off',
      article: { isArticle: true },
    });
    await controller.setActive(true);
    await settled(controller);
    expect(controller.getState().status).toBe('done');
    expect(detections()).toBe(1);
  });

  it('sends a short article whole at once, before the reader scrolls, in as few messages as the engine’s limits allow', async () => {
    /** Messages for El País (24 blocks) to an engine taking `limits`, with nothing near the view. */
    const messagesFor = async (limits: BatchLimits) => {
      fakeBrowser.reset();
      const { doc, url } = loadElPais();
      layoutWhere(doc, () => false);
      const requests = fakeBackground(undefined, limits);
      const controller = new PageController(doc, url);
      await controller.apply(ON);
      await settled(controller);
      const { status, progress } = controller.getState();
      expect(status).toBe('done');
      expect(progress.total).toBe(24);
      expect(requests.flat()).toHaveLength(24);
      return requests.map((r) => r.length);
    };
    // One engine request carries it all: one message.
    expect(await messagesFor({ maxSegments: 100, maxChars: 100_000 })).toEqual([24]);
    // Ten blocks a request: ⌈24 ÷ 10⌉ messages, each full but the last.
    expect(await messagesFor({ maxSegments: 10, maxChars: 100_000 })).toEqual([10, 10, 4]);
  });

  it('puts the blocks on screen first in the first message of an article sent whole', async () => {
    const { doc, url } = loadElPais();
    const requests = fakeBackground(undefined, { maxSegments: 10, maxChars: 100_000 });
    // The reader is at the article's end (the page kept its scroll position): only its last
    // paragraph is on screen.
    const last = detectArticle(doc, { url }).blocks.at(-1)!.element;
    const innerHeight = doc.defaultView!.innerHeight;
    last.getBoundingClientRect = () => ({ top: 100, bottom: 200 }) as DOMRect;
    const controller = new PageController(doc, url);
    await controller.apply(ON);
    await settled(controller);
    expect(innerHeight).toBeGreaterThan(200);
    expect(requests[0]![0]).toContain(last.textContent!.trim().slice(0, 30));
    expect(requests.flat()).toHaveLength(controller.getState().progress.total);
  });

  it('sizes every message of a long page, the first ones included, by what the engine takes', async () => {
    // A long article (56 blocks) and an engine taking 5 blocks a request: beyond what goes at once.
    const LES_ECHOS = 'fundus/fr-LesEchos_2024_07_18';
    const { doc, url } = loadDocument({ key: LES_ECHOS, dir: join(CORPUS, LES_ECHOS) });
    const requests = fakeBackground(undefined, { maxSegments: 5, maxChars: 100_000 });
    const controller = new PageController(doc, url!);
    const site = siteKey(new URL(url!).hostname);
    await controller.apply({ ...DEFAULT_SETTINGS, sites: { [site]: 'always' } });
    await settled(controller);
    expect(controller.getState().status).toBe('done');
    const sizes = requests.map((r) => r.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(controller.getState().progress.total);
    expect(sizes.length).toBeGreaterThan(4);
    for (const size of sizes.slice(0, -1)) expect(size).toBe(5);
  });

  it('counts the blocks left for the reader to scroll to, and gives the popup the translation in reading order', async () => {
    const { doc, url } = loadElPais();
    // An engine taking 5 blocks a request: the article (24 blocks) is too long to go at once.
    fakeBackground(undefined, { maxSegments: 5, maxChars: 100_000 });
    // A layout where only the first three blocks are near the viewport, the rest far below.
    layoutWhere(doc, (index) => index < 3);
    const controller = new PageController(doc, url);
    const views: object[] = [];
    controller.subscribe((state) => views.push(state));
    await controller.apply(ON);
    await vi.waitFor(() => expect(controller.getState().progress.done).toBe(3));

    const { progress, translation, article } = controller.getState();
    expect(progress.waiting).toBe(progress.total - 3);
    expect(controller.getState().status).toBe('translating');
    expect(translation.title).toBe(article!.title.toUpperCase());
    expect(translation.blocks).toHaveLength(2);
    // The control and the badge follow progress; the translated text is the popup's alone.
    expect(views.length).toBeGreaterThan(0);
    for (const state of views) expect(state).not.toHaveProperty('translation');

    controller.command('translate-all');
    await settled(controller);
    const all = controller.getState();
    expect(all.progress).toMatchObject({ done: all.progress.total, waiting: 0 });
    expect(all.translation.blocks).toHaveLength(all.progress.total - 1);
  });

  it('puts its detection on the page timeline, once', async () => {
    performance.clearMeasures('foreign-desk:detect');
    await translatedElPais();
    const measures = performance.getEntriesByName('foreign-desk:detect');
    expect(measures).toHaveLength(1);
    expect(measures[0]!.duration).toBeGreaterThan(0);
  });

  it('leaves the page a turn between slices of a long article', async () => {
    const { doc, url } = loadElPais();
    fakeBackground();
    // A clock that moves 5 ms per reading: every second block ends a slice.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
    const controller = new PageController(doc, url);
    const states: string[] = [];
    // A task of the page's, queued when translation starts: it runs before the blocks are all read.
    let pageTask: Promise<void> | undefined;
    controller.subscribe(({ status }) => {
      if (status !== 'translating' || pageTask) return;
      pageTask = new Promise<void>((resolve) =>
        setTimeout(() => {
          const { status, progress } = controller.getState();
          states.push(`${status} ${progress.total}`);
          resolve();
        }, 0),
      );
    });
    await controller.apply(ON);
    await pageTask;
    await settled(controller);
    expect(states).toEqual(['translating 0']);
    expect(controller.getState().status).toBe('done');
  });
});
