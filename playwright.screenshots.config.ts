import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: pictures of the extension's pages for the README (tests/screenshots/*.png). Not part of
// `npm test`: the main config only runs *.spec.ts.
export default defineConfig({
  ...base,
  testMatch: '**/*.screenshots.ts',
  workers: 2,
});
