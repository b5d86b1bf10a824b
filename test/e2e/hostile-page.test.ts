/**
 * A hostile page: before the content script runs it overrides DOM prototypes, then it posts
 * messages and fires events in the extension's name (with the names it learns from the content
 * script's own start-up message), clicks the control's buttons from script, fakes our class names
 * and markers, replaces the article while it is translated and floods the DOM with mutations.
 * The reader's clicks still rule: nothing is sent before they ask, only the article's text goes
 * to the engine, nothing of the settings or keys reaches the page, the control ends done and
 * Show original gives back the page as the page itself last made it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from './fixtures/article.ts';
import { browserNames, type ExtensionBrowser } from './harness/index.ts';
import { requestedText, translateRequests } from './pages/engine-requests.ts';
import { NewsPage } from './pages/news-page.ts';
import { PopupPage } from './pages/popup-page.ts';
import { patchSettings, storeKey } from './pages/settings-store.ts';
import { useBrowser, useServers } from './suite.ts';

const SETTINGS_CANARY = 'settings-canary';
const KEY_CANARY = 'KEY-CANARY-5f2c';
/** What the page tries to have translated: it must never reach the engine. */
const PAGE_CHOSEN = 'PAGE-CHOSEN';

/** The article the page puts in place of the body once the first translations show. */
const REPLACEMENT = Array.from(
  { length: 6 },
  (_, i) =>
    `Nuevo párrafo ${i + 1}: el ayuntamiento anunció hoy que la biblioteca central abrirá también los domingos.`,
);

/** What the page is in the browser's main world: it runs before anything else on the page. */
interface HostileLog {
  /** Event names of the extension the page learned from its messages. */
  learned: string[];
  /** Rounds of forged messages, events and clicks. */
  rounds: number;
  clicks: number;
  /** Where the page found a settings or key canary. */
  leaks: string[];
  /** The article as the page itself left it (replaced body, our translations taken out). */
  replacedHtml: string | null;
}

function hostileScript(replacement: string[], reversedCanaries: string[], chosen: string) {
  // Reversed in the page's source, which the page itself reads for leaks.
  const canaries = reversedCanaries.map((c) => c.split('').reverse().join(''));
  const log: HostileLog = { learned: [], rounds: 0, clicks: 0, leaks: [], replacedHtml: null };
  (window as unknown as { hostile: HostileLog }).hostile = log;
  const RealObserver = MutationObserver;
  const realAppend = Element.prototype.append;
  const realAppendChild = Node.prototype.appendChild;
  const realInsertBefore = Node.prototype.insertBefore;
  const poisoned = (node: unknown) => {
    if (node instanceof Text) node.data = `${chosen} ${node.data}`;
    return node;
  };

  // Prototypes: code of the extension that used the page's would insert the page's text.
  Element.prototype.append = function (this: Element, ...nodes: (Node | string)[]) {
    return realAppend.apply(
      this,
      nodes.map((n) => (typeof n === 'string' ? `${chosen} ${n}` : (poisoned(n) as Node))),
    );
  };
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    return realAppendChild.call(this, poisoned(node) as T) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, ref: Node | null) {
    return realInsertBefore.call(this, poisoned(node) as T, ref) as T;
  };
  // Observers that never report, and a fetch that answers for any engine.
  (window as unknown as Record<string, unknown>).MutationObserver = function () {
    return { observe() {}, disconnect() {}, takeRecords: () => [] };
  };
  (window as unknown as Record<string, unknown>).IntersectionObserver = function (
    report: (entries: unknown[]) => void,
  ) {
    return {
      observe: (target: Element) =>
        report([{ target, isIntersecting: true, boundingClientRect: { width: 1, height: 1 } }]),
      unobserve() {},
      disconnect() {},
    };
  };
  window.fetch = () => Promise.resolve(new Response(JSON.stringify({ translatedText: chosen })));

  const leakCheck = (where: string, value: unknown) => {
    let text = '';
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      text = String(value);
    }
    if (canaries.some((c) => text.includes(c))) log.leaks.push(where);
  };
  // The content script announces itself with a window message that names the extension's events.
  window.addEventListener('message', (event: MessageEvent) => {
    leakCheck('message', event.data);
    const type = (event.data as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.includes('wxt:') && !log.learned.includes(type))
      log.learned.push(type);
  });

  setInterval(() => {
    log.rounds++;
    // Messages and events in the extension's name.
    const forged = { type: 'translate', segments: [chosen], source: 'es', target: 'en' };
    window.postMessage(forged, '*');
    window.postMessage({ type: 'pageCommand', command: 'translate-all' }, '*');
    const api = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
    try {
      (api?.runtime?.sendMessage as ((m: unknown) => void) | undefined)?.(forged);
    } catch {
      // No extension API on a web page: the attempt is the point.
    }
    for (const type of log.learned) {
      // "A newer copy of the content script started": WXT stops the older one on this event.
      const detail = { contentScriptName: 'content', messageId: `page-${log.rounds}` };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
      window.dispatchEvent(
        new CustomEvent(type.replace('content-script-started', 'locationchange')),
      );
    }
    // The control's buttons, clicked from script, and what its shadow root shows.
    for (const host of Array.from(document.querySelectorAll('foreign-desk-control'))) {
      for (const button of Array.from(host.shadowRoot?.querySelectorAll('button') ?? [])) {
        log.clicks++;
        (button as HTMLElement).click();
      }
      leakCheck('control', host.shadowRoot?.innerHTML ?? '');
    }
    leakCheck('page', document.documentElement.outerHTML);
  }, 200);

  // A flood of mutations next to the article, for as long as the page is open.
  setInterval(() => {
    const aside = document.getElementById('flood');
    if (!aside) return;
    for (let i = 0; i < 100; i++) realAppendChild.call(aside, document.createElement('span'));
    aside.textContent = '';
  }, 20);

  // The article's body replaced once the first of its translations show.
  new RealObserver((_records, observer) => {
    const ours = '.foreign-desk-translation:not([data-fake])';
    if (document.querySelectorAll(ours).length < 3) return;
    observer.disconnect();
    const body = document.querySelector('article .body')!;
    body.innerHTML = replacement.map((p) => `<p>${p}</p>`).join('\n');
    const copy = document.querySelector('article')!.cloneNode(true) as Element;
    for (const own of Array.from(copy.querySelectorAll('[data-foreign-desk]:not([data-fake])')))
      own.remove();
    for (const hidden of Array.from(
      copy.querySelectorAll('[data-foreign-desk-hidden]:not([data-fake])'),
    ))
      hidden.removeAttribute('data-foreign-desk-hidden');
    log.replacedHtml = copy.innerHTML;
  }).observe(document, { childList: true, subtree: true });
}

