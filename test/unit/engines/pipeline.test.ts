// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexedDbCache } from '@/utils/engines/cache';
import type { RetryPolicy } from '@/utils/engines/limiter';
import { TranslationPipeline } from '@/utils/engines/pipeline';
import { EngineError } from '@/utils/engines/types';
import { fakeEngine, MapCache } from './fakes';
import { shout } from './loopback';

const NO_JITTER: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  random: () => 1,
};

const request = (segments: string[], signal?: AbortSignal) => ({
  segments,
  source: 'es',
  target: 'en',
  signal,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('translation pipeline', () => {
  it('answers a revisited article from the cache without asking the language detector of each paragraph', async () => {
    const { engine, calls } = fakeEngine('E');
    const detectLanguage = vi.fn(async () => 'es');
    const pipeline = new TranslationPipeline({ cache: new MapCache(), detectLanguage });
    const article = [
      'Este párrafo está escrito en español por el periódico de la mañana.',
      'Y este otro párrafo también, con bastante texto para detectar su lengua.',
    ];
    await pipeline.translate([engine], request(article));
    detectLanguage.mockClear();
    const again = await pipeline.translate([engine], request(article));
    expect(again.stats).toMatchObject({ requests: 0, cacheHits: 2 });
    expect(calls).toHaveLength(1);
    // Once, for the article's language: none for its paragraphs, which the cache answered.
    expect(detectLanguage).toHaveBeenCalledTimes(1);
  });

  it('sends a page’s requests to the engine in the order they came, however long each takes to check', async () => {
    const { engine, calls } = fakeEngine('E');
    let releaseFirst = () => {};
    const firstChecked = new Promise<void>((resolve) => (releaseFirst = resolve));
    // The first request (what is on screen, many paragraphs) takes longer to check.
    const detectLanguage = vi.fn(async (text: string) => {
      if (text.startsWith('Lo que')) await firstChecked;
      return 'es';
    });
    const pipeline = new TranslationPipeline({ cache: new MapCache(), detectLanguage });
    const onScreen = 'Lo que el lector tiene delante, escrito en español por el periódico.';
    const caption = 'Una foto del puerto al amanecer, con los barcos de pesca y las gaviotas.';
    const first = pipeline.translate([engine], request([onScreen]));
    const second = pipeline.translate([engine], request([caption]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(calls).toEqual([[onScreen], [caption]]);
  });

  it('checks the language of the paragraphs the cache lacks while the article’s is checked, once each', async () => {
    const { engine, calls } = fakeEngine('E');
    let releaseSample = () => {};
    const sampleChecked = new Promise<void>((resolve) => (releaseSample = resolve));
    const asked: string[] = [];
    const article = [
      'Este párrafo está escrito en español por el periódico de la mañana.',
      'This paragraph quotes an English speaker at length, word for word.',
    ];
    const detectLanguage = vi.fn(async (text: string) => {
      asked.push(text);
      // The sample: both paragraphs.
      if (text.includes('Este') && text.includes('This')) await sampleChecked;
      return text.startsWith('This') ? 'en' : 'es';
    });
    const pipeline = new TranslationPipeline({ cache: new MapCache(), detectLanguage });
    const result = pipeline.translate([engine], request(article));
    await vi.waitFor(() => expect(asked).toEqual(expect.arrayContaining(article)));
    releaseSample();
    expect((await result).translations).toEqual([article[0]!.toUpperCase(), article[1]]);
    expect(calls).toEqual([[article[0]]]);
    expect(detectLanguage).toHaveBeenCalledTimes(3);
  });

  it('packs batches within the engine’s segment and character limits, in order', async () => {
    const { engine, calls } = fakeEngine('E', undefined, { maxSegments: 2, maxChars: 10 });
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const segments = ['aaaa', 'bbbb', 'cccc', 'dddddddddddd', 'e'];
    const result = await pipeline.translate([engine], request(segments));
    expect(result.translations).toEqual(['AAAA', 'BBBB', 'CCCC', 'DDDDDDDDDDDD', 'E']);
    expect(calls).toEqual([['aaaa', 'bbbb'], ['cccc'], ['dddddddddddd'], ['e']]);
    expect(result.stats.requests).toBe(4);
  });

  it('sends identical segments once and gives every copy its translation', async () => {
    const { engine, calls } = fakeEngine('E');
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const result = await pipeline.translate([engine], request(['Lea más', 'hola', 'Lea más']));
    expect(result.translations).toEqual(['LEA MÁS', 'HOLA', 'LEA MÁS']);
    expect(calls).toEqual([['Lea más', 'hola']]);
    expect(result.stats.duplicates).toBe(1);
  });

  it('answers a revisited article from the IndexedDB cache without any engine request', async () => {
    const { engine, calls } = fakeEngine('E');
    const pipeline = new TranslationPipeline({ cache: new IndexedDbCache() });
    const article = ['uno <a data-m="0">dos</a>', 'tres'];
    await pipeline.translate([engine], request(article));
    const again = await new TranslationPipeline({ cache: new IndexedDbCache() }).translate(
      [engine],
      request(article),
    );
    expect(again.translations).toEqual(['UNO <a data-m="0">DOS</a>', 'TRES']);
    expect(again.stats).toMatchObject({ requests: 0, cacheHits: 2 });
    expect(calls).toHaveLength(1);
  });

  it('waits what Retry-After says before trying again', async () => {
    vi.useFakeTimers();
    const { engine, calls, called } = fakeEngine('E', (r, call) => {
      if (call === 1) throw new EngineError('rate-limited', 'busy', { retryAfterMs: 5_000 });
      return r.segments.map((s) => s.toUpperCase());
    });
    const pipeline = new TranslationPipeline({ cache: new MapCache(), retry: NO_JITTER });
    const pending = pipeline.translate([engine], request(['hola']));
    await called(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ translations: ['HOLA'] });
    expect(calls).toHaveLength(2);
  });

  it('backs off exponentially on 5xx, then gives up and reports the failure', async () => {
    vi.useFakeTimers();
    const { engine, calls, called } = fakeEngine('E', () => {
      throw new EngineError('http', 'E failed (HTTP 503).', { transient: true });
    });
    const pipeline = new TranslationPipeline({ cache: new MapCache(), retry: NO_JITTER });
    const pending = pipeline.translate([engine], request(['hola'])).catch((e: unknown) => e);
    await called(1);
    // Delays of 1 s, 2 s and 4 s (random() = 1: the full backoff).
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls).toHaveLength(4);
    expect(await pending).toMatchObject({ code: 'http', message: 'E failed (HTTP 503).' });
  });

  it('spreads retries with jitter between half and all of the backoff', async () => {
    vi.useFakeTimers();
    const { engine, calls, called } = fakeEngine('E', (r, call) => {
      if (call === 1) throw new EngineError('network', 'offline');
      return r.segments;
    });
    const pipeline = new TranslationPipeline({
      cache: new MapCache(),
      retry: { ...NO_JITTER, random: () => 0 },
    });
    const pending = pipeline.translate([engine], request(['x']));
    await called(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(calls).toHaveLength(2);
  });

  it('falls back to the second engine when the first is out of quota', async () => {
    const first = fakeEngine('DeepL', () => {
      throw new EngineError('quota', 'DeepL says the account’s quota is used up.');
    });
    const second = fakeEngine('Google Translate');
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const result = await pipeline.translate([first.engine, second.engine], request(['hola']));
    expect(result.translations).toEqual(['HOLA']);
    expect(result.engines).toEqual(['Google Translate']);
    expect(first.calls).toHaveLength(1); // quota is not retried
  });

  it('falls back at once when Retry-After is longer than worth waiting', async () => {
    const first = fakeEngine('A', () => {
      throw new EngineError('rate-limited', 'A busy', { retryAfterMs: 3_600_000 });
    });
    const second = fakeEngine('B');
    const pipeline = new TranslationPipeline({ cache: new MapCache(), retry: NO_JITTER });
    const result = await pipeline.translate([first.engine, second.engine], request(['x']));
    expect(result.engines).toEqual(['B']);
    expect(first.calls).toHaveLength(1);
  });

  it('keeps what the first engine translated and sends only the rest to the fallback', async () => {
    const first = fakeEngine(
      'A',
      (r) => {
        if (r.segments.includes('dos')) throw new EngineError('quota', 'A: quota');
        return r.segments.map((s) => `A:${s}`);
      },
      { maxSegments: 1 },
    );
    const second = fakeEngine('B', (r) => r.segments.map((s) => `B:${s}`));
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const result = await pipeline.translate([first.engine, second.engine], request(['uno', 'dos']));
    expect(result.translations).toEqual(['A:uno', 'B:dos']);
    expect(second.calls).toEqual([['dos']]);
    expect(result.engines).toEqual(['A', 'B']);
  });

  it('says what happened to every engine when all fail', async () => {
    const first = fakeEngine('A', () => {
      throw new EngineError('auth', 'A refused the key.');
    });
    const second = fakeEngine('B', () => {
      throw new EngineError('quota', 'B quota used up.');
    });
    const error = await new TranslationPipeline({ cache: new MapCache() })
      .translate([first.engine, second.engine], request(['x']))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'auth',
      message: 'A refused the key. Fallback: B quota used up.',
    });
  });

  it('hands a batch to the fallback when the engine has not answered within 10 s', async () => {
    vi.useFakeTimers();
    const hanging = fakeEngine(
      'E',
      (r) =>
        new Promise<never>((_resolve, reject) => {
          r.signal?.addEventListener('abort', () => reject(new EngineError('cancelled', 'gone')));
        }),
    );
    const fallback = fakeEngine('F');
    const pipeline = new TranslationPipeline({ cache: new MapCache(), retry: NO_JITTER });
    const pending = pipeline.translate([hanging.engine, fallback.engine], request(['uno']));
    await hanging.called(1);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(fallback.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await pending).translations).toEqual(['UNO']);

    // Found hanging, the engine is passed over for the next article while a fallback follows.
    const next = await pipeline.translate([hanging.engine, fallback.engine], request(['dos']));
    expect(next.translations).toEqual(['DOS']);
    expect(hanging.calls).toHaveLength(1);
  });

  it('passes over an engine that refused, while a fallback follows, and asks it again alone', async () => {
    vi.useFakeTimers();
    let refusing = true;
    const { engine, calls, called } = fakeEngine('E', (r) => {
      if (refusing) throw new EngineError('network', 'refused');
      return r.segments.map(shout);
    });
    const fallback = fakeEngine('F');
    const pipeline = new TranslationPipeline({ cache: new MapCache(), retry: NO_JITTER });
    const first = pipeline.translate([engine, fallback.engine], request(['uno']));
    for (let tries = 1; tries < NO_JITTER.attempts; tries++) {
      await called(tries);
      await vi.advanceTimersByTimeAsync(NO_JITTER.maxDelayMs);
    }
    expect((await first).engines).toEqual(['F']);
    expect(calls).toHaveLength(NO_JITTER.attempts);

    await pipeline.translate([engine, fallback.engine], request(['dos']));
    expect(calls).toHaveLength(NO_JITTER.attempts);
    // With no engine after it, it is asked (Retry must reach an engine that healed).
    refusing = false;
    const alone = await pipeline.translate([engine], request(['tres']));
    expect(alone.translations).toEqual(['TRES']);
  });

  it('stops when the tab navigates: a cancelled request sends nothing more', async () => {
    vi.useFakeTimers();
    const { engine, calls, called } = fakeEngine('E', () => {
      throw new EngineError('rate-limited', 'busy', { retryAfterMs: 10_000 });
    });
    const fallback = fakeEngine('F');
    const controller = new AbortController();
    const pipeline = new TranslationPipeline({ cache: new MapCache(), retry: NO_JITTER });
    const pending = pipeline
      .translate([engine, fallback.engine], request(['x'], controller.signal))
      .catch((e: unknown) => e);
    await called(1);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'cancelled' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(fallback.calls).toHaveLength(0);
  });

  it('retries alone a reply that lost a marker, and never caches a broken one', async () => {
    // Drops the link from a batch; sent alone, the segment comes back right.
    const { engine, calls } = fakeEngine('E', (r) =>
      r.segments.map((s) => shout(r.segments.length > 1 ? s.replace(/<[^>]+>/g, '') : s)),
    );
    const cache = new MapCache();
    const pipeline = new TranslationPipeline({ cache });
    const segments = ['uno', 'dos <a data-m="0">tres</a>'];
    const result = await pipeline.translate([engine], request(segments));
    expect(result.translations).toEqual(['UNO', 'DOS <a data-m="0">TRES</a>']);
    expect(calls).toEqual([segments, ['dos <a data-m="0">tres</a>']]);
    expect(cache.entries.size).toBe(2);

    // Broken every time: shown (the page falls back to text), not kept.
    const broken = fakeEngine('B', (r) => r.segments.map((s) => s.replace(/<[^>]+>/g, '')));
    const brokenCache = new MapCache();
    const out = await new TranslationPipeline({ cache: brokenCache }).translate(
      [broken.engine],
      request(['a <b data-m="0">b</b>']),
    );
    expect(out.translations).toEqual(['a b']);
    expect(brokenCache.entries.size).toBe(0);
  });

  it('falls back to plain text, in the pipeline, for a segment whose markers keep breaking', async () => {
    // An engine that drops every inline tag: the batch, then the segment alone, lose the link.
    const { engine, calls } = fakeEngine('E', (r) =>
      r.segments.map((s) => s.replace(/<[^>]+>/g, '').toUpperCase()),
    );
    const cache = new MapCache();
    const segments = ['uno', 'dos <a data-m="0">tres</a> &amp; <b data-m="1">más</b>'];
    const result = await new TranslationPipeline({ cache }).translate([engine], request(segments));
    // The text is translated, without markers: the page shows it as text, with no request of its own.
    expect(result.translations).toEqual(['UNO', 'DOS TRES &amp; MÁS']);
    expect(calls).toEqual([segments, [segments[1]], ['dos tres &amp; más']]);
    // Only the intact reply is kept: a later visit may get the link back.
    expect(cache.entries.size).toBe(1);
  });

  it('takes empty translations for a broken reply: asked again, then an error, never cached', async () => {
    const { engine, calls } = fakeEngine('E', (r) => r.segments.map(() => ''));
    const cache = new MapCache();
    const segments = ['uno', 'dos <a data-m="0">tres</a>'];
    const failed = await new TranslationPipeline({ cache })
      .translate([engine], request(segments))
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'bad-reply' });
    expect(calls).toEqual([segments, ['uno'], ['uno']]);
    expect(cache.entries.size).toBe(0);

    // With a fallback, the fallback translates the article.
    const fallback = fakeEngine('F');
    const result = await new TranslationPipeline({ cache }).translate(
      [engine, fallback.engine],
      request(segments),
    );
    expect(result.translations).toEqual(['UNO', 'DOS <a data-m="0">TRES</a>']);
    expect([...cache.entries.values()].sort()).toEqual(['DOS <a data-m="0">TRES</a>', 'UNO']);
  });

  it('keeps the text of a plain-text reply that carries markup of its own', async () => {
    const { engine } = fakeEngine('E', (r) =>
      r.segments.map((s) => `<a data-m="0">x</a><img src=x onerror=alert(1)> ${shout(s)}`),
    );
    const result = await new TranslationPipeline({ cache: new MapCache() }).translate(
      [engine],
      request(['uno <b data-m="0">dos</b>']),
    );
    // Escaped: what is left of foreign markup is shown as text, never parsed.
    expect(result.translations).toEqual(['x &lt;img src=x onerror=alert(1)&gt; UNO DOS']);
  });

  it('shows a reply that echoes its source but does not keep it', async () => {
    const { engine } = fakeEngine('E', (r) => r.segments);
    const cache = new MapCache();
    const result = await new TranslationPipeline({ cache }).translate(
      [engine],
      request(['uno <a data-m="0">dos</a>']),
    );
    expect(result.translations).toEqual(['uno <a data-m="0">dos</a>']);
    expect(cache.entries.size).toBe(0);
  });

  it('sends the first batch without waiting for the engine’s pair check', async () => {
    let answerPairCheck = () => {};
    const pairChecked = new Promise<void>((resolve) => (answerPairCheck = resolve));
    const { engine, calls, called } = fakeEngine('E');
    engine.supports = async () => {
      await pairChecked;
      return true;
    };
    const pending = new TranslationPipeline({ cache: new MapCache() }).translate(
      [engine],
      request(['hola']),
    );
    await called(1);
    expect(calls).toEqual([['hola']]);
    answerPairCheck();
    expect((await pending).translations).toEqual(['HOLA']);
  });

  it('drops what an engine sent for a pair it then says it lacks, and falls back', async () => {
    let answerPairCheck = () => {};
    const pairChecked = new Promise<void>((resolve) => (answerPairCheck = resolve));
    const first = fakeEngine('A');
    first.engine.supports = async () => {
      await pairChecked;
      throw new EngineError('unsupported-pair', 'A has no Spanish → English pair.');
    };
    const second = fakeEngine('B', (r) => r.segments.map((s) => `B:${s}`));
    const cache = new MapCache();
    const pending = new TranslationPipeline({ cache }).translate(
      [first.engine, second.engine],
      request(['hola']),
    );
    await first.called(1);
    answerPairCheck();
    const result = await pending;
    expect(result.translations).toEqual(['B:hola']);
    expect(result.engines).toEqual(['B']);
    // Only B's translation is kept.
    expect([...cache.entries.values()]).toEqual(['B:hola']);
  });

  it('does not send blocks already in the target language', async () => {
    const { engine, calls } = fakeEngine('E');
    const english = 'This paragraph was written in English by the newspaper itself.';
    const pipeline = new TranslationPipeline({
      cache: new MapCache(),
      detectLanguage: async (text) => (text === english ? 'en' : 'es'),
    });
    const result = await pipeline.translate(
      [engine],
      request([english, 'Este párrafo está escrito en español por el periódico.']),
    );
    expect(result.translations[0]).toBe(english);
    expect(calls).toEqual([['Este párrafo está escrito en español por el periódico.']]);
    expect(result.stats.alreadyInTarget).toBe(1);
  });

  it('rejects a reply with the wrong number of translations', async () => {
    const { engine } = fakeEngine('E', () => ['only one']);
    await expect(
      new TranslationPipeline({ cache: new MapCache() }).translate([engine], request(['a', 'b'])),
    ).rejects.toMatchObject({
      code: 'bad-reply',
      message: 'E sent 1 translations for 2 paragraphs.',
    });
  });
});

describe('source language check', () => {
  it('translates from the detected language when the page’s lang attribute is wrong', async () => {
    const { engine, calls } = fakeEngine('E', (r) => r.segments.map((s) => `${r.source}:${s}`));
    const catalan = 'El Govern ha aprovat avui el pressupost per a l’any vinent.';
    const pipeline = new TranslationPipeline({
      cache: new MapCache(),
      detectLanguage: async () => 'ca',
    });
    const result = await pipeline.translate([engine], request([catalan]));
    expect(result.source).toBe('ca');
    expect(result.translations).toEqual([`ca:${catalan}`]);
    expect(calls).toHaveLength(1);
  });

  it('keeps the page’s language when detection is unsure or agrees', async () => {
    const { engine } = fakeEngine('E');
    const text = 'El Gobierno aprobó hoy el presupuesto para el año que viene.';
    for (const detected of [undefined, 'es']) {
      const pipeline = new TranslationPipeline({
        cache: new MapCache(),
        detectLanguage: async () => detected,
      });
      expect((await pipeline.translate([engine], request([text]))).source).toBe('es');
    }
  });
});
