import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { BE, NL, VAT, XSS_PAYLOAD } from '../fixtures/registry/companies';
import { viesUserError } from '../fixtures/registry/faults';
import { hoverNumber, numberBox, openPrepared } from './support/card';
import { openExtensionPage } from './support/extension-page';
import { ALL_KEYS, setCredentials, setStorage, type TestCredentials } from './support/popup';

/** Opens the card test page with `credentials` stored first (written from an extension page, as the options do). */
async function openNumbersPage(
  context: BrowserContext,
  extensionId: string,
  url: string,
  credentials: TestCredentials | null = ALL_KEYS,
  preferences?: object,
) {
  return openPrepared(context, extensionId, url, async (ext) => {
    if (credentials) await setCredentials(ext, credentials);
    if (preferences) await setStorage(ext, { preferences });
  });
}

test('hovering a KVK number shows the company, its status, source, links and copy buttons', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  const shown = await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(shown.parts['company-name']).toBe(NL.bv.naam);
  expect(shown.parts.status).toBe('Active');
  expect(shown.parts.identifier).toBe(NL.bv.kvkNummer);
  expect(shown.parts.source).toContain('KVK');
  expect(shown.text).toContain('kvk.nl');
  expect(shown.text).toContain('Copy name');
  expect(shown.text).toContain('Copy address');
  expect(shown.parts['details-cost']).toContain('€0.02');
  expect(shown.pageSeesShadow).toBe(false);
  // Beside the number: below its line, starting at its left edge.
  const box = await numberBox(page, NL.bv.kvkNummer);
  expect(shown.rect.top).toBeGreaterThanOrEqual(box.bottom);
  expect(Math.abs(shown.rect.left - box.left)).toBeLessThan(2);
  expect(registry.requestsTo('api.kvk.nl').length).toBeGreaterThan(0);
});

test('a Belgian enterprise number shows the company and the VIES verdict', async ({ context, extensionId, pages }) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  const shown = await hoverNumber(page, card, '0765.432.146');
  expect(shown.parts['company-name']).toContain('Brouwerijen Fictief');
  expect(shown.parts.identifier).toBe(
    `${BE.nv.enterpriseNumber.slice(0, 4)}.${BE.nv.enterpriseNumber.slice(4, 7)}.${BE.nv.enterpriseNumber.slice(7)}`,
  );
  expect(shown.parts['vat-verdict']).toContain('Valid');
  expect(shown.text).toContain('KBO Public Search');
});

test('NL and DE VAT numbers show the verdict with the time; DE shares no name and the card says so', async ({
  context,
  extensionId,
  pages,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  const nl = await hoverNumber(page, card, `NL${VAT.nlBv.vatNumber}`);
  expect(nl.parts['vat-verdict']).toMatch(/Valid/);
  expect(nl.parts['company-name']).toBe(NL.bv.naam); // KVK, by the RSIN the Dutch VAT number holds
  await page.mouse.move(5, 5);
  await expect.poll(async () => card.read()).toBeNull();
  const de = await hoverNumber(page, card, `DE${VAT.de.vatNumber}`);
  expect(de.parts['vat-verdict']).toMatch(/Valid.*\d{1,2}:\d{2}/);
  expect(de.text).toContain('does not share the name');
});

test('a VIES member-state outage says "cannot be checked now", never invalid', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  registry.use(viesUserError('DE', 'MS_UNAVAILABLE'));
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  const de = await hoverNumber(page, card, `DE${VAT.de.vatNumber}`);
  expect(de.parts['vat-verdict']).toContain('Cannot be checked now');
  expect(de.text).not.toMatch(/\bInvalid\b/);
});

test('a labelled number failing its check says "not valid" and sends nothing', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  registry.reset();
  const shown = await hoverNumber(page, card, '0765.432.147', 'skipped');
  expect(shown.parts['not-valid']).toContain('This number is not valid.');
  expect(shown.parts['offline-check']).toContain('Check digits wrong');
  expect(shown.text).toContain('KBO Public Search');
  await page.waitForTimeout(300);
  expect(registry.requests).toEqual([]);
});

