import { defineConfig } from '@playwright/test';

// E2E tests drive Debian's Chromium (/usr/bin/chromium) with the production build in .output/chrome-mv3.
// `npm run test:e2e` builds first; the registry hosts are served by a local fixture server (tests/e2e/support).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
