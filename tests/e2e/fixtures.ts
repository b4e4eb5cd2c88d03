import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { resolve } from 'node:path';
import { launchExtension } from './support/browser';
import { makeCertificate, type TestCertificate } from './support/certificate';
import { PageServer } from './support/page-server';
import { REGISTRY_HOSTS, RegistryServer } from '../fixtures/registry/server';
import { registryHandlers } from '../fixtures/registry';

interface WorkerFixtures {
  certificate: TestCertificate;
  registry: RegistryServer;
  pages: PageServer;
}

interface TestFixtures {
  /** Browser UI language for the test (`test.use({ uiLocale: 'nl' })`); the extension follows it. */
  uiLocale: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

/**
 * The e2e test API: `context` is Chromium with the production build loaded and the registry hosts served by
 * `registry` (requests recorded, reset before each test); `pages` serves tests/e2e/pages on 127.0.0.1.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  certificate: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => use(makeCertificate([...REGISTRY_HOSTS, 'kvk-gateway.example.test'])),
    { scope: 'worker' },
  ],
  registry: [
    async ({ certificate }, use) => {
      const registry = await RegistryServer.start({ ...certificate, handlers: registryHandlers });
      await use(registry);
      await registry.close();
    },
    { scope: 'worker' },
  ],
  pages: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pages = await PageServer.start(resolve('tests/e2e/pages'));
      await use(pages);
      await pages.close();
    },
    { scope: 'worker' },
  ],
  uiLocale: ['en-US', { option: true }],
  context: async ({ registry, certificate, uiLocale, colorScheme }, use) => {
    registry.reset();
    const launched = await launchExtension({
      registryPort: registry.port,
      trustedSpki: [certificate.spki],
      locale: uiLocale,
      colorScheme: colorScheme === 'dark' ? 'dark' : 'light',
    });
    await use(launched.context);
    await launched.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export { expect };
