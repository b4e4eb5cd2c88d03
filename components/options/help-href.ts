// The address of a section of the extension's help page, for links from its own pages.
import { browser } from 'wxt/browser';

/** `chrome-extension://…/help.html#anchor`. */
export const helpHref = (anchor: string): string => browser.runtime.getURL(`/help.html#${anchor}`);
