// happy-dom marks no event as trusted (its `isTrusted` is undefined): the content script ignores such events, as it
// ignores those a page dispatches. Tests that stand for the user's own input mark theirs as the browser would.

/** `event`, marked as the browser's own (isTrusted true). */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
