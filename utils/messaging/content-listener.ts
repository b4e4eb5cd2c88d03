// The receiving end of a channel in a content script (the card's and the page scan's contracts): only this extension's
// messages that the contract's guard accepts reach a handler; everything else is left for other listeners. Answers
// through `sendResponse`, not a returned Promise: the content script runs on the browsers' own APIs, without
// webextension-polyfill (see wxt.config.ts). The listener goes when the content script is invalidated.
import { browser } from 'wxt/browser';
import type { ScriptContext } from '../page/script-context';
import type { SyncHandlerMap, TypedRequest } from './handler-map';

/**
 * Answers one channel's requests with its handler map until the content script is invalidated. The content script's
 * handlers answer at once (what it knows is in memory), so the answer goes back in the same turn.
 */
export function answerInContentScript<Req extends TypedRequest, Res extends { [T in Req['type']]: unknown }>(
  ctx: ScriptContext,
  accepts: (message: unknown) => message is Req,
  handlers: SyncHandlerMap<Req, Res>,
): void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id === browser.runtime.id && accepts(message))
      sendResponse((handlers[message.type as Req['type']] as (r: Req) => unknown)(message));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
