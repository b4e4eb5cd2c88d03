// @vitest-environment happy-dom
// The content script carries the screen but not the engine: PageScanner loads the engine (a chunk) the first time a
// block is worth reading, never on a page where nothing passes the screen, and reports a chunk that failed to load,
// reads no block until the next batch, then tries again.
import { afterEach, expect, it, vi } from 'vitest';
import type { Detector } from '../../../utils/page/block-scanner';
import { MatchIndex } from '../../../utils/page/match-index';
import { PageScanner } from '../../../utils/page/page-scanner';
import { fakeDetector } from './fake-detector';

afterEach(() => vi.restoreAllMocks());

function setUp(html: string, load: () => Promise<Detector>) {
  document.body.innerHTML = html;
  const index = new MatchIndex(window);
  const scanner = new PageScanner(document, { detect: { load }, index, isValid: () => true });
  const batch = () => new Promise<void>((resolve) => scanner.onBatch(() => resolve()));
  const values = () => index.summary().map((i) => i.value);
  return { scanner, batch, values };
}

it('never loads the engine for a page whose numbers nothing names', async () => {
  const load = vi.fn(() => Promise.resolve(fakeDetector()));
  const { scanner, batch, values } = setUp('<p>Bel 020 123 4567 of mail; order 20240007 van 12-03-2024.</p>', load);
  const done = batch();
  scanner.start();
  await done;
  expect(values()).toEqual([]);
  expect(load).not.toHaveBeenCalled();
});

it('loads the engine once, when the first block is worth reading, and finds what it finds', async () => {
  const detect = fakeDetector();
  const load = vi.fn(() => Promise.resolve(detect));
  const { scanner, batch, values } = setUp(
    `<p>Bel 020 123 4567.</p><p>${'Een zin zonder nummers. '.repeat(6)}</p><p>Ons KvK-nummer is 33014286.</p><p>KvK 68750110.</p>`,
    load,
  );
  const done = batch();
  scanner.start();
  await done;
  expect(values()).toEqual(['33014286', '68750110']);
  expect(load).toHaveBeenCalledTimes(1);
  expect(detect.seen).toHaveLength(2); // the two labelled blocks, not the phone number's
});

it('reports an engine that failed to load, reads nothing in that batch, and tries again with the next', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const load = vi
    .fn<() => Promise<Detector>>()
    .mockRejectedValueOnce(new Error('/engine.js did not load'))
    .mockResolvedValueOnce(fakeDetector());
  const { scanner, batch, values } = setUp('<p>Ons KvK-nummer is 33014286.</p>', load);
  const first = batch();
  scanner.start();
  await first;
  expect(errors).toHaveBeenCalledWith('Company Lens: could not load the identifier engine', expect.any(Error));
  expect(values()).toEqual([]);

  const second = batch();
  document.body.insertAdjacentHTML('beforeend', '<p>KvK 68750110.</p>');
  await second;
  expect(load).toHaveBeenCalledTimes(2);
  expect(values()).toEqual(['68750110']);
});
