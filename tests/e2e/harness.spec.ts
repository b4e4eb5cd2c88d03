import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { KVK_TEST_KEY } from '../fixtures/registry/keys';
import { EXTENSION_DIR, isLoopback, launchExtension, socketsInNetLog, tempNetLogPath } from './support/browser';

test('the production manifest is MV3 with a worker, an all-pages content script, popup, options and registry hosts only', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.background.service_worker).toBeTruthy();
  expect(manifest.content_scripts[0].matches).toEqual(['<all_urls>']);
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.action.default_title).toBe('__MSG_actionTitle__');
  expect(manifest.name).toBe('__MSG_extName__');
  expect(manifest.options_ui.page).toBe('options.html');
  expect([...manifest.host_permissions].sort()).toEqual(
    ['https://api.kbodata.app/*', 'https://api.kvk.nl/*', 'https://ec.europa.eu/*', 'https://opendata.kvk.nl/*'].sort(),
  );
  expect(manifest.browser_specific_settings).toBeUndefined();
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>.*host_permissions|unsafe-eval|https?:\/\/[^"]*\.js/);
});

test('the popup and the options page open and show their localised text', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Company Lens');
  await expect(popup).toHaveTitle('Company Lens');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Company Lens settings');
});

test('the content script runs on a local page', async ({ context, pages, extensionId }) => {
  const page = await context.newPage();
  await page.goto(pages.url('/hello.html'));
  const cdp = await context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => origins.push(e.context.origin));
  await cdp.send('Runtime.enable');
  await expect.poll(() => origins).toContain(`chrome-extension://${extensionId}`);
});

test('a request from the service worker to api.kvk.nl reaches the local fixture registry', async ({
  serviceWorker,
  registry,
}) => {
  const status = await serviceWorker.evaluate(async (apikey) => {
    const res = await fetch('https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=68750110', { headers: { apikey } });
    return res.status;
  }, KVK_TEST_KEY);
  expect(status).toBe(200);
  expect(registry.requestsTo('api.kvk.nl')).toEqual([
    expect.objectContaining({
      method: 'GET',
      path: '/test/api/v2/zoeken?kvkNummer=68750110',
      credentials: { apikey: KVK_TEST_KEY },
    }),
  ]);
});

test('no socket sends anything outside loopback', async ({ registry, certificate, pages }) => {
  const netLogPath = tempNetLogPath();
  const launched = await launchExtension({ registryPort: registry.port, trustedSpki: [certificate.spki], netLogPath });
  try {
    const page = await launched.context.newPage();
    await page.goto(pages.url('/hello.html'));
    const outcome = await launched.serviceWorker.evaluate(async () => {
      const kvk = await fetch('https://api.kvk.nl/api/v2/zoeken?kvkNummer=1').then((r) => r.status);
      const elsewhere = await fetch('https://example.com/').then(
        (r) => `answered ${r.status}`,
        (e: unknown) => `failed: ${String(e)}`,
      );
      return { kvk, elsewhere };
    });
    expect(outcome.kvk).toBe(401); // no key
    expect(outcome.elsewhere).toMatch(/^failed/);
  } finally {
    await launched.close();
  }
  const sockets = socketsInNetLog(netLogPath);
  expect(sockets).toContainEqual({ protocol: 'tcp', remote: `127.0.0.1:${registry.port}`, bytesSent: true });
  // TCP connects send a SYN; UDP sockets count only when they sent a datagram.
  expect(sockets.filter((s) => s.bytesSent && !isLoopback(s.remote))).toEqual([]);
});