test('a registry name carrying HTML is shown as text and runs nothing', async ({ context, extensionId, pages }) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  await page.evaluate(() => {
    (window as unknown as { __ran: boolean }).__ran = false;
    window.alert = () => ((window as unknown as { __ran: boolean }).__ran = true);
  });
  const shown = await hoverNumber(page, card, NL.xss.kvkNummer);
  expect(shown.parts['company-name']).toContain(XSS_PAYLOAD);
  const imgs = await page.evaluate(() => document.querySelectorAll('img').length);
  expect(imgs).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __ran: boolean }).__ran)).toBe(false);
});

test('with no keys the card shows the offline facts, the VIES verdict and what to do for the rest', async ({
  context,
  extensionId,
  pages,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'), null);
  const kvk = await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(kvk.parts.identifier).toBe(NL.bv.kvkNummer);
  expect(kvk.parts['offline-check']).toBeTruthy();
  expect(kvk.parts['company-error']).toContain('Add it in the Company Lens settings');
  expect(kvk.text).toContain('kvk.nl');
  // "Open settings" opens the options page (asked of the background: content scripts cannot open it).
  const options = context.waitForEvent('page', (p) => p.url().includes('/options.html'));
  await card.click('[data-testid=open-options]');
  expect((await options).url()).toContain(`chrome-extension://${extensionId}/options.html`);
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await expect.poll(async () => card.read()).toBeNull();
  const be = await hoverNumber(page, card, '0765.432.146');
  expect(be.parts['vat-verdict']).toContain('Valid');
  expect(be.parts['company-name']).toBe(VAT.beNv.name);
  expect(be.parts['vies-only']).toContain('kbodata.app');
});

test('the page sees one added node over a whole hover session; Escape, scroll and leaving close the card', async ({
  context,
  extensionId,
  pages,
}) => {
  const { page, card, world } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  const before = await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations.length);
  expect(before).toBe(0);
  // Open, move onto the card (it stays), leave it (it closes after the grace).
  await hoverNumber(page, card, NL.bv.kvkNummer);
  const inside = await card.centreOf('[data-testid=company-name]');
  await page.mouse.move(inside.x, inside.y, { steps: 4 });
  await page.waitForTimeout(600);
  expect((await card.read())?.state).toBe('done');
  await page.mouse.move(900, 650);
  await expect.poll(async () => card.read()).toBeNull();
  // Escape.
  await hoverNumber(page, card, `NL${VAT.nlBv.vatNumber}`);
  await page.keyboard.press('Escape');
  await expect.poll(async () => card.read()).toBeNull();
  // Scroll.
  await hoverNumber(page, card, NL.bv.kvkNummer);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => card.read()).toBeNull();
  const reasons = await world.evaluate<{ type: string; reason?: string }[]>('__companyLens.cardEvents');
  expect(reasons.filter((e) => e.type === 'close').map((e) => e.reason)).toEqual(['leave', 'escape', 'scroll']);
  const mutations = await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
  expect(mutations).toEqual(['childList:BODY:']);
  const hosts = await page.evaluate(() => [...document.body.children].at(-1)?.nodeName);
  expect(hosts).toBe('COMPANY-LENS-UI');
});

test('near the bottom of the window the card flips above the number', async ({ context, extensionId, pages }) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  await page.evaluate(() => document.getElementById('bottom')!.scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(100);
  const shown = await hoverNumber(page, card, NL.nv.kvkNummer);
  const box = await numberBox(page, NL.nv.kvkNummer);
  expect(shown.rect.bottom).toBeLessThanOrEqual(box.top);
  expect(shown.rect.top).toBeGreaterThanOrEqual(0);
});

