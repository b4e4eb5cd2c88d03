import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followOpenData, OPEN_DATA_POLL_MS, type OpenDataView } from '../../utils/open-data-follow';
import type { OpenDataProgress } from '../../utils/registry/responses';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const progress = (done: boolean): OpenDataProgress => ({
  kvkNumber: '68750110',
  basis: done ? { state: 'skipped' } : { state: 'queued', sendAt: 0 },
  accounts: { state: 'waiting' },
  done,
});

describe('followOpenData', () => {
  it('starts once, then polls every second until done, handing each answer on', async () => {
    const modes: string[] = [];
    let calls = 0;
    const send = vi.fn(async (_kvk: string, mode: 'start' | 'poll') => {
      modes.push(mode);
      return progress(++calls >= 3);
    });
    const seen: OpenDataView[] = [];
    followOpenData('68750110', (v) => seen.push(v), send);
    await vi.advanceTimersByTimeAsync(10 * OPEN_DATA_POLL_MS);
    expect(modes).toEqual(['start', 'poll', 'poll']);
    expect(seen.map((v) => typeof v === 'object' && v.done)).toEqual([false, false, true]);
  });

  it('stops asking when told, and says "failed" after three unanswered asks in a row', async () => {
    const send = vi.fn(async () => progress(false));
    const stop = followOpenData('68750110', () => {}, send);
    await vi.advanceTimersByTimeAsync(2 * OPEN_DATA_POLL_MS);
    stop();
    const asked = send.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * OPEN_DATA_POLL_MS);
    expect(send.mock.calls.length).toBe(asked);

    const seen: OpenDataView[] = [];
    const failing = vi.fn(async () => {
      throw new Error('no answer');
    });
    followOpenData('68750110', (v) => seen.push(v), failing);
    await vi.advanceTimersByTimeAsync(10 * OPEN_DATA_POLL_MS);
    expect(failing).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['failed']);
  });
});
