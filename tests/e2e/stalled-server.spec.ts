// A registry that sends its headers and then stalls: the card's lookup ends by its deadline (15 s, one retry within
// it) with the timeout's own words, not after three 15-second tries as "could not reach".
import { expect, test } from './fixtures';
import { NL } from '../fixtures/registry/companies';
import { stallAfterHeaders } from '../fixtures/registry/faults';
import { numberBox, openPrepared } from './support/card';
import { ALL_KEYS, setCredentials } from './support/popup';

test('a KVK answer that stalls after its headers ends within the deadline as "KVK did not answer in time"', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  test.setTimeout(60_000);
  const { page, card } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), (ext) =>
    setCredentials(ext, ALL_KEYS),
  );
  registry.use(stallAfterHeaders({ host: 'api.kvk.nl' }));
  const box = await numberBox(page, NL.bv.kvkNummer);
  await page.mouse.move(box.x, box.y);
  await expect.poll(async () => (await card.read())?.state).toBe('loading');
  // The deadline is 15 s; the old behaviour took 46 s. Polling stops at 25 s.
  await expect.poll(async () => (await card.read())?.state, { timeout: 25_000, intervals: [500] }).toBe('done');
  const shown = (await card.read())!;
  expect(shown.parts['company-error']).toContain('KVK did not answer in time.');
  expect(shown.text).not.toContain('internet connection');
  // The first try stalled for its 10 s timeout, the one retry until the deadline; no third try.
  expect(registry.requestsTo('api.kvk.nl')).toHaveLength(2);
});
