// Broken storage as users meet it, in the production build: a damaged usage record, storage.local full to its quota,
// a damaged entry in the never-run sites. Lookups still answer, free ones are cached in memory, paid ones that cannot
// be counted are refused with their own words, and a damaged entry loses only itself.
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { VAT } from '../fixtures/registry/companies';
import { hoverNumber, openPrepared } from './support/card';
import { highlightedTexts } from './support/content-world';
import { ALL_KEYS, setCredentials, setStorage } from './support/popup';

/** The worker's `chrome` global, as far as these helpers use it (they run inside the service worker). */
declare const chrome: {
  storage: {
    local: {
      QUOTA_BYTES: number;
      getBytesInUse(keys: null): Promise<number>;
      set(items: object): Promise<void>;
    };
  };
};

/**
 * Fills storage.local from the service worker to within a few bytes of its quota (what a full profile looks like):
 * not even 27 more bytes fit, less than a usage record's write.
 */
async function fillStorage(worker: Worker): Promise<void> {
  const full = await worker.evaluate(async () => {
    const { local } = chrome.storage;
    let size = local.QUOTA_BYTES - (await local.getBytesInUse(null));
    for (let i = 0; size > 0 && i < 200; i++) {
      try {
        await local.set({ [`filler-${i}`]: 'x'.repeat(size) });
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return local.set({ probe: 'x'.repeat(20) }).then(
      () => false,
      () => true,
    );
  });
  expect(full).toBe(true);
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

test('a damaged usage record still answers: the kbodata company and the VIES verdict beside it', async ({
  context,
  extensionId,
  pages,
}) => {
  const { page, card } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), async (ext) => {
    await setCredentials(ext, ALL_KEYS);
    await setStorage(ext, { usage: { [thisMonth()]: 7, '2020-01': 'broken' } });
  });
  const shown = await hoverNumber(page, card, '0765.432.146');
  expect(shown.parts['company-name']).toContain('Brouwerijen Fictief');
  expect(shown.parts['vat-verdict']).toContain('Valid');
});

test('with storage full, free lookups answer and stay cached in memory; a paid one is refused in its own words', async ({
  context,
  extensionId,
  pages,
  registry,
  serviceWorker,
}) => {
  const { page, card } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), (ext) =>
    setCredentials(ext, ALL_KEYS),
  );
  await fillStorage(serviceWorker);
  registry.reset();

  const vat = `NL${VAT.nlBv.vatNumber}`;
  const first = await hoverNumber(page, card, vat);
  expect(first.parts['vat-verdict']).toContain('Valid');
  await page.mouse.move(5, 5);
  await expect.poll(async () => card.read()).toBeNull();
  const second = await hoverNumber(page, card, vat);
  expect(second.parts['vat-verdict']).toContain('Valid');
  expect(registry.requestsTo('ec.europa.eu')).toHaveLength(1); // the second answer came from memory
  await page.mouse.move(5, 5);
  await expect.poll(async () => card.read()).toBeNull();

  // kbodata.app is metered: its query cannot be counted, so it is not sent; VIES (free) still answers.
  const be = await hoverNumber(page, card, '0765.432.146');
  expect(be.parts['company-error']).toContain('could not count this paid kbodata.app query');
  expect(be.parts['vat-verdict']).toContain('Valid');
  expect(registry.requestsTo('api.kbodata.app')).toEqual([]);
  expect(be.parts['company-name']).toBe(VAT.beNv.name); // the company as VIES registered it
});

test('one damaged never-run site loses only itself, in the options page and in the content script', async ({
  context,
  extensionId,
  pages,
}) => {
  const damaged = ['elsewhere.test', 42, { site: 'x' }];
  // The page is scanned with the stored preferences (KVK numbers off), the damaged entries notwithstanding.
  const { page } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), (ext) =>
    setStorage(ext, { preferences: { detect: { kvk: false }, disabledSites: damaged } }),
  );
  const before = await highlightedTexts(page);
  expect(before.valid).toContain(`NL${VAT.nlBv.vatNumber}`);
  expect(before.valid).not.toContain('68750110');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const sites = options.getByRole('region', { name: 'Sites where Company Lens never runs' });
  await expect(sites.getByRole('listitem')).toHaveText(['elsewhere.testRemove elsewhere.test']);
  // A good entry after the damaged ones switches this site off.
  await setStorage(options, { preferences: { disabledSites: [...damaged, '127.0.0.1'] } });
  await expect(sites.getByRole('listitem')).toHaveText([
    'elsewhere.testRemove elsewhere.test',
    '127.0.0.1Remove 127.0.0.1',
  ]);
  await expect.poll(async () => (await highlightedTexts(page)).valid).toEqual([]);
});
