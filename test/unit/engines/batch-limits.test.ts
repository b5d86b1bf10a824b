// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DeepLEngine } from '@/utils/engines/providers/deepl';
import { GoogleCloudEngine } from '@/utils/engines/providers/google-cloud';
import { MicrosoftEngine } from '@/utils/engines/providers/microsoft';
import { TranslationPipeline } from '@/utils/engines/pipeline';
import type { TranslationEngine } from '@/utils/engines/types';
import { MapCache } from './fakes';
import { loopback, shout } from './loopback';

/** An article of `count` paragraphs of up to ~72 × `longest` characters, multi-byte text, links. */
const article = (count: number, longest: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      `${i}. ` +
      'El año pasado, según «El País» — y con <a data-m="0">más</a> detalle — '.repeat(
        (i % longest) + 1,
      ),
  );

async function translateArticle(engine: TranslationEngine, segments: string[]) {
  const result = await new TranslationPipeline({ cache: new MapCache() }).translate([engine], {
    segments,
    source: 'es',
    target: 'en',
  });
  expect(result.translations).toEqual(segments.map(shout));
  return result;
}

describe('requests stay within each engine’s published batch limits', () => {
  it('DeepL: at most 50 texts and 128 KiB per request', async () => {
    const server = await loopback((req) => {
      const texts = (req.json as { text: string[] }).text;
      expect(texts.length).toBeLessThanOrEqual(50);
      expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(128 * 1024);
      return { body: { translations: texts.map((text) => ({ text: shout(text) })) } };
    });
    const result = await translateArticle(new DeepLEngine('k:fx', server.url), article(150, 8));
    expect(server.problems).toEqual([]);
    expect(result.stats.requests).toBe(server.seen.length);
  });

  it('Google Cloud v2: at most 128 strings, about 5,000 characters per request', async () => {
    const server = await loopback((req) => {
      const q = (req.json as { q: string[] }).q;
      expect(q.length).toBeLessThanOrEqual(128);
      // A paragraph longer than the recommended size goes alone, never split mid-sentence.
      if (q.length > 1) expect(q.join('').length).toBeLessThanOrEqual(5_000);
      return { body: { data: { translations: q.map((t) => ({ translatedText: shout(t) })) } } };
    });
    await translateArticle(new GoogleCloudEngine('k', server.url), article(150, 8));
    expect(server.problems).toEqual([]);
  });

  it('Microsoft v3: at most 1,000 elements and 50,000 characters per request', async () => {
    const server = await loopback((req) => {
      const items = req.json as { Text: string }[];
      expect(items.length).toBeLessThanOrEqual(1_000);
      expect(items.reduce((n, i) => n + i.Text.length, 0)).toBeLessThanOrEqual(50_000);
      return { body: items.map((i) => ({ translations: [{ text: shout(i.Text), to: 'en' }] })) };
    });
    await translateArticle(new MicrosoftEngine('k', '', server.url), article(400, 20));
    expect(server.problems).toEqual([]);
    expect(server.seen.length).toBeGreaterThan(1);
  });
});
