/**
 * Pathological pages, served on loopback under news sites' hostnames and translated by a loopback
 * LibreTranslate-shaped engine: 10,000 paragraphs, nesting 3,000 deep, one paragraph of 100,000
 * characters, right-to-left and mixed-direction text, Japanese without spaces, two languages on
 * one page, a page already in English, iframes, a strict Content-Security-Policy, and documents
 * that are not HTML. On each nothing crashes, the control tells the truth (never left on
 * "Translating…"), and the page's own timers keep running while the extension works.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from './fixtures/article.ts';
import { shout } from './harness/fault-engine.ts';
import { browserNames } from './harness/index.ts';
import { corpusPagesDir } from './harness/paths.ts';
import { NewsPage } from './pages/news-page.ts';
import { PageRemote } from './pages/page-remote.ts';
import { PopupPage } from './pages/popup-page.ts';
import { patchSettings } from './pages/settings-store.ts';
import { useBrowser } from './suite.ts';

const corpusHtml = (id: string) =>
  gunzipSync(readFileSync(join(corpusPagesDir, id, 'page.html.gz'))).toString('utf8');
const ARABIC_PAGE = 'fundus/lb-LBCGroup_2026_01_08';
const JAPANESE_PAGE = 'fundus/jp-MainichiShimbun_2025_01_14';
const ENGLISH_PAGE = 'fundus/uk-BBC_2024_08_01';
const JAPANESE_PATH = '/articles/20250114/k00/00m/030/335000c';

/** The page's own clock: a timer and an animation frame counter, shown on the page. */
const TICKER = `<p id="ticks">0 0</p><script nonce="fd">
let timers = 0, frames = 0;
const show = () => { document.getElementById('ticks').textContent = timers + ' ' + frames; };
setInterval(() => { timers++; show(); }, 50);
const frame = () => { frames++; show(); requestAnimationFrame(frame); };
requestAnimationFrame(frame);
</script>`;
/** Long enough for a background tab's throttled timer to tick at least once. */
const BACKGROUND_TICK_WAIT_MS = 15_000;
const withTicker = (html: string) => html.replace('</body>', `${TICKER}</body>`);

const GERMAN = [
  'Die Bundesregierung hat am Dienstag ein Investitionsprogramm für den Nahverkehr beschlossen.',
  'Nach Angaben des Ministeriums beginnen die Arbeiten im Frühjahr und dauern mindestens vier Jahre.',
  'Die Gewerkschaften fordern, vor Beginn der Bauarbeiten mehr Personal einzustellen.',
];

