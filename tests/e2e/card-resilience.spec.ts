// The card when things go wrong around it: the browser stops the service worker mid-lookup (the card asks once more
// by itself, then offers "Try again"), and a registry name carrying control characters (shown without them).
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { NL } from '../fixtures/registry/companies';
import { registryHandlers } from '../fixtures/registry';
import { latency } from '../fixtures/registry/faults';
import { answerWith, type RegistryServer } from '../fixtures/registry/server';
import type { PageServer } from './support/page-server';
import { hoverNumber, numberBox, openPrepared } from './support/card';
import { stopServiceWorkers } from './support/extension-page';
import { ALL_KEYS, setCredentials } from './support/popup';

/**
 * Opens the card page, hovers a KVK number whose answer takes 1.5 s, and stops the service worker once the request
 * has reached the registry: the lookup's message gets no answer.
 */
async function stopMidLookup(t: {
  context: BrowserContext;
  extensionId: string;
  pages: PageServer;
  registry: RegistryServer;
}) {
  const { context, registry } = t;
  const { page, card } = await openPrepared(context, t.extensionId, t.pages.url('/card/numbers.html'), (ext) =>
    setCredentials(ext, ALL_KEYS),
  );
  registry.use(latency(1500, { host: 'api.kvk.nl' }));
  const box = await numberBox(page, NL.bv.kvkNummer);
  await page.mouse.move(box.x, box.y);
  await expect.poll(async () => (await card.read())?.state).toBe('loading');
  await expect.poll(() => registry.requestsTo('api.kvk.nl').length).toBe(1);
  await stopServiceWorkers(context, page);
  return { page, card };
}

test('a service worker stopped mid-lookup: the card asks once more by itself and shows the answer', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const { card } = await stopMidLookup({ context, extensionId, pages, registry });
  await expect.poll(async () => (await card.read())?.state, { timeout: 10_000 }).toBe('done');
  expect((await card.read())!.parts['company-name']).toBe(NL.bv.naam);
  expect(registry.requestsTo('api.kvk.nl')).toHaveLength(2);
});

test('stopped again during that retry: the card says it could not finish, and "Try again" works', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const { page, card } = await stopMidLookup({ context, extensionId, pages, registry });
  await expect.poll(() => registry.requestsTo('api.kvk.nl').length, { timeout: 10_000 }).toBe(2);
  await stopServiceWorkers(context, page);
  await expect.poll(async () => (await card.read())?.state).toBe('failed');
  const failed = (await card.read())!;
  expect(failed.parts['no-answer']).toContain('Company Lens could not finish this lookup.');
  expect(failed.text).not.toMatch(/reload/i);
  await card.click('[data-testid=try-again]');
  await expect.poll(async () => (await card.read())?.state, { timeout: 10_000 }).toBe('done');
  expect((await card.read())!.parts['company-name']).toBe(NL.bv.naam);
});

test('a registry name with bidi overrides and control characters is shown without them', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const { page, card } = await openPrepared(context, extensionId, pages.url('/card/numbers.html'), (ext) =>
    setCredentials(ext, ALL_KEYS),
  );
  // KVK's own answer for the number, its name spoofed: U+202E would show "Test BV gnp.exe Donald" reversed.
  registry.use(async (req) => {
    if (req.host !== 'api.kvk.nl' || !req.url.pathname.endsWith('/zoeken')) return undefined;
    const reply = await answerWith(registryHandlers, req);
    const body = JSON.stringify(reply.body).replaceAll(NL.bv.naam, 'Test BV \\u202Eexe.gnp\\u202C\\u0007 Donald');
    return { ...reply, body: JSON.parse(body) as object };
  });
  const shown = await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(shown.parts['company-name']).toBe('Test BV exe.gnp Donald');
  expect([...shown.text].filter((c) => /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(c) && c !== '\n')).toEqual([]);
});
