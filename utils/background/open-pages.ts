// Background side of the card's buttons: content scripts cannot open extension pages themselves
// (runtime.openOptionsPage is not available to them), so they ask the background, which opens them.
import { browser } from 'wxt/browser';
import type { HelpAnchor } from '../error-messages';
import type { IdentifierKind } from '../identifiers/types';
import { popupHash, type PopupTarget } from '../popup/popup-hash';

/** The popup page's URL for a target (opened in a tab: it works in every browser without a user gesture). */
export function popupUrl(target: PopupTarget): string {
  return browser.runtime.getURL('/popup.html') + popupHash(target);
}

/** Opens the popup's details of one number in a new tab ("More details" in the card). */
export async function openDetails(kind: IdentifierKind, value: string): Promise<{ opened: true }> {
  await browser.tabs.create({ url: popupUrl({ type: 'details', kind, value }) });
  return { opened: true };
}

/** Opens the options page (where the keys are set). */
export async function openOptions(): Promise<{ opened: true }> {
  await browser.runtime.openOptionsPage();
  return { opened: true };
}

/** Opens a section of the help page in a new tab (the card's "How to fix this" under a refused certificate). */
export async function openHelp(anchor: HelpAnchor): Promise<{ opened: true }> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/help.html#${anchor}`) });
  return { opened: true };
}