/** The article page with the hostile script first in its head and our names faked in it. */
function hostilePage(token: string): string {
  const script = `var __name = (f) => f; (${hostileScript.toString()})(${JSON.stringify(REPLACEMENT)}, ${JSON.stringify([SETTINGS_CANARY, KEY_CANARY].map((c) => c.split('').reverse().join('')))}, ${JSON.stringify(PAGE_CHOSEN)});`;
  const fakeTranslation =
    '<font class="foreign-desk-translation" data-foreign-desk="" data-foreign-desk-style="rule" data-fake="" lang="en" translate="no">A translation the page forged.</font>';
  return articleHtml({ token, length: 14 })
    .replace('<meta charset="utf-8">', `<meta charset="utf-8"><script>${script}</script>`)
    .replace(/(<p class="lead">[^\n]*)<\/p>/, `$1 ${fakeTranslation}</p>`)
    .replace('</figcaption>', ' <i data-m="0">marca</i> <b data-m="">falsa</b></figcaption>')
    .replace('<p class="byline">', '<p class="byline" data-foreign-desk-hidden="" data-fake="">')
    .replace('<footer>', '<aside id="flood"></aside><footer>');
}

async function storedSites(browser: ExtensionBrowser): Promise<unknown> {
  const page = await browser.openExtensionPage('/options.html');
  try {
    return await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return ((await api.storage.local.get('settings')).settings as { sites?: unknown }).sites;
    });
  } finally {
    await page.close();
  }
}

const servers = useServers({ countRequests: true });

