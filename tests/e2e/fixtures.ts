import { expect, type BrowserContext, type Worker } from '@playwright/test';
import { launchExtension } from './support/browser';
import { registryTest } from './support/registry-fixtures';

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
export const test = registryTest.extend<TestFixtures>({
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
