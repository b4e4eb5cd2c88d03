import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';

/** The trimmed text of the first element matching `selector`, or null when there is none. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((selector) => document.querySelector(selector)?.textContent?.trim() ?? null, selector);
}

/**
 * Evaluates `fn` in the page every 100 ms until it gives a truthy value, and returns that value's handle. Not
 * page.waitForFunction: puppeteer builds its predicate with `Function()`, which an extension page's CSP refuses in
 * Firefox 140; `evaluateHandle` goes through BiDi's script.callFunction, which the CSP does not govern.
 */
export async function waitFor<A extends unknown[], R>(
  page: Page,
  fn: (...args: A) => R,
  args: A,
  timeoutMs = 8_000,
): Promise<JSHandle<R>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const handle = (await page.evaluateHandle(fn as never, ...(args as unknown as never[]))) as JSHandle<R>;
    if (await handle.evaluate((value) => Boolean(value))) return handle;
    await handle.dispose();
    if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms in ${page.url()} for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first `tag` element inside `scope` (CSS selectors) whose text is `text` (trimmed), waiting for it. */
export async function byText(page: Page, scope: string, tag: string, text: string): Promise<ElementHandle<Element>> {
  const handle = await waitFor(
    page,
    (scope: string, tag: string, text: string) =>
      [...document.querySelectorAll(`${scope} ${tag}`)].find((el) => el.textContent?.trim() === text),
    [scope, tag, text],
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