/** One paragraph of `chars` characters, numbered sentences: their order shows in the translation. */
function longParagraph(chars: number): string {
  const sentences: string[] = [];
  let length = 0;
  for (let i = 1; length < chars; i++) {
    const sentence = `La frase número ${i} del informe anual sigue en su sitio.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}

/**
 * Wraps the article's body in `depth` nested elements from the page's own script: the HTML parser
 * stops nesting at a few hundred. They are `display: contents`, no boxes: Chromium's own layout
 * crashes the tab on 3,000 nested blocks, with or without the extension (2,000 it survives).
 */
const DEEP_SCRIPT = (depth: number) => `<script nonce="fd">
const body = document.querySelector('.body');
const outer = document.createElement('div');
outer.className = 'nest';
let inner = outer;
for (let i = 1; i < ${depth}; i++) { const d = document.createElement('div'); d.className = 'nest'; inner.appendChild(d); inner = d; }
body.replaceWith(outer);
inner.appendChild(body);
</script>`;

/** A minimal PDF with one line of Spanish text. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PLAIN_TEXT =
  'El Gobierno aprobó un plan de inversiones.\nLas obras empezarán en primavera.\n';
const JSON_TEXT = JSON.stringify({ titular: 'El Gobierno aprueba un plan', cuerpo: PLAIN_TEXT });
const LONG = longParagraph(100_000);
const PAGE_SCRIPTS = "script-src 'nonce-fd'";
const STRICT_CSP =
  "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'";

interface Served {
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** Every page of the suite by host and path. */
function pages(): Map<string, Served> {
  const html = (body: string, headers?: Record<string, string>): Served => ({
    type: 'text/html; charset=utf-8',
    body,
    headers,
  });
  const arabic = corpusHtml(ARABIC_PAGE);
  const arabicParagraphs = (
    JSON.parse(readFileSync(join(corpusPagesDir, ARABIC_PAGE, 'truth.json'), 'utf8')) as {
      paragraphs: string[];
    }
  ).paragraphs.slice(0, 5);
  const mixed = articleHtml({
    token: 'M01',
    length: 1,
    paragraphs: [
      ...arabicParagraphs.map((p) => `${p} <span dir="ltr">Reuters, 2026</span> ${p.slice(0, 60)}`),
      'Párrafo en español dentro de una página en árabe: el ministerio confirmó las cifras.',
    ],
  })
    .replace('<html lang="es">', '<html lang="ar" dir="rtl">')
    .replace(/<p>Párrafo en español/, '<p dir="ltr" lang="es">Párrafo en español');
  const two = articleHtml({
    token: 'T01',
    paragraphs: Array.from({ length: 12 }, (_, i) =>
      i % 2
        ? (GERMAN[i % GERMAN.length] ?? '')
        : `Párrafo ${i + 1}: el ayuntamiento anunció hoy nuevas medidas para el tráfico en el centro.`,
    ),
  });
  const inFrame = articleHtml({ token: 'I01', length: 8 });
  const framed = articleHtml({ token: 'I02', length: 8 }).replace(
    '</div>\n</article>',
    `<iframe srcdoc="<p>Texto dentro del marco que nadie debe tocar.</p>" width="300" height="60"></iframe>
<iframe src="/marco.html" width="300" height="60"></iframe>
<p>Último párrafo después de los marcos: el ministerio publicará el calendario.</p>
</div>\n</article>`,
  );
  return new Map<string, Served>([
    ['elpais.com/diez-mil.html', html(withTicker(articleHtml({ token: 'P01', length: 10_000 })))],
    [
      'elpais.com/profundo.html',
      html(
        withTicker(articleHtml({ token: 'D01', length: 12 })).replace(
          '</body>',
          `<style>.nest{display:contents}</style>${DEEP_SCRIPT(3_000)}</body>`,
        ),
      ),
    ],
    [
      'elpais.com/largo.html',
      html(
        withTicker(
          articleHtml({
            token: 'L01',
            paragraphs: ['Un párrafo corto antes del largo.', LONG, 'Un párrafo corto después.'],
          }),
        ),
      ),
    ],
    ['aljazeera.net/arabe.html', html(withTicker(arabic))],
    ['aljazeera.net/mixto.html', html(withTicker(mixed))],
    [`mainichi.jp${JAPANESE_PATH}`, html(withTicker(corpusHtml(JAPANESE_PAGE)))],
    ['elpais.com/dos-idiomas.html', html(withTicker(two))],
    ['elpais.com/ingles.html', html(withTicker(corpusHtml(ENGLISH_PAGE)))],
    ['elpais.com/marcos.html', html(withTicker(framed))],
    ['elpais.com/marco.html', html(inFrame)],
    [
      'elpais.com/envoltorio.html',
      html(
        withTicker(
          '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Portada</title></head><body><iframe src="/marco.html" width="800" height="600"></iframe></body></html>',
        ),
      ),
    ],
    [
      'elpais.com/estricto.html',
      html(articleHtml({ token: 'C01', length: 8 }), { 'Content-Security-Policy': STRICT_CSP }),
    ],
    ['elpais.com/nota.txt', { type: 'text/plain; charset=utf-8', body: PLAIN_TEXT }],
    ['elpais.com/datos.json', { type: 'application/json', body: JSON_TEXT }],
    [
      'elpais.com/informe.pdf',
      { type: 'application/pdf', body: pdf('El Gobierno aprueba un plan') },
    ],
  ]);
}

/** What the engine was asked: the source language and the text of every segment. */
interface Asked {
  source: string;
  segments: string[];
}

/** Spanish is upper-cased, as the fault engine does; other languages are marked as translated. */
function translateSegment(segment: string, source: string): string {
  return source === 'es' ? shout(segment) : `EN: ${segment}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const LANGUAGES = ['es', 'ar', 'ja', 'de', 'en'].map((code) => ({
  code,
  name: code,
  targets: code === 'en' ? ['es'] : ['en'],
}));

let server: Server;
let port = 0;
const asked: Asked[] = [];
beforeAll(async () => {
  const served = pages();
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^www\./, '');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const cors = { 'Access-Control-Allow-Origin': '*' };
      if (host === '127.0.0.1' && path === '/languages') {
        res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
        res.end(JSON.stringify(LANGUAGES));
        return;
      }
      if (host === '127.0.0.1' && path === '/translate' && req.method === 'POST') {
        const body = JSON.parse(await readBody(req)) as { q: string[] | string; source: string };
        const segments = Array.isArray(body.q) ? body.q : [body.q];
        asked.push({ source: body.source, segments });
        res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
        res.end(
          JSON.stringify({ translatedText: segments.map((s) => translateSegment(s, body.source)) }),
        );
        return;
      }
      const page = served.get(`${host}${path}`);
      if (!page) {
        res.writeHead(404, { 'Content-Length': 0 }).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': page.type,
        'Cache-Control': 'no-store',
        // Only the suite's own scripts run: the saved pages' scripts would load ads or move on.
        ...(page.type.startsWith('text/html') ? { 'Content-Security-Policy': PAGE_SCRIPTS } : {}),
        ...page.headers,
      });
      res.end(page.body);
    })().catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const urlOf = (hostAndPath: string) => {
  const slash = hostAndPath.indexOf('/');
  return `http://${hostAndPath.slice(0, slash)}:${port}${hostAndPath.slice(slash)}`;
};
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page's own clock: timer ticks and animation frames so far. */
async function ticks(news: NewsPage): Promise<[number, number]> {
  const text = await news.page.evaluate(() => document.getElementById('ticks')?.textContent ?? '');
  const [timers = 0, frames = 0] = text.split(' ').map(Number);
  return [timers, frames];
}

