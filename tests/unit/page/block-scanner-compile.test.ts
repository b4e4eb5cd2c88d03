// @vitest-environment happy-dom
// The first screen and the first engine call of a frame compile large regexes (on a fresh page: 5–9 ms each), so a
// step that has already worked ends before each of them (the engine's label regex compiled on its own) and the
// compile starts the next slice. Its own test
// file: which stages this frame has compiled is module state.
import { afterEach, expect, it, vi } from 'vitest';
import { BlockScanner, type FoundMatch } from '../../../utils/page/block-scanner';
import { fakeDetector } from './fake-detector';

afterEach(() => vi.restoreAllMocks());

it('ends a step that has worked before the first screen and before the first engine call, then goes on', () => {
  const words = (n: number) => 'woorden en zinnen '.repeat(n);
  document.body.innerHTML = `<p>${words(10)}</p><p>Ons KvK-nummer is 33014286, kom langs.</p><p>${words(10)}</p><p>KvK 68750110 ook.</p><p>${words(10)}</p>`;
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1)); // every reading 1 ms later: no step is fresh
  const detect = fakeDetector();
  const found: FoundMatch[] = [];
  const scanner = new BlockScanner(document.body, detect, (m) => found.push(m));
  const deadline = 1e9; // far away: only a due compile ends these steps

  expect(scanner.step(deadline)).toBe(false); // before the first screen
  expect(detect.seen).toEqual([]);
  expect(scanner.step(deadline)).toBe(false); // screened first thing, then stopped before the engine's label regex
  expect(scanner.step(deadline)).toBe(false); // that compiled first thing, then stopped before the rest of the engine
  expect(detect.seen).toEqual([]);
  expect(scanner.step(deadline)).toBe(true); // the engine first thing; all compiled, the rest in one go
  expect(found.map((m) => m.value)).toEqual(['33014286', '68750110']);

  // Compiled once per frame: a second scanner never stops for it.
  const again = new BlockScanner(document.body, detect, () => undefined);
  expect(again.step(deadline)).toBe(true);
});

it('never stops for a compile without a deadline (a scan that runs to the end)', async () => {
  vi.resetModules(); // a frame that has compiled nothing yet
  const { BlockScanner: FreshScanner } = await import('../../../utils/page/block-scanner');
  document.body.innerHTML = '<p>Een lange zin zonder nummer, en dan: KvK 33014286.</p>';
  let clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
  const found: FoundMatch[] = [];
  expect(new FreshScanner(document.body, fakeDetector(), (m) => found.push(m)).step(Infinity)).toBe(true);
  expect(found.map((m) => m.value)).toEqual(['33014286']);
});
