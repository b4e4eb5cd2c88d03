import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { NL } from '../fixtures/registry/companies';
import { openPopup, search } from '../e2e/support/popup';

// Screenshots of the popup for the README: search (with "On this page"), name-search results and details, in light
// and dark. Saved as tests/screenshots/popup-<name>-<scheme>.png.

const shot = (popup: Page, name: string) =>
  popup.screenshot({ path: `tests/screenshots/popup-${name}.png`, fullPage: true, animations: 'disabled' });

/** A page listing a few numbers, so "On this page" has something to show. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>Leveranciers</title>
<h1>Onze leveranciers</h1>
<p>Test BV Donald — KvK ${NL.bv.kvkNummer}, btw NL857587973B01.</p>
<p>Brouwerijen Fictief NV — ondernemingsnummer 0765.432.146.</p>
<p>Éclairages du Midi — TVA FR83404833048.</p>
<p>Oude factuur: btw NL857587974B01 en KvK-nummer 6875011.</p>`;

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme });

    test('search, results and details', async ({ context, extensionId, pages }) => {
      const site = await context.newPage();
      await site.goto(pages.add('/screenshots/suppliers.html', PAGE));
      await site.waitForTimeout(500);
      const popup = await openPopup(context, extensionId);
      await popup.getByRole('searchbox').fill('Test BV Donald');
      await expect(popup.getByTestId('on-this-page')).not.toContainText('Reading this page');
      await shot(popup, `search-${colorScheme}`);

      await search(popup, 'Test BV Donald');
      await expect(popup.getByTestId('results-kvk')).toBeVisible();
      await shot(popup, `results-${colorScheme}`);

      await popup.getByTestId('results-kvk').getByRole('button').first().click();
      await expect(popup.getByTestId('company-name')).toBeVisible();
      await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
      await expect(popup.getByTestId('profile')).toBeVisible();
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await shot(popup, `details-${colorScheme}`);
    });
  });
}
