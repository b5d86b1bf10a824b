import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mountPageControl } from '@/components/page-control';
import { formatMessage } from '@/utils/i18n';
import type { PageView } from '@/utils/page/state';

// The browser's English messages, as `browser.i18n.getMessage` gives them.
const ENGLISH = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, Parameters<typeof formatMessage>[0]>;

const LONG_ENGINE_TEXT = `Error 456: ${'quota exceeded for this billing period; '.repeat(40)}`;

function erroredPage(code: NonNullable<PageView['error']>['code']): PageView {
  return {
    siteKey: 'elpais',
    siteMode: 'always',
    article: {
      isArticle: true,
      title: 'Título',
      lead: '',
      byline: null,
      publishedTime: null,
      modifiedTime: null,
      publisher: null,
      lang: 'de',
      url: 'https://elpais.com/a',
      blockCount: 3,
      captions: [],
    },
    status: 'error',
    progress: { done: 0, waiting: 0, total: 3 },
    engine: 'DeepL',
    target: 'en',
    displayMode: 'bilingual',
    error: { code, message: LONG_ENGINE_TEXT },
    slow: null,
  };
}

function controlFor(page: PageView) {
  const container = document.createElement('div');
  const remove = mountPageControl(container, {
    initial: page,
    subscribe: () => () => undefined,
    command: () => undefined,
  });
  const control = container.querySelector('.control')!;
  return { control, remove };
}

describe('the on-page control on an engine error', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) =>
      formatMessage(ENGLISH[key]!, [subs ?? []].flat().map(String)),
    );
  });

  it('says what went wrong in the reader’s words, naming the engine, not the engine’s own text', () => {
    const { control, remove } = controlFor(erroredPage('quota'));
    expect(control.getAttribute('role')).toBe('alert');
    expect(control.querySelector('.text')?.textContent).toBe('DeepL has used up its quota.');
    expect(control.textContent).not.toContain('456');
    expect(control.querySelector('.action')?.textContent).toBe('Retry');
    remove();
  });

  it('names both languages when the engine lacks the pair', () => {
    const { control, remove } = controlFor(erroredPage('unsupported-pair'));
    expect(control.querySelector('.text')?.textContent).toMatch(/DeepL.*German.*English/);
    remove();
  });
});