let site: Server;
let port = 0;
beforeAll(async () => {
  site = createServer((req, res) => {
    const token = /^\/hostil\/([A-Z]\d+)\.html$/.exec(req.url ?? '')?.[1];
    if (!token) {
      res.writeHead(404).end();
      return;
    }
    const body = hostilePage(token);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as AddressInfo).port;
});
afterAll(async () => {
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

describe.each(browserNames)('%s: a hostile page', (name) => {
  const session = useBrowser(name, servers);

  it('cannot start, stop or steer the translation, read settings or keys, or keep the page from being restored', async () => {
    const token = name === 'chromium' ? 'H01' : 'H02';
    await patchSettings(session.browser, {
      libretranslate: { baseUrl: `http://${SETTINGS_CANARY}.invalid` },
    });
    await storeKey(session.browser, 'deepl', KEY_CANARY);
    const sitesBefore = await storedSites(session.browser);
    servers.apy.resetRequests();

    const news = await NewsPage.open(
      session.browser,
      `http://elpais.com:${port}/hostil/${token}.html`,
    );
    const hostile = () =>
      news.page.evaluate(() => (window as unknown as { hostile: HostileLog }).hostile);

    // Ask first: the control offers, and the page's forgeries (with the extension's own event
    // names, learned from its start-up message) and clicks change nothing.
    await news.waitForControlText('Translate this article into English?');
    const learnedAt = await news.page.waitFor(
      () => {
        const log = (window as unknown as { hostile: HostileLog }).hostile;
        return log.learned.length > 0 && log.rounds;
      },
      { message: 'the page to learn the extension’s event names' },
    );
    await news.page.waitFor(
      (round: number) =>
        (window as unknown as { hostile: HostileLog }).hostile.rounds >= round + 10,
      { message: 'ten rounds of forgeries' },
      learnedAt,
    );
    expect((await hostile()).clicks).toBeGreaterThan(0);
    expect(translateRequests(servers.apy)).toHaveLength(0);
    expect(await news.control()).toContain('Translate this article into English?');
    expect(await storedSites(session.browser)).toEqual(sitesBefore);

    // The reader asks: the article is translated, though the page replaces its body meanwhile.
    await news.clickControl('Translate');
    await news.page.waitFor(
      () => (window as unknown as { hostile: HostileLog }).hostile.replacedHtml !== null,
      { message: 'the page to replace the article' },
    );
    // It ends done with what the reader sees translated: every paragraph of the new body too.
    const shown = await news.page.waitFor(
      (paragraphs: number) => {
        const control = document
          .querySelector('foreign-desk-control')
          ?.shadowRoot?.querySelector('.control');
        const body = Array.from(document.querySelectorAll('article .body > p')).map(
          (p) => p.querySelector('.foreign-desk-translation:not([data-fake])')?.textContent ?? '',
        );
        const done = control?.getAttribute('data-status') === 'done';
        return done && body.length === paragraphs && body.every((t) => /\w{3}/.test(t))
          ? { body, text: document.querySelector('article')!.textContent ?? '' }
          : null;
      },
      { timeout: 45_000, message: 'the control done with the new body translated' },
      REPLACEMENT.length,
    );
    expect(shown.text).not.toContain(PAGE_CHOSEN);
    // The popup shows the article the page shows, not the paragraphs the page took away.
    const onPage = await news.page.evaluate(() =>
      Array.from(document.querySelectorAll('.foreign-desk-translation:not([data-fake])')).map((t) =>
        (t.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    );
    const popup = await PopupPage.open(session.browser, news.tabId);
    const inPopup = (await popup.read()).paragraphs;
    await popup.page.close();
    expect(inPopup.length).toBeGreaterThanOrEqual(REPLACEMENT.length);
    for (const paragraph of inPopup) expect(onPage).toContain(paragraph);

    // Only the article's text went to the engine.
    const sent = translateRequests(servers.apy).map((r) => requestedText(r));
    expect(sent.length).toBeGreaterThan(0);
    for (const text of sent) expect(text).not.toContain(PAGE_CHOSEN);
    expect(sent.join(' ')).toContain('Nuevo párrafo');

    // Show original: the article exactly as the page last made it, its forged names included.
    await news.clickControl('Show original');
    await news.page.waitFor(
      () => !document.querySelector('.foreign-desk-translation:not([data-fake])'),
      { message: 'our translations removed' },
    );
    const after = await news.page.evaluate(() => document.querySelector('article')!.innerHTML);
    expect(after).toBe((await hostile()).replacedHtml);
    expect(await news.control()).toContain('Translate this article into English?');

    // Nothing of the settings or keys reached the page, and its clicks changed no site mode.
    expect((await hostile()).leaks).toEqual([]);
    expect(await storedSites(session.browser)).toEqual(sitesBefore);
    await news.page.close();
  });
});
