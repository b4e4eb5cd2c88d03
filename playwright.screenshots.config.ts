import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the README's pictures of the popup (tests/screenshots/popup-*.png), taken from the production
// build against the fixture registry. Not part of `npm test`: it asserts nothing that the e2e specs do not.
export default defineConfig({
  testDir: 'tests/screenshots',
  testMatch: '**/*.shots.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
