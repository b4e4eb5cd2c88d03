import { expect, test } from '../e2e/fixtures';
import { NL } from '../fixtures/registry/companies';
import { CardReader, numberBox } from '../e2e/support/card';
import { ContentWorld } from '../e2e/support/content-world';
import { openExtensionPage } from '../e2e/support/extension-page';
import { ALL_KEYS, setCredentials } from '../e2e/support/popup';

// Screenshots of the hover card for the README: a Dutch KVK number (NL, EN) and a Belgian enterprise number (FR), in
// light and dark. Saved as tests/screenshots/card-<lang>-<scheme>.png, clipped to the number and its card.

const PAGE = `<!doctype html><meta charset="utf-8"><title>Suppliers</title>
<style>body{font:16px/1.6 Georgia,serif;margin:32px 40px;max-width:760px}@media (prefers-color-scheme: dark){body{background:#0d1117;color:#c9d1d9}}</style>
<h1>Leveranciers · Fournisseurs</h1>
<p>Fruitteelt: Test BV Donald, Lollum — KvK ${NL.bv.kvkNummer}.</p>
<p>Brasserie : NV Brouwerijen Fictief, Bruxelles — numéro d'entreprise 0765.432.146.</p>`;

const cases = [
  { lang: 'en', locale: 'en-US', number: NL.bv.kvkNummer },
  { lang: 'nl', locale: 'nl', number: NL.bv.kvkNummer },
  { lang: 'fr', locale: 'fr', number: '0765.432.146' },
] as const;

for (const { lang, locale, number } of cases) {
  for (const colorScheme of ['light', 'dark'] as const) {
    if (lang === 'en' && colorScheme === 'dark') continue;
    test.describe(`${lang} ${colorScheme}`, () => {
      test.use({ colorScheme, uiLocale: locale });

      test('hover card', async ({ context, extensionId, pages }) => {
        const ext = await openExtensionPage(context, extensionId);
        await setCredentials(ext, ALL_KEYS);
        await ext.close();
        const page = await context.newPage();
        await page.setViewportSize({ width: 820, height: 720 });
        const world = await ContentWorld.attach(context, page, extensionId);
        await page.goto(pages.add(`/screenshots/card-${lang}.html`, PAGE));
        await world.settled();
        const card = await CardReader.attach(context, page);
        const box = await numberBox(page, number);
        await page.mouse.move(box.x, box.y);
        await expect.poll(async () => (await card.read())?.state, { timeout: 8000 }).toBe('done');
        const { rect } = (await card.read())!;
        const left = Math.max(0, Math.min(box.left - 180, rect.left - 24));
        const top = Math.max(0, Math.min(box.top, rect.top) - 16);
        await page.screenshot({
          path: `tests/screenshots/card-${lang}-${colorScheme}.png`,
          clip: {
            x: left,
            y: top,
            width: Math.max(box.right, rect.right) + 24 - left,
            height: Math.max(box.bottom, rect.bottom) + 16 - top,
          },
          animations: 'disabled',
          caret: 'initial',
        });
      });
    });
  }
}
