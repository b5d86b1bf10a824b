import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { usePageState, type PopupData } from '@/components/usePageState';
import type { PageState } from '@/utils/page/state';

const sendToTab = vi.hoisted(() => vi.fn());
vi.mock('@/utils/messaging/protocol', () => ({ sendToTab }));

const DONE: PageState = {
  siteKey: 'elpais',
  siteMode: 'always',
  article: null,
  status: 'done',
  progress: { done: 3, waiting: 0, total: 3 },
  engine: 'Apertium',
  target: 'en',
  displayMode: 'bilingual',
  slow: null,
  error: null,
  translation: { title: 'Brussels', blocks: [] },
};

/** Renders a component that only records what the hook returns. */
function mountHook(tabId: number): { latest: () => PopupData | undefined } {
  let latest: PopupData | undefined;
  function Probe() {
    latest = usePageState(tabId);
    return null;
  }
  render(h(Probe, null), document.body.appendChild(document.createElement('div')));
  return { latest: () => latest };
}

describe('the popup asking its page for progress', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    sendToTab.mockReset();
  });

  it('keeps asking when the page does not answer, instead of waiting forever', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://elpais.com/a.html' });
    // The first question is never answered (a busy or reloading page); the next one is.
    sendToTab.mockReturnValueOnce(new Promise(() => {})).mockResolvedValue(DONE);
    const hook = mountHook(tab.id!);

    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledTimes(1));
    expect(hook.latest()?.page).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sendToTab.mock.calls.length).toBeGreaterThan(1);
    expect(hook.latest()?.page?.status).toBe('done');
  });

  it('says no page answers when the tab has no content script', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    sendToTab.mockRejectedValue(new Error('Could not establish connection'));
    const hook = mountHook(tab.id!);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(hook.latest()?.page).toBeNull();
  });
});
