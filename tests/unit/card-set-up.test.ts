// The card's two halves: the content script's part (utils/card/set-up-card.ts) loads the card UI chunk only once the
// page has a match or the context menu asks, and retries after a failed load; the chunk's part (utils/card/card-ui.ts)
// opens the card on hover intents, sends the first lookup itself while the card's root is created, sends nothing for a
// number whose check fails, and tries the controller again after it failed.
// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CardController } from '../../utils/card/card-controller';
import { wireCard, type CardControllerFactory, type CardUi } from '../../utils/card/card-ui';
import { setUpCard, type CardUiLoader } from '../../utils/card/set-up-card';
import type { HoveredMatch, HoverEvents, HoverIntentListener } from '../../utils/card/hover';
import type { ScriptContext } from '../../utils/page/script-context';
import type { PageScan } from '../../utils/page/set-up-page-scan';
import { DEFAULT_PREFERENCES } from '../../utils/settings/preferences';

type MessageListener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => void;

/** A page scan whose batches the test ends, with or without matches in the index. */
function pageHarness(load: CardUiLoader, active = true) {
  const batchListeners = new Set<() => void>();
  const index = { isEmpty: true };
  const scan = {
    preferences: DEFAULT_PREFERENCES,
    index,
    scanner: {
      isActive: active,
      onBatch: (l: () => void) => (batchListeners.add(l), () => batchListeners.delete(l)),
    },
  } as unknown as PageScan;
  const ctx = { isValid: true, onInvalidated: () => () => undefined } as unknown as ScriptContext;
  let onMessage: MessageListener | undefined;
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
    onMessage = l as unknown as MessageListener;
  });
  setUpCard(ctx, scan, load);
  add.mockRestore();
  return {
    batch(withMatches: boolean) {
      index.isEmpty = !withMatches;
      for (const l of [...batchListeners]) l();
    },
    listening: () => batchListeners.size,
    request(message: unknown, sender = { id: fakeBrowser.runtime.id }) {
      const answers: unknown[] = [];
      onMessage!(message, sender, (r) => answers.push(r));
      return answers;
    },
  };
}

describe('setUpCard (content script)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the card UI after the first batch that leaves a match, once, then stops listening to batches', async () => {
    const load = vi.fn<CardUiLoader>(() => Promise.resolve({ openAtSelection: vi.fn() }));
    const page = pageHarness(load);
    page.batch(false);
    page.batch(false);
    expect(load).not.toHaveBeenCalled(); // a page without matches never loads the chunk
    page.batch(true);
    page.batch(true); // still loading: the same load
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(page.listening()).toBe(0));
    page.batch(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a chunk that failed to load and tries again at the next batch with a match', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi
      .fn<CardUiLoader>()
      .mockRejectedValueOnce(new Error('the card UI did not load'))
      .mockResolvedValueOnce({ openAtSelection: vi.fn() });
    const page = pageHarness(load);
    page.batch(true);
    await vi.waitFor(() =>
      expect(errors).toHaveBeenCalledWith('Company Lens: the card could not be shown', expect.any(Error)),
    );
    expect(page.listening()).toBe(1);
    page.batch(true);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(page.listening()).toBe(0));
    errors.mockRestore();
  });

  it("opens the card at the selection for the context menu's request, loading the chunk on a page without matches", async () => {
    const ui: CardUi = { openAtSelection: vi.fn() };
    const load = vi.fn<CardUiLoader>(() => Promise.resolve(ui));
    const page = pageHarness(load);
    const request = { type: 'company-lens:open-card', kind: 'kvk', value: '68750110', checksum: 'none' };

    expect(page.request(request, { id: 'another-extension' })).toEqual([]);
    expect(page.request({ ...request, value: '<b>1</b>' })).toEqual([]);
    expect(page.request({ ...request, checksum: 'invalid' })).toEqual([]);
    expect(load).not.toHaveBeenCalled();

    expect(page.request(request)).toEqual([{ opened: true }]);
    await vi.waitFor(() => expect(ui.openAtSelection).toHaveBeenCalledWith('kvk', '68750110', 'none'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers opened: false and loads nothing while the page is not scanned (site switched off)', () => {
    const load = vi.fn<CardUiLoader>(() => Promise.resolve({ openAtSelection: vi.fn() }));
    const page = pageHarness(load, false);
    expect(page.request({ type: 'company-lens:open-card', kind: 'kvk', value: '68750110', checksum: 'none' })).toEqual([
      { opened: false },
    ]);
    expect(load).not.toHaveBeenCalled();
  });
});

/** The chunk's wiring with a hover the test drives and a controller factory it controls. */
function chunkHarness(create: CardControllerFactory) {
  let intent: HoverIntentListener | undefined;
  const hover = {
    onHoverIntent: (l: HoverIntentListener) => ((intent = l), () => undefined),
    onLeave: () => () => undefined,
    current: null,
  } as HoverEvents;
  const scan = { preferences: DEFAULT_PREFERENCES } as unknown as PageScan;
  const ctx = {} as ScriptContext;
  const ui = wireCard(ctx, scan, hover, create);
  const rect = new DOMRect(10, 10, 80, 16);
  return {
    ui,
    hover: (match: Partial<HoveredMatch>) =>
      intent!({ kind: 'kvk', value: '33014286', checksum: 'none', ...match } as HoveredMatch, rect),
  };
}

describe('wireCard (card UI chunk)', () => {
  const lookups: unknown[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    lookups.length = 0;
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      lookups.push(message);
      return Promise.resolve({ parts: [] });
    });
  });

  it("sends the first lookup before the card's root exists, and hands that request to the controller", async () => {
    let resolveCreate!: (c: CardController) => void;
    const open = vi.fn<CardController['open']>();
    const create = vi.fn<CardControllerFactory>(() => new Promise((r) => (resolveCreate = r)));
    const { hover } = chunkHarness(create);

    hover({});
    await vi.waitFor(() => expect(lookups).toEqual([{ type: 'lookup', kind: 'kvk', value: '33014286' }]));
    expect(open).not.toHaveBeenCalled(); // the root is still being created
    resolveCreate({ open });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    const early = open.mock.calls[0]![5];
    expect(await early).toEqual({ parts: [] });

    hover({ value: '68750110' }); // once created, the controller does its own lookups
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]![5]).toBeUndefined();
    expect(create).toHaveBeenCalledTimes(1);
    expect(lookups).toHaveLength(1);
  });

  it('sends nothing early for a number whose check fails; a context-menu request carries its check', async () => {
    const open = vi.fn<CardController['open']>();
    const { hover, ui } = chunkHarness(() => Promise.resolve({ open }));
    hover({ kind: 'kbo', value: '0202239952', checksum: 'invalid' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open.mock.calls[0]![2]).toBe('invalid');
    expect(open.mock.calls[0]![5]).toBeUndefined();
    expect(lookups).toEqual([]);
    ui.openAtSelection('kvk', '33014286', 'none');
    expect(open).toHaveBeenLastCalledWith('kvk', '33014286', 'none', null, true);
  });

  it('reports a card that could not be created and tries again on the next hover', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const open = vi.fn<CardController['open']>();
    const create = vi
      .fn<CardControllerFactory>()
      .mockRejectedValueOnce(new Error('no shadow root'))
      .mockResolvedValueOnce({ open });
    const { hover } = chunkHarness(create);
    hover({});
    await vi.waitFor(() =>
      expect(errors).toHaveBeenCalledWith('Company Lens: the card could not be shown', expect.any(Error)),
    );
    hover({});
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(create).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });
});
