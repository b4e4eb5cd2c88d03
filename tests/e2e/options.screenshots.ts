import { expect, test } from './fixtures';
import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';

// Screenshots of the options page in light and dark, English and Dutch, for the README (`npm run screenshots`).
// A key is stored, the kbodata.app test shows its plan and a bad KVK key shows its error, so the picture shows the
// states people meet.

const cases = [
  { lang: 'en', uiLocale: 'en-US', scheme: 'light' },
  { lang: 'en', uiLocale: 'en-US', scheme: 'dark' },
  { lang: 'nl', uiLocale: 'nl', scheme: 'light' },
  { lang: 'nl', uiLocale: 'nl', scheme: 'dark' },
] as const;

for (const c of cases) {
  test.describe(`${c.lang} ${c.scheme}`, () => {
    test.use({ uiLocale: c.uiLocale, colorScheme: c.scheme });

    test(`options page (${c.lang}, ${c.scheme})`, async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 900, height: 800 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const kvkKey = page.locator('#kvk-key');
      await kvkKey.fill('wrong-key-0000');
      await page.locator('#kvk-test-result').locator('..').getByRole('button').click();
      await expect(page.locator('#kvk-test-result .cl-error')).toBeVisible();
      await page.locator('#kbodata-username').fill(KBODATA_USER);
      await page.locator('#kbodata-token').fill(KBODATA_TOKENS.production);
      await page.locator('#kbodata-test-result').locator('..').getByRole('button').click();
      await expect(page.locator('#kbodata-test-result .cl-ok')).toBeVisible();
      await page.locator('#kvk-key').fill(KVK_PRODUCTION_KEY);
      await page.locator('#kvk-key').press('Enter');
      await expect(page.getByTestId('kvk-key-mask')).toHaveText('••••••••-key');
      await page.locator('#site-input').fill('intranet.example.com');
      await page.locator('#site-input').press('Enter');
      await expect(page.locator('.cl-sites li')).toHaveCount(1);
      await page.locator('#kvk-key').focus();
      await page.screenshot({ path: `tests/screenshots/options-${c.lang}-${c.scheme}.png`, fullPage: true });
    });
  });
}
