// Typed sending on the extension's channels: to the background (content scripts and pages) and to a tab's content
// script (the background, the popup). zod-free: only `import type` from the contracts.
import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, ResponseMap } from './background-messages';
import type { TypedRequest } from './handler-map';

/**
 * Sends one request to the background and resolves with its typed answer. Rejects when the background did not answer
 * (a malformed or unauthorised request is dropped; the extension was reloaded).
 */
export async function sendMessage<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const answer = (await browser.runtime.sendMessage(request)) as ResponseMap[T] | undefined;
  if (answer === undefined || answer === null) throw new Error(`no answer to ${request.type}`);
  return answer;
}

/**
 * Sends one request of a content-script channel (the card's, the page scan's) to a frame of a tab. Resolves with the
 * content script's answer, typed by the channel's response map, or undefined when none answers (no content script
 * there: a browser page, a site it does not run on, not loaded yet).
 */
export async function sendToFrame<Res, Req extends TypedRequest & { type: keyof Res }>(
  tabId: number,
  request: Req,
  frameId = 0,
): Promise<Res[Req['type']] | undefined> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request, { frameId })) ?? undefined) as Res[Req['type']] | undefined;
  } catch {
    return undefined;
  }
}
