import type { Page } from 'puppeteer-core';
import { NL, VAT } from '../fixtures/registry/companies';
import { viesUserError } from '../fixtures/registry/faults';
import { KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import { ALL_KEYS, type TestCredentials } from '../e2e/support/credentials';
import type { PageServer } from '../e2e/support/page-server';
import { expect, test } from './fixtures';
import { storeSettings, waitForTab } from './support/extension-page';
import type { LaunchedFirefox } from './support/firefox';
import { CardReader, hover, pageMutations, waitForHighlights } from './support/page';
import { textOf } from './support/dom';

// What a user sees on a page in Firefox: highlights, the hover card with the fixture registry's answers, its buttons.

/** Opens a test page with `credentials` stored first, once the content script has painted `highlights` numbers. */
async function openPage(
  ff: LaunchedFirefox,
  pages: PageServer,
  path: string,
  credentials: TestCredentials | null = ALL_KEYS,
  highlights = 1,
): Promise<Page> {
  await storeSettings(ff, credentials);
  const page = await ff.firefox.newPage();
  await page.goto(pages.url(path));
  await waitForHighlights(page, highlights);
  return page;
}

test('labelled numbers are highlighted, a failing check apart and "not valid" in its card; the page is untouched and nothing is sent', async ({
  ff,
  pages,
  registry,
}) => {
  const page = await openPage(ff, pages, '/card/numbers.html', ALL_KEYS, 9);
  const shown = await waitForHighlights(page, 9);
  expect(shown.valid).toEqual([
    NL.bv.kvkNummer,
    '0765.432.146',
    `NL${VAT.nlBv.vatNumber}`,
    `DE${VAT.de.vatNumber}`,
    'LU15027442',
    NL.xss.kvkNummer,
    NL.eenmanszaak.kvkNummer,
    NL.nv.kvkNummer,
  ]);
  expect(shown.invalid).toEqual(['0765.432.147']);
  expect(await pageMutations(page)).toEqual([]);

  const card = await hover(ff, page, '0765.432.147', 'skipped');
  expect(card.parts['not-valid']).toContain('This number is not valid.');
  expect(card.parts['offline-check']).toContain('Check digits wrong');
  expect(registry.requests).toEqual([]);
});

test('hovering a KVK number shows the company from KVK, the key going to KVK only; "More details" opens the popup’s details', async ({
  ff,
  pages,
  registry,
}) => {
  const page = await openPage(ff, pages, '/card/numbers.html');
  const card = await hover(ff, page, NL.bv.kvkNummer);
  expect(card.parts['company-name']).toBe(NL.bv.naam);
  expect(card.parts.status).toBe('Active');
  expect(card.parts.identifier).toBe(NL.bv.kvkNummer);
  expect(card.parts.source).toContain('KVK');
  expect(card.pageSeesShadow).toBe(false);
  const kvk = registry.requestsTo('api.kvk.nl');
  expect(kvk.length).toBeGreaterThan(0);
  expect(kvk.every((r) => r.credentials.apikey === KVK_PRODUCTION_KEY)).toBe(true);
  expect(registry.requests.filter((r) => r.host !== 'api.kvk.nl' && r.credentials.apikey)).toEqual([]);

  await new CardReader(ff, page).click('[data-testid=more-details]');
  const tab = await waitForTab(ff, `${ff.origin}/popup.html#details/kvk/${NL.bv.kvkNummer}`);
  await expect.poll(() => textOf(tab, '[data-testid=company-name]')).toBe(NL.bv.naam);
});

test('VAT numbers show the VIES verdict, a Dutch one KVK’s company by its RSIN; a member state’s outage says "cannot be checked now", never invalid', async ({
  ff,
  pages,
  registry,
}) => {
  registry.use(viesUserError('DE', 'MS_UNAVAILABLE'));
  const page = await openPage(ff, pages, '/card/numbers.html');
  const nl = await hover(ff, page, `NL${VAT.nlBv.vatNumber}`);
  expect(nl.parts['vat-verdict']).toMatch(/Valid/);
  expect(nl.parts['company-name']).toBe(NL.bv.naam); // KVK, by the RSIN the Dutch VAT number holds
  await page.keyboard.press('Escape');
  await new CardReader(ff, page).waitForClosed();
  const de = await hover(ff, page, `DE${VAT.de.vatNumber}`);
  expect(de.parts['vat-verdict']).toContain('Cannot be checked now');
  expect(de.text).not.toMatch(/\bInvalid\b/);
});

test('"Open settings" in the card of a number without a key opens the options page', async ({ ff, pages }) => {
  const page = await openPage(ff, pages, '/card/numbers.html', null);
  const card = await hover(ff, page, NL.bv.kvkNummer);
  expect(card.parts['company-error']).toContain('Add it in the Company Lens settings');
  await new CardReader(ff, page).click('[data-testid=open-options]');
  const tab = await waitForTab(ff, `${ff.origin}/options.html`);
  await expect.poll(() => textOf(tab, 'h1')).toBe('Company Lens settings');
});

test('a page with a strict Content-Security-Policy gets the styled card', async ({ ff, pages }) => {
  const page = await openPage(ff, pages, '/card/csp.html');
  const card = await hover(ff, page, NL.bv.kvkNummer);
  expect(card.parts['company-name']).toBe(NL.bv.naam);
  expect(Math.round(card.rect.right - card.rect.left)).toBe(360);
});

test('over a hover session the page sees one added node, the card’s host; leaving closes the card', async ({
  ff,
  pages,
}) => {
  const page = await openPage(ff, pages, '/card/numbers.html');
  await hover(ff, page, NL.bv.kvkNummer);
  await page.mouse.move(900, 650);
  await new CardReader(ff, page).waitForClosed();
  await hover(ff, page, `NL${VAT.nlBv.vatNumber}`);
  await page.keyboard.press('Escape');
  await new CardReader(ff, page).waitForClosed();
  expect(await pageMutations(page)).toEqual(['childList:BODY:']);
  expect(await page.evaluate(() => [...document.body.children].at(-1)?.nodeName)).toBe('COMPANY-LENS-UI');
});
