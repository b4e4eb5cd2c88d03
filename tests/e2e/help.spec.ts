import { expect, test } from './fixtures';

const cases = [
  { uiLocale: 'en-US', title: "Trusting KVK's certificate", trust: 'Option 2: trust the root on this computer' },
  {
    uiLocale: 'nl',
    title: 'Het certificaat van KVK vertrouwen',
    trust: 'Optie 2: de root op deze computer vertrouwen',
  },
  { uiLocale: 'fr', title: 'Faire confiance au certificat de la KVK', trust: 'Option 2 : faire confiance' },
];

for (const c of cases) {
  test.describe(`help page in ${c.uiLocale}`, () => {
    test.use({ uiLocale: c.uiLocale });

    test('explains the KVK root certificate with its download, fingerprint and per-platform steps', async ({
      context,
      extensionId,
    }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/help.html#kvk-certificate`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title);
      await expect(page).toHaveTitle(c.title);
      await expect(page.getByRole('heading', { level: 2, name: c.trust })).toBeVisible();
      await expect(page.getByRole('link', { name: 'https://cert.pkioverheid.nl/PrivateRootCA-G1.cer' })).toBeVisible();
      const fingerprint = await page.getByTestId('fingerprint').textContent();
      expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      // Each platform's store is named in every language.
      const text = await page.locator('main').innerText();
      for (const word of ['Windows', 'macOS', 'Linux', 'Firefox', 'certutil', 'security.enterprise_roots.enabled'])
        expect(text).toContain(word);
    });
  });
}

test('the help page button opens the options page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/help.html`);
  const [options] = await Promise.all([context.waitForEvent('page'), page.getByRole('button').click()]);
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
});
