import { describe, expect, it } from 'vitest';
import { browserNames, type ExtensionBrowser } from './harness/index.ts';
import { useBrowser, useServers } from './suite.ts';
import { NewsPage } from './pages/news-page.ts';
import { translateRequests } from './pages/engine-requests.ts';
import { patchSettings } from './pages/settings-store.ts';

const EL_PAIS = 'fundus/es-ElPais_2024_10_15';
const EL_PAIS_CIENCIA = 'trafilatura-eval/elpais.com.ciencia';
/** Nothing listens here: an engine that is down. */
const DEAD_ENGINE = 'http://127.0.0.1:9';

const servers = useServers({ countRequests: true });

const translateCalls = () => translateRequests(servers.apy);
/** Segments packed into one APy request (each travels in its own numbered wrapper). */
const segmentsIn = (q: string | undefined) => (q ?? '').match(/data-fd-seg="/g)?.length ?? 1;

/** Opens an article, reads it to the end as a reader would, and returns what was shown. */
async function readToTheEnd(browser: ExtensionBrowser, pageId: string) {
  const news = await NewsPage.open(browser, servers.corpus.urlFor(pageId));
  await news.page.bringToFront();
  await news.scrollThrough();
  await news.waitForDone();
  const shown = await news.translations();
  await news.page.close();
  return shown;
}

describe.each(browserNames)('%s: translation engines', (name) => {
  const session = useBrowser(name, servers);

  it('translates through APy in batches, and a second visit costs no engine request', async () => {
    await patchSettings(session.browser, {
      engine: 'apertium',
      fallbackEngine: 'none',
      sites: { elpais: 'always' },
    });
    servers.apy.resetRequests();
    const first = await readToTheEnd(session.browser, EL_PAIS);
    const calls = translateCalls();
    const segments = calls.reduce((n, r) => n + segmentsIn(r.params.q), 0);
    expect(first.length).toBeGreaterThanOrEqual(10);
    expect(segments).toBeGreaterThanOrEqual(first.length);
    // Batches: the blocks near the screen at load travel together, and the rest in fewer
    // requests than blocks. (How many depends on scrolling speed against engine speed, so no
    // tighter bound here; npm run bench:engines measures blocks per request.)
    expect(segmentsIn(calls[0]?.params.q)).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThan(first.length);

    servers.apy.resetRequests();
    const again = await readToTheEnd(session.browser, EL_PAIS);
    expect(again.map((t) => t.text)).toEqual(first.map((t) => t.text));
    expect(translateCalls()).toHaveLength(0);
  });

  it('falls back to the second engine when the first is down', async () => {
    await patchSettings(session.browser, {
      engine: 'libretranslate',
      libretranslate: { baseUrl: DEAD_ENGINE },
      fallbackEngine: 'apertium',
      sites: { elpais: 'always' },
    });
    servers.apy.resetRequests();
    const shown = await readToTheEnd(session.browser, EL_PAIS_CIENCIA);
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown.map((t) => t.text).join(' ')).toMatch(/\b(the|of|and)\b/);
    expect(translateCalls().length).toBeGreaterThan(0);
  });
});
