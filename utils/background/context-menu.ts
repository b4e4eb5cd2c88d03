// The context menu "Look up with Company Lens" on a text selection (background). The selection goes through the
// identifier engine's single-value parser; a number opens the card in the frame where it was selected, or — where no
// card can be placed (pages content scripts cannot run on, a site switched off) — the popup's details in a tab. Text
// that is not a number opens the popup's name search in a tab, which says why.
import { browser } from 'wxt/browser';
import { checkIdentifier } from '../identifiers/check-one';
import { parseIdentifier } from '../identifiers/parse-one';
import { t } from '../i18n';
import { OPEN_CARD, type CardResponses, type OpenCardRequest } from '../messaging/card-messages';
import { sendToFrame } from '../messaging/send';
import { popupUrl } from './open-pages';

/** The menu item's id. */
export const LOOKUP_MENU_ID = 'company-lens-lookup';

/** What happened to one click: for the e2e tests (the native menu cannot be clicked from a test). */
export type MenuOutcome = 'card' | 'details-tab' | 'search-tab';

/** Handles one click on the menu item: `selectionText`, and the tab and frame it was made in. */
export async function lookUpSelection(
  selectionText: string,
  tab: { id?: number } | undefined,
  frameId = 0,
): Promise<MenuOutcome> {
  const parsed = parseIdentifier(selectionText);
  if (!parsed.ok) {
    const target = { type: 'search', query: selectionText.trim().slice(0, 200), reason: parsed.reason } as const;
    await browser.tabs.create({ url: popupUrl(target) });
    return 'search-tab';
  }
  if (tab?.id !== undefined && tab.id >= 0) {
    const checksum = checkIdentifier(parsed.kind, parsed.value) === 'valid' ? 'valid' : 'none';
    const request: OpenCardRequest = { type: OPEN_CARD, kind: parsed.kind, value: parsed.value, checksum };
    const answer = await sendToFrame<CardResponses, OpenCardRequest>(tab.id, request, frameId);
    if (answer?.opened) return 'card';
  }
  await browser.tabs.create({ url: popupUrl({ type: 'details', kind: parsed.kind, value: parsed.value }) });
  return 'details-tab';
}

/** Creates the menu item on install/update and answers its clicks. */
export function setUpContextMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: LOOKUP_MENU_ID, title: t('cardContextMenu'), contexts: ['selection'] });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return;
    void lookUpSelection(info.selectionText, tab, info.frameId ?? 0);
  });
  // For the e2e tests: the service worker's own global (no page can reach it).
  (globalThis as Record<string, unknown>).__companyLensLookUpSelection = lookUpSelection;
}
