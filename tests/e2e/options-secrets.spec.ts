import { expect, test } from './fixtures';
import { BE, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';
import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './support/browser';
import { highlightedTexts } from './support/content-world';
import { executionContexts, searchWorld } from './support/secret-search';

/** The extension API inside page.evaluate on an extension page (Chromium). */
declare const chrome: any;

// The stored secrets (KVK key, kbodata token) are entered on the options page, used for every kind of request, and
// then looked for everywhere they must never be: the content script's isolated world, the web page, every console
// message, every request to another host.

const SECRETS = [KVK_PRODUCTION_KEY, KBODATA_TOKENS.production];
/** Each secret's own host: the only host it may be sent to. */
const OWN_HOST: Record<string, string> = {
  [KVK_PRODUCTION_KEY]: 'api.kvk.nl',
  [KBODATA_TOKENS.production]: 'api.kbodata.app',
};
const basicAuth = `Basic ${Buffer.from(`${KBODATA_USER}:${KBODATA_TOKENS.production}`).toString('base64')}`;

test('the stored API keys appear in no content script, page, console message or request to another host', async ({
  context,
  extensionId,
  serviceWorker,
  registry,
  pages,
}) => {
  // Every console message of every page, the service worker and (through CDP, all worlds) the web page.
  const consoleTexts: string[] = [];
  context.on('console', (m) => consoleTexts.push(m.text()));
  serviceWorker.on('console', (m) => consoleTexts.push(m.text()));
  // Every request the browser makes for the extension and its pages (service worker included): URL, headers, body.
  const browserRequests: { host: string; url: string; headers: string; body: string }[] = [];
  context.on('request', (r) =>
    browserRequests.push({
      host: new URL(r.url()).hostname,
      url: r.url(),
      headers: JSON.stringify(r.headers()),
      body: r.postData() ?? '',
    }),
  );

  // Enter the secrets through the options page and use each service once.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('KVK API key', { exact: true }).fill(KVK_PRODUCTION_KEY);
  await options.getByRole('region', { name: /^KVK/ }).getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('kvk-test-result')).toContainText('Connection works');
  await options.getByLabel('Username').fill(KBODATA_USER);
  await options.getByLabel('Access token', { exact: true }).fill(KBODATA_TOKENS.production);
  await options
    .getByRole('region', { name: /^kbodata/ })
    .getByRole('button', { name: 'Test connection' })
    .click();
  await expect(options.getByTestId('kbodata-test-result')).toContainText('Connection works');
  await options.getByLabel('Your own VAT number').fill(fullVatNumber(VAT.de));
  await options.getByRole('region', { name: /^VIES/ }).getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('vies-test-result')).toContainText('Connection works');
  const stored = await options.evaluate(async () => (await chrome.storage.local.get('credentials')).credentials);
  expect(stored).toMatchObject({ kvk: { apiKey: KVK_PRODUCTION_KEY }, kbodata: { token: KBODATA_TOKENS.production } });
  // A paid KVK profile and a failing lookup too (errors must not carry the key either). The failure is a 404 (a number
  // KVK does not know), not a 5xx: Chromium throttles an extension's requests to a path after repeated 5xx answers,
  // which would make the KVK lookup below depend on timing.
  await options.evaluate(
    (value) => chrome.runtime.sendMessage({ type: 'details', kind: 'kvk', value }),
    NL.bv.kvkNummer,
  );
  const failed = await options.evaluate(
    (value) => chrome.runtime.sendMessage({ type: 'lookup', kind: 'kvk', value }),
    '12345678',
  );
  expect(failed).toMatchObject({ company: { ok: false } });

  // A web page with numbers; the content script's isolated world asks for lookups of each service.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const contexts = await executionContexts(cdp);
  cdp.on('Runtime.consoleAPICalled', (e) =>
    consoleTexts.push(e.args.map((a) => JSON.stringify(a.value ?? a.description ?? '')).join(' ')),
  );
  cdp.on('Runtime.exceptionThrown', (e) => consoleTexts.push(JSON.stringify(e.exceptionDetails)));
  await page.goto(pages.url('/options-secrets.html'));
  await expect.poll(() => contexts.filter((c) => c.origin === `chrome-extension://${extensionId}`).length).toBe(1);
  const isolated = contexts.find((c) => c.origin === `chrome-extension://${extensionId}`)!;
  // The scanner has read the page and holds its state (highlights, the match index) in that world.
  await expect.poll(async () => (await highlightedTexts(page)).valid.length).toBeGreaterThan(0);
  expect(isolated.type).toBe('isolated');
  const main = contexts.filter((c) => c.type === 'default' && c.origin === pages.origin).at(-1)!;
  expect(main).toBeDefined();

  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `Promise.all([
      chrome.runtime.sendMessage({ type: 'lookup', kind: 'kvk', value: ${JSON.stringify(NL.nv.kvkNummer)} }),
      chrome.runtime.sendMessage({ type: 'lookup', kind: 'kbo', value: ${JSON.stringify(BE.nv.enterpriseNumber)} }),
      chrome.runtime.sendMessage({ type: 'lookup', kind: 'vat', value: ${JSON.stringify(fullVatNumber(VAT.fr))} }),
    ]).then((answers) => { globalThis.__answers = answers; return answers; })`,
  });
  const answers = result.value as { company?: { ok: boolean } }[];
  expect(answers.map((a) => a.company?.ok)).toEqual([true, true, true]);
  // Registry requests happened to every service, each with its own credentials.
  for (const host of ['api.kvk.nl', 'api.kbodata.app', 'ec.europa.eu'])
    expect(registry.requestsTo(host).length, host).toBeGreaterThan(0);

  // The content script's world: globals (including the answers it just got) and the DOM it can see.
  const inIsolated = await searchWorld(cdp, isolated.id, SECRETS);
  expect(inIsolated.visited).toBeGreaterThan(100);
  expect(inIsolated.found).toEqual([]);
  // The page's own world, its HTML, storage and cookies.
  const inMain = await searchWorld(cdp, main.id, SECRETS);
  expect(inMain.found).toEqual([]);
  const html = await page.content();
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  // The options page shows masks only.
  for (const secret of SECRETS) expect(await options.content()).not.toContain(secret);

  // The content script's code never names the credentials item (it reads only `preferences`).
  const contentScript = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
  expect(contentScript).not.toContain('credentials');

  // No console message anywhere carries a secret.
  expect(consoleTexts.filter((text) => SECRETS.some((s) => text.includes(s)) || text.includes(basicAuth))).toEqual([]);

  // Each secret goes only to its own host, in its header, never in a URL or a body.
  expect(registry.requests.length).toBeGreaterThan(0);
  for (const r of registry.requests) {
    if (r.credentials.apikey !== undefined) expect(r.host).toBe('api.kvk.nl');
    if (r.credentials.authorization !== undefined) {
      expect(r.host).toBe('api.kbodata.app');
      expect(r.credentials.authorization).toBe(basicAuth);
    }
    for (const secret of SECRETS) {
      expect(`${r.path}\n${r.body}`).not.toContain(secret);
      if (OWN_HOST[secret] !== r.host) expect(JSON.stringify(r.credentials)).not.toContain(secret);
    }
  }
  expect(registry.requestsTo('api.kvk.nl').some((r) => r.credentials.apikey === KVK_PRODUCTION_KEY)).toBe(true);
  expect(registry.requestsTo('api.kbodata.app').some((r) => r.credentials.authorization === basicAuth)).toBe(true);
  // The browser's own record of every request agrees: a secret only in the headers of a request to its own host.
  expect(browserRequests.some((r) => r.host === 'api.kvk.nl')).toBe(true);
  for (const r of browserRequests)
    for (const secret of SECRETS) {
      expect(`${r.url}\n${r.body}`, r.url).not.toContain(secret);
      if (OWN_HOST[secret] !== r.host) expect(r.headers, r.url).not.toContain(secret);
    }
});
