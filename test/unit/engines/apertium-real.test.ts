import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApertiumEngine } from '@/utils/engines/providers/apertium';
import { TranslationPipeline } from '@/utils/engines/pipeline';
import { decodeTranslation, encodeBlock } from '@/utils/page/markup';
import { startApy, type Apy } from '../../e2e/harness/apy.ts';
import { corpusPagesDir } from '../../e2e/harness/paths.ts';
import { MapCache } from './fakes';

/** A real Spanish article (El País, 15 Oct 2024) from the shared corpus. */
const PAGE = join(corpusPagesDir, 'fundus/es-ElPais_2024_10_15/page.html.gz');

let apy: Apy;
// Fails with the apt-get line when APy or its Spanish–English pair is missing (never skips).
beforeAll(async () => {
  apy = await startApy({ countRequests: true });
}, 60_000);
afterAll(async () => {
  await apy?.stop();
});

/** Paragraphs of the article that carry links or emphasis. */
function markedParagraphs(): Element[] {
  const html = gunzipSync(readFileSync(PAGE)).toString('utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('article p, main p')).filter(
    (p) => p.querySelector('a, em, strong, b, i') && (p.textContent ?? '').length > 80,
  );
}

describe('Apertium APy on loopback (real engine)', () => {
  it('translates real paragraphs Spanish → English, links and emphasis rebuilt on the originals', async () => {
    const paragraphs = markedParagraphs().slice(0, 8);
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    const blocks = paragraphs.map((p) => encodeBlock(p));
    const pipeline = new TranslationPipeline({ cache: new MapCache() });
    const engine = new ApertiumEngine(apy.url);
    const request = { segments: blocks.map((b) => b.html), source: 'es', target: 'en' };

    apy.resetRequests();
    const result = await pipeline.translate([engine], request);
    const translateCalls = apy.requests.filter((r) => r.path === '/translate');
    expect(translateCalls).toHaveLength(1); // the whole batch in one request
    expect(translateCalls[0]!.params).toMatchObject({ langpair: 'spa|eng', format: 'html' });

    let rebuilt = 0;
    for (const [i, block] of blocks.entries()) {
      const translation = result.translations[i]!;
      expect(translation).not.toBe(block.html);
      const fragment = decodeTranslation(translation, block.refs, document);
      if (!fragment) continue; // the page would retry then show text: allowed, but rare
      rebuilt++;
      const links = Array.from(fragment.querySelectorAll('a'));
      const originals = block.refs.filter((r) => r.localName === 'a');
      expect(links.map((a) => a.getAttribute('href'))).toEqual(
        expect.arrayContaining(originals.map((a) => a.getAttribute('href'))),
      );
    }
    expect(rebuilt).toBeGreaterThanOrEqual(Math.ceil(blocks.length * 0.75));
    const english = result.translations.join(' ');
    expect(english).toMatch(/\b(the|of|and|in|to)\b/);

    // The same article again: no request reaches the engine.
    apy.resetRequests();
    const again = await pipeline.translate([engine], request);
    expect(again.translations).toEqual(result.translations);
    expect(apy.requests.filter((r) => r.path === '/translate')).toHaveLength(0);
    expect(again.stats.cacheHits).toBe(blocks.length);
  }, 60_000);
});
