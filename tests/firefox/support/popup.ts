import type { Page } from 'puppeteer-core';
import { navigateExtension } from './extension-page';
import { bidi, contextId, type LaunchedFirefox } from './firefox';

/** Opens popup.html in a tab, 400 px wide like the toolbar popup (BiDi cannot open the real one). */
export async function openPopup(ff: LaunchedFirefox, hash = ''): Promise<Page> {
  const page = await ff.firefox.newPage();
  // BiDi's own command: puppeteer's setViewport also sends emulation.setScreenOrientationOverride, which Firefox 140
  // does not know.
  await bidi(ff.firefox, 'browsingContext.setViewport', {
    context: contextId(page),
    viewport: { width: 400, height: 600 },
  });
  return navigateExtension(ff, page, `/popup.html${hash}`);
}

/** Types into the popup's search box and submits with Enter (the keyboard path). */
export async function search(popup: Page, text: string): Promise<void> {
  await popup.$eval('#cl-search-input', (el) => ((el as HTMLInputElement).value = ''));
  await popup.type('#cl-search-input', text);
  await popup.keyboard.press('Enter');
}

/** The shown VAT verdict (`valid`, `invalid`, `unavailable`), or null when there is none. */
export function vatVerdict(popup: Page): Promise<string | null> {
  return popup
    .$eval('[data-testid=vat-verdict]', (el) => (el as HTMLElement).dataset.verdict ?? null)
    .catch(() => null);
}
