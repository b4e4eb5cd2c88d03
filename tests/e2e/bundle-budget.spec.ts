// The content script runs in every frame of every page: its size in the production build stays within its budget.
// (No browser: it reads the build that `npm run test:e2e` has just made.)
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './support/browser';

/** The content script's budget, gzipped (its manifest CSS included). */
const CONTENT_SCRIPT_BUDGET_BYTES = 15 * 1024;

test('the content script stays within its gzipped budget', () => {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const files = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f));
  expect(files).toContain('content.js');
  const gzipped = files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  test.info().annotations.push({ type: 'content script, gzipped', description: `${gzipped} bytes` });
  expect(gzipped).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
});
