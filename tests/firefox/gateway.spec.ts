import { NL } from '../fixtures/registry/companies';
import { kvkGatewayHandler } from '../fixtures/registry/gateway';
import { KVK_PRODUCTION_KEY } from '../fixtures/registry/keys';
import { RegistryServer } from '../fixtures/registry/server';
import { expect, test } from './fixtures';
import { clickText, fill, textOf } from './support/dom';
import { getStorage, hasPermission } from './support/extension-page';
import { openOptions, SECTION, testConnection } from './support/options';
import { openPopup, search } from './support/popup';

// An organisation's own KVK address on this computer, with a port: http://127.0.0.1:PORT/kvk/api (a plain-HTTP local
// server answering as KVK). Firefox grants only the portless http://127.0.0.1/* for it; the options page must ask
// for that one, the background must check that one, and then every KVK request (and the key) goes there only.

let gateway: RegistryServer;
test.beforeAll(async () => {
  gateway = await RegistryServer.start({ handlers: [kvkGatewayHandler()] });
});
test.afterAll(() => gateway.close());
test.beforeEach(() => gateway.reset());

test('an own address http://127.0.0.1:PORT is saved, granted and used, and the key goes only there', async ({
  ff,
  registry,
  tunnels,
}) => {
  const address = `http://127.0.0.1:${gateway.port}/kvk/api`;
  const page = await openOptions(ff);
  await fill(page, '#kvk-key', KVK_PRODUCTION_KEY);
  await clickText(page, SECTION.kvk, 'button', 'Save');
  await fill(page, '#kvk-gateway', `${address}/`);
  await clickText(page, SECTION.kvk, 'button', 'Use this address');
  await expect.poll(() => textOf(page, '#kvk-gateway-status')).toBe('Saved. Test the connection to check it.');
  expect(await textOf(page, '[data-testid=kvk-gateway-current]')).toContain(`In use: ${address}`);
  expect(await getStorage(page, 'credentials')).toMatchObject({
    kvk: { apiKey: KVK_PRODUCTION_KEY, baseUrl: address },
  });
  expect(await hasPermission(page, 'http://127.0.0.1/*')).toBe(true);

  const result = await testConnection(page, 'kvk');
  expect(result.text).toContain('Connection works: KVK accepted your key.');
  expect(result.text).toContain(`Tested through your organisation’s address: ${address}`);
  expect(gateway.requests.map((r) => r.path)).toEqual([expect.stringMatching(/^\/kvk\/api\/v2\/zoeken\?/)]);

  const popup = await openPopup(ff);
  await search(popup, NL.bv.kvkNummer);
  await expect.poll(() => textOf(popup, '[data-testid=company-name]')).toBe(NL.bv.naam);
  expect(gateway.requests.some((r) => r.path.includes(`kvkNummer=${NL.bv.kvkNummer}`))).toBe(true);

  // The key went only to the gateway; nothing at all went to api.kvk.nl, not even a tunnel.
  expect(gateway.requests.every((r) => r.credentials.apikey === KVK_PRODUCTION_KEY)).toBe(true);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([]);
  expect(registry.requests.filter((r) => r.credentials.apikey)).toEqual([]);
  expect(tunnels.tunnelsTo('api.kvk.nl')).toEqual([]);
});
