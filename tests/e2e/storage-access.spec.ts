// In Chromium storage.local (the keys, the cache, the usage count) is locked to the extension's own pages: evaluated
// in the content script's own isolated world, a read of the credentials fails. The content script gets the
// preferences, and only them, from the background's copy in storage.session, and follows their changes.
import { expect, test } from './fixtures';
import { NL, VAT } from '../fixtures/registry/companies';
import { openPrepared } from './support/card';
import { highlightedTexts } from './support/content-world';
import { ALL_KEYS, setCredentials, setStorage } from './support/popup';

/** A storage call in the content script's world: its answer, or the error it failed with. */
const attempt = (call: string) =>
  `${call}.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error: String(error.message ?? error) }))`;

test("a content script's storage.local read of the credentials fails; it reads the preferences, and only them", async ({
  context,
  extensionId,
  pages,
}) => {
  const { page, world } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), async (ext) => {
    await setCredentials(ext, ALL_KEYS);
    await setStorage(ext, { preferences: { detect: { kvk: false } } });
  });
  for (const call of ["chrome.storage.local.get('credentials')", 'chrome.storage.local.get(null)']) {
    expect(await world.evaluate(attempt(call))).toEqual({
      ok: false,
      error: 'Access to storage is not allowed from this context.',
    });
  }
  const session = await world.evaluate<{ ok: boolean; value: Record<string, unknown> }>(
    attempt('chrome.storage.session.get(null)'),
  );
  expect(Object.keys(session.value)).toEqual(['preferences']);
  expect(JSON.stringify(session.value)).not.toContain(ALL_KEYS.kvkKey!);

  // The preferences did arrive (KVK numbers switched off), and a change made in the options follows live.
  expect((await highlightedTexts(page)).valid).toContain(`NL${VAT.nlBv.vatNumber}`);
  expect((await highlightedTexts(page)).valid).not.toContain(NL.bv.kvkNummer);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await setStorage(options, { preferences: { detect: { kvk: true } } });
  await expect.poll(async () => (await highlightedTexts(page)).valid).toContain(NL.bv.kvkNummer);
});
