import { expect } from '@playwright/test';
import { rmSync } from 'node:fs';
import { registryTest } from '../e2e/support/registry-fixtures';
import { REGISTRY_HOSTS } from '../fixtures/registry/server';
import { ConnectProxy } from './support/connect-proxy';
import { launchFirefox, makeProfileTemplate, type LaunchedFirefox } from './support/firefox';

interface WorkerFixtures {
  /** The CONNECT proxy Firefox reaches everything off loopback through (routes reset before each test). */
  tunnels: ConnectProxy;
  /** A used Firefox profile each test's profile is copied from (support/firefox.ts, makeProfileTemplate). */
  profileTemplate: string;
}

interface TestFixtures {
  /** Firefox's UI language for the test (`test.use({ uiLocale: 'nl' })`); the extension follows it. */
  uiLocale: string;
  /** The registry hosts whose certificate Firefox accepts (default: all of them); others stay untrusted. */
  trustedHosts: readonly string[];
  /** The errors the test expects the extension to log (matched on the text); any other fails the test. */
  expectedErrors: RegExp | null;
  /** Firefox with the production build installed, its traffic to the registry hosts tunnelled to `registry`. */
  ff: LaunchedFirefox;
}

/**
 * The Firefox e2e API, on the same local servers as the Chromium suite (tests/e2e/support/registry-fixtures.ts):
 * `ff` is firefox-esr with the production build as a temporary add-on, reaching the registry hosts through `tunnels`
 * (each tunnel logged); `registry` records requests (reset before each test); `pages` serves tests/e2e/pages. A test
 * fails when the extension logs an error it did not expect.
 */
export const test = registryTest.extend<TestFixtures, WorkerFixtures>({
  tunnels: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const tunnels = await ConnectProxy.start();
      await use(tunnels);
      await tunnels.close();
    },
    { scope: 'worker' },
  ],
  profileTemplate: [
    async ({ tunnels }, use) => {
      const template = await makeProfileTemplate(tunnels.port);
      await use(template);
      rmSync(template, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  uiLocale: ['en-US', { option: true }],
  trustedHosts: [REGISTRY_HOSTS, { option: true }],
  expectedErrors: [null, { option: true }],
  ff: async (
    { registry, tunnels, profileTemplate, certificate, uiLocale, trustedHosts, expectedErrors },
    use,
    testInfo,
  ) => {
    registry.reset();
    tunnels.reset();
    for (const host of REGISTRY_HOSTS) tunnels.route(host, registry.port);
    const ff = await launchFirefox({
      template: profileTemplate,
      proxyPort: tunnels.port,
      trusted: trustedHosts.map((host) => ({ host, cert: certificate.cert })),
      locale: uiLocale,
    });
    try {
      await use(ff);
    } finally {
      await ff.close();
    }
    await testInfo.attach('firefox-log', { body: ff.log.text(), contentType: 'text/plain' });
    const unexpected = ff.log.extensionErrors().filter((e) => !expectedErrors?.test(e.text));
    expect(unexpected, 'errors the extension logged').toEqual([]);
  },
});

export { expect };
