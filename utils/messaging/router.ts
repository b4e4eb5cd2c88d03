// The background's single entry for messages: checks who is asking, validates the request with zod, and dispatches
// it to its handler. Anything unknown, malformed or not allowed for the sender is dropped: no answer, no throw.
import { browser } from 'wxt/browser';
import {
  CONTENT_SCRIPT_ONLY,
  CONTENT_SCRIPT_REQUESTS,
  RequestSchema,
  type Request,
  type ResponseMap,
} from './background-messages';
import { dispatch, type HandlerMap } from './handler-map';

/** What the router needs to know of a sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** One handler per request type of the background's channel; each is given the sender. */
export type Handlers = HandlerMap<Request, ResponseMap, SenderInfo>;

/** Who sent a message: one of our pages, one of our content scripts, or someone we do not answer. */
export type SenderRole = 'page' | 'content-script' | 'refused';

/** Classifies a sender. `ownId` is runtime.id; `ownOrigin` is our extension origin (`chrome-extension://<id>`). */
export function senderRole(sender: SenderInfo, ownId: string, ownOrigin: string): SenderRole {
  if (!sender || sender.id !== ownId) return 'refused';
  const fromOwnOrigin = typeof sender.url === 'string' && originOf(sender.url) === ownOrigin;
  if (fromOwnOrigin) return 'page';
  if (sender.tab) return 'content-script';
  return 'refused';
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/**
 * Validates and dispatches one message. Returns the answer's promise, or undefined when the message is dropped (the
 * caller then does not answer). Handler failures are logged without the request's content and answered with nothing.
 */
export function routeMessage(
  message: unknown,
  sender: SenderInfo,
  handlers: Handlers,
  own: { id: string; origin: string },
): Promise<unknown> | undefined {
  const role = senderRole(sender, own.id, own.origin);
  if (role === 'refused') return undefined;
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  if (role === 'content-script' && !CONTENT_SCRIPT_REQUESTS.includes(request.type)) return undefined;
  if (role === 'page' && CONTENT_SCRIPT_ONLY.includes(request.type)) return undefined;
  const fail = (error: unknown) => {
    console.error(`Company Lens: ${request.type} failed:`, error instanceof Error ? error.name : 'error');
    return undefined;
  };
  try {
    return Promise.resolve(dispatch(handlers, request, sender)).catch(fail);
  } catch (error) {
    return Promise.resolve(fail(error));
  }
}

/** Registers the router on runtime.onMessage (the only message listener of the background). */
export function setUpRouter(handlers: Handlers): void {
  const own = { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('/')) ?? '' };
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) =>
    routeMessage(message, sender, handlers, own),
  );
}
