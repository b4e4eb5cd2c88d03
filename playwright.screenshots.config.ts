import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the README's pictures (tests/screenshots/*.png), taken from the production build against the
// fixture registry. Not part of `npm test` (the main config only runs *.spec.ts): they assert nothing the specs do not.
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.screenshots.ts', 'screenshots/**/*.shots.ts'],
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
