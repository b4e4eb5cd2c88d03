// The card's part in the content script (utils/card/set-up-card.ts): it forwards hover intents to the controller in
// the lazily loaded chunk, sends the first lookup itself while the chunk loads, sends nothing for a number whose check
// fails, and tries the chunk again after it failed to load.
// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardController } from '../../utils/card/card-controller';
import { setUpCard, type CardControllerLoader } from '../../utils/card/set-up-card';
import type { HoveredMatch, HoverIntentListener } from '../../utils/page/hover';
import type { PageScan } from '../../utils/page/set-up-page-scan';
import { DEFAULT_PREFERENCES } from '../../utils/settings/preferences';

function harness(load: CardControllerLoader) {
  let intent: HoverIntentListener | undefined;
  const scan = {
    preferences: DEFAULT_PREFERENCES,
    scanner: { isActive: true },
    hover: { onHoverIntent: (l: HoverIntentListener) => ((intent = l), () => undefined) },
  } as unknown as PageScan;
  const ctx = { onInvalidated: () => () => undefined } as unknown as ContentScriptContext;
  setUpCard(ctx, scan, load);
  const rect = new DOMRect(10, 10, 80, 16);
  return {
    hover: (match: Partial<HoveredMatch>) =>
      intent!({ kind: 'kvk', value: '33014286', checksum: 'none', ...match } as HoveredMatch, rect),
  };
}

describe('setUpCard', () => {
  const lookups: unknown[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    lookups.length = 0;
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      lookups.push(message);
      return Promise.resolve({ parts: [] });
    });
  });

  it('sends the first lookup before the chunk has loaded, and hands that request to the controller', async () => {
    let resolveLoad!: (c: CardController) => void;
    const open = vi.fn<CardController['open']>();
    const load = vi.fn<CardControllerLoader>(() => new Promise((r) => (resolveLoad = r)));
    const { hover } = harness(load);

    hover({});
    await vi.waitFor(() => expect(lookups).toEqual([{ type: 'lookup', kind: 'kvk', value: '33014286' }]));
    expect(open).not.toHaveBeenCalled(); // the chunk is still loading
    resolveLoad({ open });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    const early = open.mock.calls[0]![4];
    expect(await early).toEqual({ parts: [] });

    hover({ value: '68750110' }); // once loaded, the controller does its own lookups
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]![4]).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
    expect(lookups).toHaveLength(1);
  });

  it('sends nothing early for a number whose check fails', async () => {
    const open = vi.fn<CardController['open']>();
    const { hover } = harness(() => Promise.resolve({ open }));
    hover({ kind: 'kbo', value: '0202239952', checksum: 'invalid' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open.mock.calls[0]![4]).toBeUndefined();
    expect(lookups).toEqual([]);
  });

  it('reports a chunk that failed to load and tries again on the next hover', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const open = vi.fn<CardController['open']>();
    const load = vi
      .fn<CardControllerLoader>()
      .mockRejectedValueOnce(new Error('the card UI did not load'))
      .mockResolvedValueOnce({ open });
    const { hover } = harness(load);
    hover({});
    await vi.waitFor(() =>
      expect(errors).toHaveBeenCalledWith('Company Lens: the card could not be shown', expect.any(Error)),
    );
    hover({});
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
