import type { Page } from 'puppeteer-core';
import { clickText, textOf, waitFor } from './dom';
import { openExtensionPage } from './extension-page';
import type { LaunchedFirefox } from './firefox';

/** The options page's service sections, as CSS selectors. */
export const SECTION = {
  kvk: 'section[aria-labelledby=kvk-heading]',
  kbodata: 'section[aria-labelledby=kbodata-heading]',
  vies: 'section[aria-labelledby=vies-heading]',
} as const;

/** Opens the options page in a tab, once its sections are there. */
export async function openOptions(ff: LaunchedFirefox): Promise<Page> {
  const page = await openExtensionPage(ff, '/options.html');
  await (await waitFor(page, () => document.querySelector('#kvk-key'), [])).dispose();
  return page;
}

/** A connection test's outcome as shown: its text, and the error code when it failed. */
export interface TestResult {
  text: string;
  errorCode?: string;
}

/**
 * Clicks a service's "Test connection" (`label`: the button's text in the page's language) and waits for the new
 * result. The result region is watched from before the click, so a previous result is never read as this one.
 */
export async function testConnection(
  page: Page,
  service: keyof typeof SECTION,
  label = 'Test connection',
): Promise<TestResult> {
  const result = `[data-testid=${service}-test-result]`;
  await page.$eval(result, (el) => {
    const region = el as HTMLElement;
    region.dataset.changed = '';
    new MutationObserver((_, observer) => {
      region.dataset.changed = 'yes';
      observer.disconnect();
    }).observe(el, { childList: true, subtree: true, characterData: true });
  });
  await clickText(page, SECTION[service], 'button', label);
  const done = await waitFor(
    page,
    (result: string) => {
      const el = document.querySelector<HTMLElement>(result);
      const running = !el?.textContent || el.querySelector('.cl-ok, .cl-error, .cl-bad') === null;
      return el?.dataset.changed === 'yes' && !running;
    },
    [result],
  );
  await done.dispose();
  const errorCode = await page
    .$eval(`${result} [data-error-code]`, (el) => (el as HTMLElement).dataset.errorCode)
    .catch(() => undefined);
  return { text: (await textOf(page, result)) ?? '', ...(errorCode ? { errorCode } : {}) };
}
