import { describe, expect, it } from 'vitest';
import { mainAction } from '@/components/popup/main-action';
import type { PageState } from '@/utils/page/state';

const OFF: PageState = {
  siteKey: 'elpais',
  siteMode: 'always',
  article: null,
  status: 'off',
  progress: { done: 0, waiting: 0, total: 0 },
  engine: null,
  target: 'en',
  displayMode: 'bilingual',
  slow: null,
  error: null,
  translation: { title: null, blocks: [] },
};

const NETWORK = { code: 'network', message: 'TypeError: Failed to fetch' } as const;

describe('the popup’s main action', () => {
  it('translates a page that is not translated, or where no content script answers', () => {
    expect(mainAction(OFF)).toEqual({ command: 'translate', label: 'translateArticle' });
    expect(mainAction(null)).toEqual({ command: 'translate', label: 'translateArticle' });
  });

  it('offers the original only while something is shown translated', () => {
    expect(mainAction({ ...OFF, status: 'translating' }).command).toBe('original');
    expect(mainAction({ ...OFF, status: 'done' }).command).toBe('original');
    const partly: PageState = {
      ...OFF,
      status: 'error',
      error: NETWORK,
      translation: { title: null, blocks: [{ kind: 'paragraph', text: 'First paragraph.' }] },
    };
    expect(mainAction(partly)).toEqual({ command: 'original', label: 'showOriginal' });
  });

  it('retries after an error that came before anything was translated', () => {
    const failed: PageState = { ...OFF, status: 'error', error: NETWORK };
    expect(mainAction(failed)).toEqual({ command: 'retry', label: 'retry' });
  });

  it('translates anyway a page not taken for an article, or already in the target language', () => {
    for (const status of ['not-article', 'same-language'] as const) {
      expect(mainAction({ ...OFF, status })).toEqual({
        command: 'translate-anyway',
        label: 'translateAnyway',
      });
    }
  });
});
