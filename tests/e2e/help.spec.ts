import { expect, test } from './fixtures';

// The help page a refused certificate links to, in each language: the causes and remedies, and nothing of the old
// advice to download and trust a private root — no download link, no fingerprint, no per-system trust steps.

const cases = [
  {
    uiLocale: 'en-US',
    title: 'When a registry’s certificate is refused',
    headings: ['What usually causes it', 'What to do'],
    words: ['inspects HTTPS', 'time zone', 'IT department', 'KVK address', 'until 2024'],
  },
  {
    uiLocale: 'nl',
    title: 'Als het certificaat van een register wordt geweigerd',
    headings: ['Wat meestal de oorzaak is', 'Wat u kunt doen'],
    words: ['inspecteert', 'tijdzone', 'IT-afdeling', 'KVK-adres', 'tot 2024'],
  },
  {
    uiLocale: 'fr',
    title: 'Quand le certificat d’un registre est refusé',
    headings: ['Les causes habituelles', 'Que faire'],
    words: ['inspecte', 'fuseau horaire', 'service informatique', 'Adresse KVK', 'jusqu’en 2024'],
  },
];

/** What the old page offered: a root's download, its fingerprint, the commands and stores to trust it with. */
const ROOT_ADVICE = [
  /\.cer\b/i,
  /([0-9A-F]{2}:){15,}/,
  /certutil|shasum|openssl|Keychain|Sleutelhanger|Trousseau|security\.enterprise_roots/i,
  /Trusted Root Certification|Vertrouwde basiscertificering|Autorités de certification racines/i,
];

for (const c of cases) {
  test.describe(`help page in ${c.uiLocale}`, () => {
    test.use({ uiLocale: c.uiLocale });

    test('explains a refused certificate, its causes and remedies, with no root to download or trust', async ({
      context,
      extensionId,
    }) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/help.html#certificate`);
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).toHaveText(c.title);
      await expect(title).toHaveAttribute('id', 'certificate');
      await expect(page).toHaveTitle(c.title);
      for (const heading of c.headings)
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      const text = await page.locator('main').innerText();
      for (const word of c.words) expect(text).toContain(word);
      for (const advice of ROOT_ADVICE) expect(text).not.toMatch(advice);
      // Not a single link off the extension: nothing to download.
      await expect(page.locator('a')).toHaveCount(0);
      await expect(page.getByTestId('fingerprint')).toHaveCount(0);
    });
  });
}

test('the help page button opens the options page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/help.html`);
  const [options] = await Promise.all([context.waitForEvent('page'), page.getByRole('button').click()]);
  await expect(options).toHaveURL(`chrome-extension://${extensionId}/options.html`);
});
