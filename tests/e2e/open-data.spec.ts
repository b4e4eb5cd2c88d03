import { sbiDescription } from '../../utils/registry/opendata/sbi';
import type { BrowserContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { createOpenDataHandler } from '../fixtures/registry/opendata';
import { OPEN_DATA_ABSENT, OPEN_DATA_ONLY } from '../fixtures/registry/opendata-catalogue';
import type { RegistryServer } from '../fixtures/registry/server';
import { CardReader, numberBox } from './support/card';
import { ContentWorld } from './support/content-world';
import { openExtensionPage, stopServiceWorkers } from './support/extension-page';
import { openPopup, search, setStorage, type TestCredentials } from './support/popup';

// KVK's free open data in the production build against the fixture registry: the popup's section and the card's
// button, without any key; the per-host queue; nothing sent before the click. The test-only setting shortens KVK's
// minute to INTERVAL, and the fixture registry is given the same limit, so a request sent early would get a 429.

const INTERVAL = 3_000;
const HOST = 'opendata.kvk.nl';
const NO_KEYS: TestCredentials = {};

/** Shortens the open data's pace to INTERVAL in the extension and in the fixture registry (from an extension page). */
async function shortenPace(context: BrowserContext, extensionId: string, registry: RegistryServer): Promise<void> {
  registry.use(createOpenDataHandler({ windowMs: INTERVAL }));
  const page = await openExtensionPage(context, extensionId);
  await setStorage(page, { openDataTestInterval: INTERVAL });
  await page.close();
}

/** The popup (no keys), on the details of `kvk`. */
async function details(context: BrowserContext, extensionId: string, kvk: string): Promise<Page> {
  const popup = await openPopup(context, extensionId, NO_KEYS);
  await search(popup, kvk);
  await expect(popup.getByTestId('open-data')).toBeVisible();
  return popup;
}

/** The times the fixture registry received the open-data requests, and the gaps between them. */
function openDataRequests(registry: RegistryServer) {
  const requests = registry.requestsTo(HOST);
  return { paths: requests.map((r) => r.path), gaps: requests.slice(1).map((r, i) => r.at - requests[i]!.at) };
}

test('without a key, the open data of a BV: status, legal form, activities and filed years, after the click only', async ({
  context,
  extensionId,
  registry,
}) => {
  await shortenPace(context, extensionId, registry);
  const popup = await details(context, extensionId, NL.bv.kvkNummer);
  const section = popup.getByTestId('open-data');
  await expect(section).toContainText('KVK open data (free)');
  // No key: Zoeken says so; the open data waits for the click.
  await expect(popup.getByTestId('company-error')).toContainText('KVK');
  expect(registry.requestsTo(HOST)).toHaveLength(0);

  await section.getByRole('button', { name: 'Get KVK open data' }).click();
  await expect(section.getByTestId('open-data-status')).toHaveText('Active');
  await expect(section.getByTestId('open-data-legal-form')).toHaveText('Besloten Vennootschap');
  // The open data gives codes only: a description where the extension knows the code, else the code alone.
  const main = NL.bv.sbi[0]!.sbiCode;
  const description = sbiDescription(main);
  await expect(section.getByTestId('open-data-activities')).toContainText(
    `${main}${description ? ` ${description}` : ''} (main)`,
  );
  const [y, m, d] = [0, 4, 6].map((at, i) => Number(NL.bv.datumAanvang.slice(at, i ? at + 2 : 4)));
  const started = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  await expect(section.getByTestId('open-data-start')).toHaveText(started);
  await expect(section.getByTestId('open-data-filed')).toHaveText('Annual accounts filed for 2021, 2022, 2023.', {
    timeout: 4 * INTERVAL,
  });
  await expect(section.getByTestId('open-data-adopted')).toContainText('2023: adopted on June 3, 2024');
  await expect(section.getByTestId('source').first()).toContainText('KVK open data');
  await expect(section.getByTestId('open-data-licence')).toContainText('CC BY 4.0');

  const sent = openDataRequests(registry);
  expect(sent.paths).toEqual([
    `/api/v1/hvds/basisbedrijfsgegevens/kvknummer/${NL.bv.kvkNummer}`,
    `/api/v1/hvds/jaarrekeningen/kvknummer/${NL.bv.kvkNummer}`,
  ]);
  expect(sent.gaps[0]).toBeGreaterThanOrEqual(INTERVAL);
  // No key of any kind went to the open data.
  expect(registry.requestsTo(HOST).map((r) => r.credentials)).toEqual([{}, {}]);
});

test('a bankrupt NV shows "Bankrupt" in the card (from its button) and in the details', async ({
  context,
  extensionId,
  registry,
  pages,
}) => {
  await shortenPace(context, extensionId, registry);
  const page = await context.newPage();
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(pages.url(`/open-data/numbers.html?kvk=${OPEN_DATA_ONLY.bankruptNv}`));
  await world.settled();
  const card = await CardReader.attach(context, page);
  const box = await numberBox(page, OPEN_DATA_ONLY.bankruptNv);
  await page.mouse.move(box.x, box.y);
  await expect.poll(async () => (await card.read())?.parts['open-data-button']).toBe('Free KVK open data');
  expect(registry.requestsTo(HOST)).toHaveLength(0);

  await card.click('[data-testid="open-data-button"]');
  await expect.poll(async () => (await card.read())?.parts['open-data-status']).toBe('Bankrupt');
  expect((await card.read())!.parts['open-data-legal-form']).toBe('Naamloze Vennootschap');
  await expect
    .poll(async () => (await card.read())?.parts['open-data-filed'], { timeout: 4 * INTERVAL })
    .toContain('none in the open data');

  // The details say the same, from the cache: no request again.
  const popup = await details(context, extensionId, OPEN_DATA_ONLY.bankruptNv);
  const section = popup.getByTestId('open-data');
  await section.getByRole('button', { name: 'Get KVK open data' }).click();
  await expect(section.getByTestId('open-data-status')).toHaveText('Bankrupt');
  await expect(section.getByTestId('open-data-filed')).toContainText(
    'none in the open data: large companies and non-XBRL filings are not in it',
  );
  await expect(section.getByRole('link', { name: 'Order them at KVK' })).toHaveAttribute(
    'href',
    `https://www.kvk.nl/bestellen/#/${OPEN_DATA_ONLY.bankruptNv}`,
  );
  await expect(section.getByTestId('source').first()).toContainText('from cache');
  expect(registry.requestsTo(HOST)).toHaveLength(2);
});

test('a VvE is not in the open dataset: said so, and no annual accounts asked', async ({
  context,
  extensionId,
  registry,
}) => {
  await shortenPace(context, extensionId, registry);
  const popup = await details(context, extensionId, OPEN_DATA_ABSENT.vve);
  const section = popup.getByTestId('open-data');
  await section.getByRole('button', { name: 'Get KVK open data' }).click();
  await expect(section).toContainText('Not in KVK’s open dataset: it holds BVs and NVs only.');
  await expect(section).toContainText('does not mean the number does not exist');
  await expect(section.getByTestId('open-data-status')).toHaveCount(0);
  await popup.waitForTimeout(INTERVAL + 500); // the annual accounts would have been sent by now
  expect(openDataRequests(registry).paths).toEqual([
    `/api/v1/hvds/basisbedrijfsgegevens/kvknummer/${OPEN_DATA_ABSENT.vve}`,
  ]);
});

test('two quick requests for different numbers wait their turn, and the second says how long', async ({
  context,
  extensionId,
  registry,
}) => {
  await shortenPace(context, extensionId, registry);
  const first = await details(context, extensionId, NL.bv.kvkNummer);
  const second = await details(context, extensionId, OPEN_DATA_ONLY.suspendedBv);
  await first.getByRole('button', { name: 'Get KVK open data' }).click();
  await second.getByRole('button', { name: 'Get KVK open data' }).click();

  const wait = second.getByTestId('open-data').getByTestId('open-data-wait');
  await expect(wait).toHaveAttribute('data-state', 'queued');
  await expect(wait).toHaveText(/^Company data: waiting for its turn, sent in \d s \(about one request a minute\)\.$/);
  // After the first number's company data, and its annual accounts when they were queued first.
  const seconds = Number((await wait.textContent())!.match(/sent in (\d) s/)![1]);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual((2 * INTERVAL) / 1000);

  await expect(second.getByTestId('open-data-status')).toHaveText('Suspension of payments', { timeout: 4 * INTERVAL });
  await expect(first.getByTestId('open-data-filed')).toContainText('2021, 2022, 2023', { timeout: 4 * INTERVAL });
  await expect(second.getByTestId('open-data-filed')).toHaveText('Annual accounts filed for 2022.', {
    timeout: 4 * INTERVAL,
  });
  const sent = openDataRequests(registry);
  // Four requests in the order they were queued (no 429 retried), each an interval after the one before.
  const path = (set: string, kvk: string) => `/api/v1/hvds/${set}/kvknummer/${kvk}`;
  expect([...sent.paths].sort()).toEqual(
    [
      path('basisbedrijfsgegevens', NL.bv.kvkNummer),
      path('basisbedrijfsgegevens', OPEN_DATA_ONLY.suspendedBv),
      path('jaarrekeningen', NL.bv.kvkNummer),
      path('jaarrekeningen', OPEN_DATA_ONLY.suspendedBv),
    ].sort(),
  );
  expect(sent.paths[0]).toBe(path('basisbedrijfsgegevens', NL.bv.kvkNummer));
  expect(sent.paths.at(-1)).toBe(path('jaarrekeningen', OPEN_DATA_ONLY.suspendedBv));
  for (const gap of sent.gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL);
});

test('nothing goes to the open data on opening the popup, page load or hover; the card button sends it', async ({
  context,
  extensionId,
  registry,
  pages,
}) => {
  await shortenPace(context, extensionId, registry);
  // The popup, opened again, and a number's details.
  const popup = await details(context, extensionId, OPEN_DATA_ONLY.inactiveBv);
  await popup.reload();
  await expect(popup.getByRole('searchbox')).toBeVisible();
  // A page with two numbers, each hovered until its card offers the button.
  const page = await context.newPage();
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(pages.url(`/open-data/numbers.html?kvk=${NL.bv.kvkNummer}&kvk=${OPEN_DATA_ONLY.inactiveBv}`));
  await world.settled();
  const card = await CardReader.attach(context, page);
  for (const kvk of [NL.bv.kvkNummer, OPEN_DATA_ONLY.inactiveBv]) {
    if (kvk !== NL.bv.kvkNummer) await page.keyboard.press('Escape');
    const box = await numberBox(page, kvk);
    await page.mouse.move(box.x, box.y);
    await expect.poll(async () => (await card.read())?.parts.identifier).toBe(kvk);
    await expect.poll(async () => (await card.read())?.parts['open-data-button']).toBe('Free KVK open data');
  }
  await page.waitForTimeout(INTERVAL); // a request on any of these would have gone by now
  expect(registry.requestsTo(HOST)).toHaveLength(0);

  await card.click('[data-testid="open-data-button"]');
  await expect.poll(async () => (await card.read())?.parts['open-data-status']).toBe('Inactive');
  expect(openDataRequests(registry).paths).toEqual([
    `/api/v1/hvds/basisbedrijfsgegevens/kvknummer/${OPEN_DATA_ONLY.inactiveBv}`,
  ]);
});

test('a service worker stopped while a request waits does not send it early when it starts again', async ({
  context,
  extensionId,
  registry,
}) => {
  await shortenPace(context, extensionId, registry);
  const popup = await details(context, extensionId, NL.nv.kvkNummer);
  const section = popup.getByTestId('open-data');
  await section.getByRole('button', { name: 'Get KVK open data' }).click();
  await expect(section.getByTestId('open-data-status')).toHaveText('Active');
  await expect(section.getByTestId('open-data-wait')).toHaveAttribute('data-state', 'queued');
  await popup.waitForTimeout(300); // the answer's cache write (after its task)
  await stopServiceWorkers(context, popup);
  // The popup's next ask starts a new worker, which begins the request again: company data from the cache, the
  // annual accounts at the time the stopped worker stored.
  await expect(section.getByTestId('open-data-filed')).toHaveText('Annual accounts filed for 2023.', {
    timeout: 4 * INTERVAL,
  });
  const sent = openDataRequests(registry);
  expect(sent.paths).toHaveLength(2);
  expect(sent.gaps[0]).toBeGreaterThanOrEqual(INTERVAL);
});

test('with a key: Zoeken "active" beside the open data "bankrupt", each with its source, and both exported', async ({
  context,
  extensionId,
  registry,
}) => {
  await shortenPace(context, extensionId, registry);
  const popup = await openPopup(context, extensionId);
  await search(popup, NL.bankrupt.kvkNummer);
  await expect(popup.getByTestId('company-name')).toHaveText(NL.bankrupt.naam);
  await expect(popup.getByTestId('status').first()).toHaveText('Active');
  const section = popup.getByTestId('open-data');
  await section.getByRole('button', { name: 'Get KVK open data' }).click();
  await expect(section.getByTestId('open-data-status')).toHaveText('Bankrupt');
  await expect(section.getByTestId('open-data-conflict')).toHaveText(
    'KVK Zoeken shows this registration as active; KVK’s open data registers: Bankrupt. Both are shown, each with its source.',
  );
  await expect(popup.getByTestId('source').first()).toHaveText(/^Source: KVK,/);
  await expect(section.getByTestId('source')).toHaveText(/^Source: KVK open data,/);
  await expect(section.getByTestId('open-data-filed')).toContainText('2022', { timeout: 4 * INTERVAL });

  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const record = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(record.status).toBe('active');
  expect(record.openData).toMatchObject({
    status: 'bankrupt',
    insolvencyCode: 'FAIL',
    legalForm: { code: 'BV' },
    filedYears: [{ year: 2022 }],
    source: { service: 'kvk-open', licence: 'CC BY 4.0' },
  });
});

test('a Dutch VAT number, once KVK (by the RSIN it holds) names its company, gets the same open-data section', async ({
  context,
  extensionId,
  registry,
}) => {
  await shortenPace(context, extensionId, registry);
  const popup = await openPopup(context, extensionId);
  await search(popup, fullVatNumber(VAT.nlBv));
  await expect(popup.getByTestId('company-name')).toHaveText(NL.bv.naam);
  const section = popup.getByTestId('open-data');
  await expect(section).toContainText('KVK open data (free)');
  expect(registry.requestsTo(HOST)).toHaveLength(0);
  await section.getByRole('button', { name: 'Get KVK open data' }).click();
  await expect(section.getByTestId('open-data-status')).toHaveText('Active');
  expect(openDataRequests(registry).paths[0]).toBe(`/api/v1/hvds/basisbedrijfsgegevens/kvknummer/${NL.bv.kvkNummer}`);
});
