import { defineConfig } from '@playwright/test';

// The Firefox e2e suite: Debian's firefox-esr (/usr/bin/firefox-esr) driven over WebDriver BiDi with puppeteer-core,
// the production build in .output/firefox-mv2 installed as a temporary add-on (`npm run test:firefox` builds first).
// Playwright runs it as plain Node tests: its own browsers are never launched.
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.spec.ts',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  reporter: [['list']],
});
