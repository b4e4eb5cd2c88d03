import { test as base } from '@playwright/test';
import { resolve } from 'node:path';
import { registryHandlers } from '../../fixtures/registry';
import { makeCertificate, type TestCertificate } from './certificate';
import { PageServer } from './page-server';
import { REGISTRY_HOSTS, RegistryServer } from '../../fixtures/registry/server';

/** The local servers one worker of either e2e suite shares: the fixture registry, its certificate, the test pages. */
export interface RegistryWorkerFixtures {
  certificate: TestCertificate;
  registry: RegistryServer;
  pages: PageServer;
}

/**
 * Playwright's `test` with the worker's local servers: `registry` answers as KVK, VIES and kbodata.app (recorded
 * requests; the browser fixtures reset it before each test) with `certificate`, made for the registry hosts and an
 * organisation's gateway name; `pages` serves tests/e2e/pages on 127.0.0.1. The Chromium and Firefox fixtures extend it.
 */
export const registryTest = base.extend<object, RegistryWorkerFixtures>({
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
});