/**
 * Whether the page's timer has ticked since `timers`, waiting for it a while: tabs opened side by
 * side are in the background, where browsers run timers at most once a second (Firefox even less
 * under its background budget), so a short translation can end between two ticks. A page we hung
 * would not tick at all.
 */
async function tickedSince(news: NewsPage, timers: number): Promise<boolean> {
  return news.page
    .waitFor(
      (before) => Number(document.getElementById('ticks')?.textContent?.split(' ')[0]) > before,
      { timeout: BACKGROUND_TICK_WAIT_MS, message: "the page's timer to tick" },
      timers,
    )
    .then(
      () => true,
      () => false,
    );
}

/** Translates the whole article from the popup's remote and waits until the control has ended. */
async function translateAll(remote: PageRemote, news: NewsPage, timeout = 90_000) {
  await news.page.waitFor(
    () => !!document.querySelector('foreign-desk-control')?.shadowRoot?.querySelector('.control'),
    { timeout: 30_000, message: 'the control on the page' },
  );
  await remote.translate(news.tabId);
  const view = await news.waitForControlEnd(timeout);
  const state = await remote.command(news.tabId, 'translate-all');
  return { view, state };
}

describe.each(browserNames)('%s: pathological pages', (name) => {
  const session = useBrowser(name);
  let remote: PageRemote;
  const open = (path: string) => NewsPage.open(session.browser, urlOf(path));

  beforeAll(async () => {
    await patchSettings(session.browser, {
      engine: 'libretranslate',
      fallbackEngine: 'none',
      libretranslate: { baseUrl: `http://127.0.0.1:${port}` },
      displayMode: 'bilingual',
      targetLang: 'en',
    });
    remote = await PageRemote.open(session.browser);
  });
  afterAll(async () => {
    await remote?.close();
  });

  it('10,000 paragraphs: what is on screen first, the end of the article once scrolled to, the page ticking throughout', async () => {
    const news = await open('elpais.com/diez-mil.html');
    try {
      await news.page.bringToFront();
      await news.waitForControlText('Translate this article into English?', 60_000);
      const before = await ticks(news);
      await news.clickControl('Translate');
      await news.waitForTranslations(5, 60_000);
      const state = await remote.state(news.tabId);
      expect(state.progress.total).toBeGreaterThanOrEqual(10_000);
      // The last paragraph, once the reader gets there, is translated too.
      await news.page.evaluate(() => {
        const paragraphs = document.querySelectorAll('.body > p');
        paragraphs[paragraphs.length - 1]!.scrollIntoView();
      });
      const last = await news.page.waitFor(
        () => {
          const paragraphs = document.querySelectorAll('.body > p');
          const p = paragraphs[paragraphs.length - 1]!;
          return p.querySelector('.foreign-desk-translation')?.textContent ?? null;
        },
        { timeout: 60_000, message: 'the last paragraph translated' },
      );
      expect(last).toMatch(/^PÁRRAFO 10000 DEL EXPEDIENTE P01\./);
      // The control says what is done: what the reader has seen, the rest as they read on.
      await news.waitForControlText('On screen: done', 60_000);
      const shown = (await news.translations()).length;
      const now = await remote.state(news.tabId);
      expect(now.progress.done).toBe(shown);
      expect(now.progress.total).toBe(state.progress.total);
      expect(now.progress.done + now.progress.waiting).toBe(now.progress.total);
      const after = await ticks(news);
      expect(after[0]).toBeGreaterThan(before[0]);
      expect(after[1]).toBeGreaterThan(before[1]);
    } finally {
      await news.page.close();
    }
  }, 180_000);

  it('deep nesting, a 100,000-character paragraph, right-to-left, mixed direction, Japanese, two languages and iframes: each translated whole, with the right direction', async () => {
    const paths = [
      'elpais.com/profundo.html',
      'elpais.com/largo.html',
      'aljazeera.net/arabe.html',
      'aljazeera.net/mixto.html',
      `mainichi.jp${JAPANESE_PATH}`,
      'elpais.com/dos-idiomas.html',
      'elpais.com/marcos.html',
    ] as const;
    const tabs: NewsPage[] = [];
    for (const path of paths) tabs.push(await open(path));
    const problems: Record<string, string[]> = {};
    try {
      await Promise.all(
        paths.map(async (path, i) => {
          const news = tabs[i]!;
          const found: string[] = [];
          const check = (ok: boolean, what: string) => {
            if (!ok) found.push(what);
          };
          try {
            const before = await ticks(news);
            const { view, state } = await translateAll(remote, news);
            check(view.status === 'done', `ended ${view.status}: ${view.text}`);
            check(
              state.status === 'done' && state.progress.done === state.progress.total,
              `state ${state.status}, ${state.progress.done} of ${state.progress.total}`,
            );
            const shown = await news.translations();
            check(
              shown.length === state.progress.total,
              `${shown.length} shown of ${state.progress.total}`,
            );
            check(
              shown.every((t) => t.text && t.lang === 'en'),
              `an empty translation or one not marked English`,
            );
            check(
              await tickedSince(news, before[0]),
              `the page's timer stood still (${before[0]} → ${(await ticks(news))[0]})`,
            );
            // Every translation reads left to right, inside right-to-left text too.
            const directions = await news.page.evaluate(() =>
              Array.from(document.querySelectorAll('.foreign-desk-translation')).map(
                (t) => `${t.getAttribute('dir')} ${getComputedStyle(t).direction}`,
              ),
            );
            check(
              directions.every((d) => d === 'ltr ltr'),
              `translations not left to right: ${[...new Set(directions)].join(', ')}`,
            );
            if (path === 'elpais.com/profundo.html') {
              const depth = await news.page.evaluate(() => {
                let n = 0;
                for (
                  let e: Element | null = document.querySelector('.body');
                  e;
                  e = e.parentElement
                )
                  n++;
                return n;
              });
              check(depth > 3_000, `the body is only ${depth} deep`);
              check(shown.length >= 12, `${shown.length} translations on the deep page`);
            }
            if (path === 'elpais.com/largo.html') {
              const long = shown.find((t) => t.original.length > 50_000);
              check(long !== undefined, 'no translation of the long paragraph');
              // Split for the engine, translated and joined in order: every sentence in its place.
              check(
                norm(long?.text ?? '') === norm(shout(LONG)),
                'the long paragraph came back out of order or incomplete',
              );
              const biggest = Math.max(...asked.map((a) => a.segments.join('').length));
              check(biggest <= 5_000, `a request of ${biggest} characters`);
            }
            if (path === 'aljazeera.net/arabe.html' || path === 'aljazeera.net/mixto.html') {
              check(
                shown.some((t) => /^EN: .*[\u0600-\u06ff]/.test(t.text)),
                'no Arabic text translated',
              );
            }
            if (path.startsWith('mainichi.jp')) {
              check(
                shown.filter((t) => /^EN: .*[\u3040-\u30ff\u4e00-\u9fff]/.test(t.text)).length >= 3,
                'Japanese not translated',
              );
              const pieces = asked.filter((a) => a.source === 'ja').flatMap((a) => a.segments);
              check(pieces.length > 0, 'nothing sent as Japanese');
            }
            if (path === 'elpais.com/dos-idiomas.html') {
              check(shown.length >= 12, `${shown.length} of the 12 paragraphs translated`);
            }
            if (path === 'elpais.com/marcos.html') {
              const frames = await news.page.evaluate(() =>
                Array.from(document.querySelectorAll('iframe')).map(
                  (f) =>
                    f.contentDocument?.querySelectorAll(
                      '.foreign-desk-translation, foreign-desk-control',
                    ).length ?? -1,
                ),
              );
              check(
                frames.every((n) => n <= 0),
                `the iframes were changed: ${frames.join(', ')}`,
              );
              check(
                shown.some((t) => /ÚLTIMO PÁRRAFO DESPUÉS DE LOS MARCOS/.test(t.text)),
                'the paragraph after the iframes not translated',
              );
            }
            await remote.command(news.tabId, 'original');
            await news.waitForNoTranslations();
          } catch (error) {
            found.push(String(error));
          }
          if (found.length) problems[path] = found;
        }),
      );
    } finally {
      for (const news of tabs) await news.page.close();
    }
    expect(problems).toEqual({});
  }, 240_000);

  it('a page already in English sends nothing and says so; an article only inside an iframe leaves the page as it was', async () => {
    const english = await open('elpais.com/ingles.html');
    const shell = await open('elpais.com/envoltorio.html');
    try {
      const before = asked.length;
      const popup = await PopupPage.open(session.browser, english.tabId);
      await popup.waitForMessage(/already in English/, 30_000).finally(() => popup.close());
      expect(await english.control()).toBeNull();
      expect(
        asked
          .slice(before)
          .flatMap((a) => a.segments)
          .join(' '),
      ).not.toMatch(/BBC/i);
      expect(asked.length).toBe(before);

      const shellPopup = await PopupPage.open(session.browser, shell.tabId);
      const view = await shellPopup
        .waitForMessage(/does not look like a news article/, 30_000)
        .finally(() => shellPopup.close());
      expect(view.message).not.toMatch(/Translating/);
      const framed = await shell.page.evaluate(
        () =>
          document
            .querySelector('iframe')!
            .contentDocument!.querySelectorAll('.foreign-desk-translation').length,
      );
      expect(framed).toBe(0);
      const [timers] = await ticks(shell);
      expect(timers).toBeGreaterThan(0);
    } finally {
      await english.page.close();
      await shell.page.close();
    }
  });

  it('a strict Content-Security-Policy: the control floats where it always does and the article is translated', async () => {
    const news = await open('elpais.com/estricto.html');
    try {
      const { view, state } = await translateAll(remote, news);
      expect(view.status).toBe('done');
      expect(state.progress.done).toBe(state.progress.total);
      expect((await news.translations()).length).toBe(state.progress.total);
      // Styled as on any page: fixed at the bottom right, not dropped unstyled into the page.
      const placed = await news.page.evaluate(() => {
        const control = document
          .querySelector('foreign-desk-control')!
          .shadowRoot!.querySelector<HTMLElement>('.control')!;
        const box = control.getBoundingClientRect();
        const host = document.querySelector('foreign-desk-control')!;
        return {
          position:
            getComputedStyle(host).position === 'fixed' ||
            getComputedStyle(control).position === 'fixed',
          right: window.innerWidth - box.right < 100,
          bottom: window.innerHeight - box.bottom < 100,
          visible: box.width > 0 && box.height > 0,
        };
      });
      expect(placed).toEqual({ position: true, right: true, bottom: true, visible: true });
    } finally {
      await news.page.close();
    }
  });

  it('plain text, JSON and a PDF: nothing added to the document, and the popup does not claim to translate', async () => {
    const documents = ['elpais.com/nota.txt', 'elpais.com/datos.json', 'elpais.com/informe.pdf'];
    for (const path of documents) {
      const before = asked.length;
      const news = await open(path);
      try {
        // Long enough for a content script to have run on the document.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const added = await news.page
          .evaluate(
            () =>
              document.querySelectorAll('foreign-desk-control, .foreign-desk-translation').length,
          )
          .catch(() => 0);
        expect(added, path).toBe(0);
        if (path.endsWith('.txt')) {
          expect(await news.page.evaluate(() => document.body.textContent)).toBe(PLAIN_TEXT);
        }
        const popup = await PopupPage.open(session.browser, news.tabId);
        const { message } = await popup.read();
        await popup.close();
        expect(message, path).not.toMatch(/Translating|error/i);
        expect(asked.length, path).toBe(before);
      } finally {
        await news.page.close();
      }
    }
  });
});
