// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_STALL_MS, downloadLanguagePack } from '@/utils/engines/chrome-download';

afterEach(() => {
  vi.useRealTimers();
});

/** A Translator API whose create() downloads in the steps given, then resolves (or never). */
function fakeApi(availability: string, steps: number[], finish = true) {
  const asked: string[] = [];
  return {
    asked,
    api: {
      availability: async () => availability,
      create: (o: {
        sourceLanguage: string;
        targetLanguage: string;
        monitor?: (m: EventTarget) => void;
      }) => {
        asked.push(`${o.sourceLanguage}|${o.targetLanguage}`);
        const monitor = new EventTarget();
        o.monitor?.(monitor);
        return new Promise<{ destroy(): void }>((resolve) => {
          steps.forEach((loaded, i) =>
            setTimeout(
              () => monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded })),
              (i + 1) * 1_000,
            ),
          );
          if (finish) setTimeout(() => resolve({ destroy() {} }), (steps.length + 1) * 1_000);
        });
      },
    },
  };
}

describe('downloading a Chrome language pack (from a click in an extension page)', () => {
  it('reports progress and resolves when the pack is installed', async () => {
    vi.useFakeTimers();
    const { api, asked } = fakeApi('downloadable', [0.25, 0.75]);
    const progress: number[] = [];
    const done = downloadLanguagePack('es-ES', 'en', (f) => progress.push(f), api);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await done).toBe('available');
    expect(progress).toEqual([0, 0.25, 0.75, 1]);
    expect(asked).toEqual(['es|en']);
  });

  it('says unavailable for a pair Chrome has no pack for, and where there is no API', async () => {
    expect(await downloadLanguagePack('eu', 'en', () => {}, fakeApi('unavailable', []).api)).toBe(
      'unavailable',
    );
    expect(await downloadLanguagePack('es', 'en', () => {}, undefined)).toBe('unavailable');
  });

  it('gives up when the download stops making progress (offline: create() never resolves)', async () => {
    vi.useFakeTimers();
    const { api } = fakeApi('downloadable', [0.1], false);
    let settled = false;
    const done = downloadLanguagePack('es', 'en', () => {}, api)
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    // The progress event at 1 s restarts the stall clock.
    await vi.advanceTimersByTimeAsync(1_000 + DOWNLOAD_STALL_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await done).toMatchObject({
      message: expect.stringContaining('Is this computer offline?'),
    });
  });
});
