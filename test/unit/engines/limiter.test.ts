// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lane } from '@/utils/engines/limiter';
import { parseRetryAfter } from '@/utils/engines/http';

afterEach(() => {
  vi.useRealTimers();
});

describe('per-engine lane', () => {
  it('lets a burst through, then one request per token', async () => {
    vi.useFakeTimers();
    const lane = new Lane({ concurrency: 10, requestsPerSecond: 2, burst: 2 });
    const started: number[] = [];
    const tasks = [0, 1, 2, 3].map((i) => lane.run(async () => started.push(i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(tasks);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const lane = new Lane({ concurrency: 2, requestsPerSecond: 1_000, burst: 1_000 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        lane.run(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('drops a waiting request when its tab is gone', async () => {
    const lane = new Lane({ concurrency: 1, requestsPerSecond: 1_000, burst: 1_000 });
    let release = () => {};
    const first = lane.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const second = lane.run(async () => 'ran', controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await second).toMatchObject({ code: 'cancelled' });
    release();
    await first;
    expect(await lane.run(async () => 'next')).toBe('next');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
