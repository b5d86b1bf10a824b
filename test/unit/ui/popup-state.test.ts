import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadDocument } from '../../../scripts/lib/corpus';
import type { Message } from '@/utils/messaging/protocol';
import { PageController } from '@/utils/page/controller';
import { DEFAULT_SETTINGS } from '@/utils/settings/schema';

// Detection as on a page it is unsure of: the blocks found, but "not an article".
vi.mock('@/utils/article/detect', async (original) => {
  const real = await original<typeof import('@/utils/article/detect')>();
  return {
    ...real,
    detectArticleSliced: async (...args: Parameters<typeof real.detectArticleSliced>) => {
      const detection = await real.detectArticleSliced(...args);
      return { ...detection, article: { ...detection.article, isArticle: false } };
    },
  };
});

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/pages');
const EL_PAIS = 'fundus/es-ElPais_2024_10_15';

function upperCaseBackground() {
  fakeBrowser.runtime.onMessage.addListener(((message: Message<'translate'>) =>
    Promise.resolve({
      ok: true,
      engine: 'Fake',
      translations: message.segments.map((s) => s.toUpperCase().replace(/DATA-M=/g, 'data-m=')),
    })) as never);
}

const until = (controller: PageController, status: string) =>
  new Promise<void>((resolve) => {
    if (controller.getState().status === status) return resolve();
    const stop = controller.subscribe((s) => {
      if (s.status !== status) return;
      stop();
      resolve();
    });
  });

describe('the popup’s view of a page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('"translate anyway" translates a page detection did not take for an article', async () => {
    const { doc, url } = loadDocument({ key: EL_PAIS, dir: join(CORPUS, EL_PAIS) });
    upperCaseBackground();
    const controller = new PageController(doc, url!);
    await controller.apply({ ...DEFAULT_SETTINGS, sites: { elpais: 'always' } });
    expect(controller.getState().status).toBe('not-article');

    controller.command('translate-anyway');
    await until(controller, 'done');
    const state = controller.getState();
    expect(state.translation.blocks.length).toBeGreaterThan(5);
    // Captions come with the blocks (last), the originals with credits in the summary.
    const captions = state.translation.blocks.filter((b) => b.kind === 'caption');
    expect(captions.length).toBeGreaterThan(0);
    expect(state.article!.captions.length).toBe(captions.length);
  });
});
