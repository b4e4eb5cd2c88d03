import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { RequestOf, RequestType, ResponseMap } from '../../../utils/messaging/background-messages';
import { credentialsValue, type CredentialsInput } from './credentials';

/** The extension APIs these helpers use inside extension pages (evaluated in the browser). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void> } };
};

/** An extension page (popup.html) to send messages and write storage from, as the popup and options page do. */
export async function openExtensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/** Sends one protocol message from `page` and returns the background's answer. */
export function send<T extends RequestType>(page: Page, request: RequestOf<T>): Promise<ResponseMap[T]> {
  return page.evaluate((r) => chrome.runtime.sendMessage(r), request) as Promise<ResponseMap[T]>;
}

/** Sends anything from `page`; resolves `{ answered: false }` when the background drops it. */
export function sendRaw(page: Page, message: unknown): Promise<{ answered: boolean; answer?: unknown }> {
  return page.evaluate(async (m) => {
    try {
      const answer = await chrome.runtime.sendMessage(m);
      return answer === undefined ? { answered: false } : { answered: true, answer };
    } catch {
      return { answered: false };
    }
  }, message);
}

/** Writes the `local:credentials` settings item (storage key `credentials`) as the options page would. */
export async function setCredentials(page: Page, credentials: CredentialsInput): Promise<void> {
  await page.evaluate((v) => chrome.storage.local.set({ credentials: v }), credentialsValue(credentials));
}

/**
 * Stops every service worker of the browser through CDP (`ServiceWorker.stopAllWorkers` on a page's session) and
 * waits until Chromium reports it stopped. The next message starts a fresh worker (new globals, new memory).
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => statuses.push(...e.versions.map((v) => v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Seen stopped (a message sent meanwhile may already have started the next worker).
  for (let i = 0; i < 100 && !statuses.includes('stopped'); i++) await page.waitForTimeout(50);
  if (!statuses.includes('stopped')) throw new Error(`service worker did not stop: ${statuses.join(',')}`);
  await cdp.detach();
}
