import { describe, expect, it } from 'vitest';
import { COLLECT_BOUND_MS, FrameCollector, type FrameAnswer } from '../../utils/background/page-collect';

// "On this page" over every frame: each frame answers the broadcast on its own; the background gathers them until every
// announced frame answered, or for a bounded time.

function setup(broadcast: (tabId: number, requestId: string) => Promise<unknown> = async () => ({ sent: true })) {
  const timers = new Map<number, () => void>();
  let n = 0;
  const requests: string[] = [];
  const collector = new FrameCollector({
    broadcast: (tabId, id) => (requests.push(id), broadcast(tabId, id)),
    newId: () => `req-${++n}`,
    setTimeout: (fn, ms) => {
      expect(ms).toBe(COLLECT_BOUND_MS);
      timers.set(n, fn);
      return n;
    },
    clearTimeout: (h) => timers.delete(h as number),
  });
  return { collector, timers, requests };
}

const frame = (
  url: string,
  frames: number,
  identifiers: FrameAnswer['identifiers'],
  scanning = false,
): FrameAnswer => ({
  url,
  enabled: true,
  scanning,
  frames,
  identifiers,
});
const kvk = (value: string, count = 1) => ({ kind: 'kvk' as const, value, checksum: 'none' as const, count });

describe('FrameCollector', () => {
  it('gathers the top frame and every frame it announced (nested, cross-origin alike), merged and deduplicated', async () => {
    const { collector, timers, requests } = setup();
    const answer = collector.collect(7);
    const id = requests[0]!;
    const tab = { id: 7 };
    // A frame answering before the top one does not end the gathering (only the top frame announces its frames).
    collector.receive({ requestId: id, ...frame('about:blank', 0, []) }, { tab, frameId: 6 });
    expect(timers.size).toBe(1);
    expect(
      collector.receive({ requestId: id, ...frame('https://a.test/', 2, [kvk('68750110')]) }, { tab, frameId: 0 }),
    ).toBe(true);
    // Another tab's frame, and an unknown request, are not taken.
    expect(
      collector.receive({ requestId: id, ...frame('x', 0, [kvk('11111111')]) }, { tab: { id: 8 }, frameId: 3 }),
    ).toBe(false);
    expect(collector.receive({ requestId: 'old', ...frame('x', 0, []) }, { tab, frameId: 3 })).toBe(false);
    collector.receive(
      {
        requestId: id,
        ...frame('https://b.test/', 1, [
          kvk('68750110', 2),
          { kind: 'vat', value: 'NL857587974B01', checksum: 'valid', count: 1, written: ' NL 857587974\n B01 ' },
        ]),
      },
      { tab, frameId: 5 },
    );
    expect(timers.size).toBe(1); // the frame that frame 5 holds has not answered yet
    collector.receive({ requestId: id, ...frame('https://c.test/', 0, [kvk('69599084')], true) }, { tab, frameId: 9 });
    expect(await answer).toEqual({
      readable: true,
      url: 'https://a.test/',
      enabled: true,
      scanning: true,
      frames: 4,
      framesAnnounced: 4,
      identifiers: [
        { kind: 'kvk', value: '68750110', checksum: 'none', count: 3 },
        // The check is the background's own, not the page's word.
        { kind: 'vat', value: 'NL857587974B01', checksum: 'invalid', count: 1, written: 'NL 857587974 B01' },
        { kind: 'kvk', value: '69599084', checksum: 'none', count: 1 },
      ],
    });
    expect(timers.size).toBe(0);
  });

  it('stops waiting after its bound for frames that never answer, and says when no content script runs at all', async () => {
    const { collector, timers, requests } = setup();
    const answer = collector.collect(7);
    collector.receive({ requestId: requests[0]!, ...frame('https://a.test/', 3, []) }, { tab: { id: 7 }, frameId: 0 });
    [...timers.values()][0]!();
    expect(await answer).toMatchObject({ readable: true, frames: 1, framesAnnounced: 4 });

    const none = setup(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await none.collector.collect(3)).toEqual({ readable: false });
  });
});
