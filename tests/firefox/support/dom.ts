import type { ElementHandle, Page } from 'puppeteer-core';

/** The trimmed text of the first element matching `selector`, or null when there is none. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((selector) => document.querySelector(selector)?.textContent?.trim() ?? null, selector);
}

/** The first `tag` element inside `scope` (CSS selectors) whose text is `text` (trimmed), waiting for it. */
export async function byText(page: Page, scope: string, tag: string, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (scope, tag, text) =>
      [...document.querySelectorAll(`${scope} ${tag}`)].find((el) => el.textContent?.trim() === text),
    { timeout: 8_000 },
    scope,
    tag,
    text,
  );
  return handle as ElementHandle<Element>;
}

/** Clicks, with the real mouse (a user gesture), the `tag` inside `scope` whose text is `text`. */
export async function clickText(page: Page, scope: string, tag: string, text: string): Promise<void> {
  await (await byText(page, scope, tag, text)).click();
}

/** Replaces an input's value by typing `value` into it (each key an input event, as a user types). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type(selector, value);
}