test('"look up on click": nothing is sent until the user clicks Look up in the card', async ({
  context,
  extensionId,
  pages,
  registry,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'), ALL_KEYS, {
    lookupTrigger: 'click',
  });
  registry.reset();
  await hoverNumber(page, card, NL.bv.kvkNummer, 'idle');
  await page.waitForTimeout(300);
  expect(registry.requests).toEqual([]);
  await card.click('[data-testid=lookup-button]');
  await expect.poll(async () => (await card.read())?.parts['company-name']).toBe(NL.bv.naam);
  expect(registry.requestsTo('api.kvk.nl').length).toBeGreaterThan(0);
});

test('"More details" opens the popup\'s details of the number in a tab', async ({ context, extensionId, pages }) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  await hoverNumber(page, card, NL.bv.kvkNummer);
  const details = context.waitForEvent('page', (p) => p.url().includes('/popup.html#details/'));
  await card.click('[data-testid=more-details]');
  const tab = await details;
  await expect(tab.getByTestId('company-name')).toHaveText(NL.bv.naam);
});

test('context menu: a selected number opens the card at the selection; other text opens the name search', async ({
  context,
  extensionId,
  pages,
  serviceWorker,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/numbers.html'));
  const menu = (text: string) =>
    serviceWorker.evaluate(async (text) => {
      const [tab] = await chrome.tabs.query({ active: true });
      const g = globalThis as unknown as { __companyLensLookUpSelection: (t: string, tab: unknown) => Promise<string> };
      return g.__companyLensLookUpSelection(text, tab);
    }, text);
  await page.focus('#focus-me');
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('selectable')!);
    getSelection()!.addRange(range);
  });
  await page.bringToFront();
  expect(await menu('KvK 69599084')).toBe('card');
  await expect.poll(async () => (await card.read())?.parts['company-name']).toBe(NL.eenmanszaak.naam);
  // Opened from the menu, focus moves into the card (its host, from the page's side) and Escape gives it back.
  const focused = () => page.evaluate(() => document.activeElement?.nodeName + '#' + document.activeElement?.id);
  expect(await focused()).toBe('COMPANY-LENS-UI#');
  const selection = await numberBox(page, '69599084');
  // Beside the selection: just below or (near the window's bottom) just above it.
  const { rect } = (await card.read())!;
  const gap = rect.top >= selection.bottom ? rect.top - selection.bottom : selection.top - rect.bottom;
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThan(12);
  await page.keyboard.press('Escape');
  await expect.poll(async () => card.read()).toBeNull();
  expect(await focused()).toBe('BUTTON#focus-me');
  const searchTab = context.waitForEvent('page', (p) => p.url().includes('/popup.html#search/'));
  expect(await menu('Bakkerij Jansen')).toBe('search-tab');
  const tab = await searchTab;
  await expect(tab.getByTestId('not-a-number')).toBeVisible();
  // Where no card can be placed (here: the site is switched off), the popup's details open in a tab.
  await page.bringToFront();
  const ext = await openExtensionPage(context, extensionId);
  await setStorage(ext, { preferences: { disabledSites: ['127.0.0.1'] } });
  await ext.close();
  await page.bringToFront();
  const detailsTab = context.waitForEvent('page', (p) => p.url().includes('/popup.html#details/kvk/69599084'));
  expect(await menu('KvK 69599084')).toBe('details-tab');
  await expect((await detailsTab).getByTestId('company-name')).toHaveText(NL.eenmanszaak.naam);
});

test("a page with a strict Content-Security-Policy still gets the card (the UI chunk and its styles are the extension's)", async ({
  context,
  extensionId,
  pages,
}) => {
  const { page, card } = await openNumbersPage(context, extensionId, pages.url('/card/csp.html'));
  const shown = await hoverNumber(page, card, NL.bv.kvkNummer);
  expect(shown.parts['company-name']).toBe(NL.bv.naam);
  // Styled: the card is a positioned box of the card's width, not unstyled inline text.
  expect(Math.round(shown.rect.right - shown.rect.left)).toBe(360);
});
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
