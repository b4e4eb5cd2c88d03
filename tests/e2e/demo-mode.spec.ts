import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { KVK_TEST_KEY } from '../fixtures/registry/keys';
import { hoverNumber, openPageWithCard } from './support/card';
import { search } from './support/popup';

// The demo mode: the options' "Use the KVK test environment" switch, no key of one's own. 69599084 and 68750110 are
// registrations of KVK's test environment; the popup and the card must show them as that environment answered
// (tests/fixtures/registry-samples, read here: the expectations are the recorded answers, not the fake's catalogue).

interface Sbi {
  sbiCode: string;
  sbiOmschrijving: string;
}
const sample = (file: string) =>
  JSON.parse(readFileSync(`tests/fixtures/registry-samples/kvk/${file}`, 'utf8')) as {
    naam?: string;
    statutaireNaam?: string;
    resultaten?: { naam: string; type: string; adres: { binnenlandsAdres: { straatnaam: string; plaats: string } } }[];
    sbiActiviteiten: Sbi[];
    totaalWerkzamePersonen: number;
    adressen: { type: string; volledigAdres: string }[];
  };
const DAGOBERT_ZOEKEN = sample('zoeken-kvknummer-69599084.json');
const DAGOBERT = sample('basisprofiel-69599084.json');
const DAGOBERT_BRANCH = sample('vestigingsprofiel-000038509504.json');
const DONALD = sample('vestigingsprofiel-000037178598-donald.json');

/** A recorded `volledigAdres` as the views show it, one line per line: the padding splits street and town. */
const lines = (volledigAdres: string) => volledigAdres.split(/\s{2,}/);

test('switched on in the options, the demo mode shows 69599084 and 68750110 as KVK’s test environment has them', async ({
  context,
  extensionId,
  registry,
  pages,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const kvk = options.getByRole('region', { name: 'KVK (Dutch Chamber of Commerce)' });
  await kvk.getByRole('switch', { name: 'Use the KVK test environment' }).check();
  await kvk.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('kvk-test-result')).toContainText('KVK test environment (fictional data)');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);

  // 69599084, "Test EMZ Dagobert": Zoeken's main branch names it, its other branch's name is a trade name.
  await search(popup, '69599084');
  const main = DAGOBERT_ZOEKEN.resultaten!.find((r) => r.type === 'hoofdvestiging')!;
  const other = DAGOBERT_ZOEKEN.resultaten!.find((r) => r.type === 'nevenvestiging')!;
  await expect(popup.getByTestId('company-name')).toHaveText(main.naam);
  await expect(popup.getByTestId('trade-names')).toHaveText(other.naam);
  await expect(popup.getByTestId('address')).toContainText(main.adres.binnenlandsAdres.straatnaam);
  await expect(popup.getByTestId('address')).toContainText(main.adres.binnenlandsAdres.plaats);
  await expect(popup.getByTestId('source')).toContainText('KVK test environment: fictional data');
  await expect(popup.getByTestId('profile-cost')).toHaveText('Free: KVK test environment (fictional data).');
  await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
  const profile = popup.getByTestId('profile');
  await expect(profile.getByTestId('employees')).toHaveText(String(DAGOBERT.totaalWerkzamePersonen));
  for (const a of DAGOBERT.sbiActiviteiten)
    await expect(profile.getByTestId('activities')).toContainText(`SBI ${a.sbiCode} ${a.sbiOmschrijving}`);
  const [street, town] = lines(DAGOBERT_BRANCH.adressen[0]!.volledigAdres);
  await expect(profile.getByTestId('establishments')).toContainText(`000038509504 ${DAGOBERT.naam} (main branch)`);
  for (const line of [street!, town!])
    await expect(profile.getByTestId('establishments').getByTestId('address')).toContainText(line);

  // 68750110, "Test BV Donald": its visiting address (house number addition "3 A"), not its PO box.
  await popup.keyboard.press('Escape');
  await search(popup, '68750110');
  await expect(popup.getByTestId('company-name')).toHaveText(DONALD.statutaireNaam!);
  await expect(popup.getByTestId('status')).toHaveText('Active');
  await popup.getByRole('button', { name: 'Get more details (paid)' }).click();
  const visiting = lines(DONALD.adressen.find((a) => a.type === 'bezoekadres')!.volledigAdres);
  await expect(popup.getByTestId('profile').getByTestId('activities')).toHaveText(
    `SBI ${DONALD.sbiActiviteiten[0]!.sbiCode} ${DONALD.sbiActiviteiten[0]!.sbiOmschrijving} (main)`,
  );
  for (const line of visiting) await expect(popup.getByTestId('profile').getByTestId('address')).toContainText(line);

  // The card on a page says the same.
  const { page, card } = await openPageWithCard(context, extensionId, pages.url('/card/numbers.html'));
  const donald = await hoverNumber(page, card, '68750110');
  expect(donald.parts['company-name']).toBe(DONALD.statutaireNaam);
  expect(donald.parts.source).toContain('KVK test environment: fictional data');

  // Everything went to the test environment with its public key; nothing to the production path.
  const paths = registry.requestsTo('api.kvk.nl');
  expect(paths.length).toBeGreaterThanOrEqual(5);
  for (const r of paths) {
    expect(r.path).toMatch(/^\/test\/api\//);
    expect(r.credentials).toEqual({ apikey: KVK_TEST_KEY });
  }
});
