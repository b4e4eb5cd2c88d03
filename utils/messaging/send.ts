// Typed messaging for the content script and the extension pages. zod-free: only `import type` from the protocol.
import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, ResponseMap } from './background-messages';

/**
 * Sends one request to the background and resolves with its typed answer. Rejects when the background did not answer
 * (a malformed or unauthorised request is dropped; the extension was reloaded).
 */
export async function sendMessage<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  const answer = (await browser.runtime.sendMessage(request)) as ResponseMap[T] | undefined;
  if (answer === undefined || answer === null) throw new Error(`no answer to ${request.type}`);
  return answer;
}
