// Hover on highlighted numbers, found by hit-testing (the page has no elements of ours to listen on).
//
// The API the card uses:
//   const hover = setUpHover(ctx, document, index, scanner.shadowRoots);
//   hover.onHoverIntent((match, anchor) => …)  // the pointer rested ≥ HOVER_INTENT_MS on `match`; `anchor` is the
//                                              // client rect (viewport coordinates) of the line box under the pointer
//   hover.onLeave(() => …)                     // the pointer left the match that had a hover intent (or it vanished)
//   hover.current                              // the match the pointer is on now, or null
// Both registration functions return an unsubscribe function. Leave fires once per intent, always after it.
//
// An intent (and so a lookup) comes only from the user's own pointer: a trusted pointermove that moved the pointer
// onto the number, which is still under the pointer when the dwell ends. Events a page dispatches are ignored, and
// text that scrolls or moves under a still pointer can end a hover but never start one, so a page cannot make the
// extension send requests (and spend the user's paid queries) by itself.
import type { FoundMatch } from '../page/block-scanner';
import type { MatchIndex } from '../page/match-index';

/** How long the pointer must rest on a match before the card opens. */
export const HOVER_INTENT_MS = 250;

/** A match under the pointer: what the card needs (kind, canonical value, checksum, and its live Range). */
export type HoveredMatch = Pick<FoundMatch, 'kind' | 'value' | 'checksum' | 'range'>;

export type HoverIntentListener = (match: HoveredMatch, anchor: DOMRect) => void;
export type LeaveListener = () => void;

/** The subset of the content script's context the tracker uses (timers and listeners die with the context). */
export interface HoverContext {
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  setTimeout(handler: () => void, ms: number): number;
  requestAnimationFrame(callback: FrameRequestCallback): number;
}

/** Hover events for the card, see the comment at the top of this file. */
export interface HoverEvents {
  onHoverIntent(listener: HoverIntentListener): () => void;
  onLeave(listener: LeaveListener): () => void;
  readonly current: HoveredMatch | null;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text node under a viewport point, through open shadow roots where the browser allows it. */
export function textNodeAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]): Node | null {
  const d = doc as CaretDoc;
  if (d.caretPositionFromPoint) {
    return (
      d.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots: [...shadowRoots] } : undefined)?.offsetNode ??
      null
    );
  }
  return d.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
}

/** The match under a viewport point: the caret's text node, then the match's own client rects (the caret snaps). */
export function hitTest(
  doc: Document,
  index: MatchIndex,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): { match: FoundMatch; rect: DOMRect } | null {
  const node = textNodeAt(doc, x, y, shadowRoots);
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const candidates = index.matchesAt(node);
  if (!candidates) return null;
  for (const match of candidates) {
    for (const rect of match.range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return { match, rect };
    }
  }
  return null;
}

/**
 * Tracks the pointer and emits hover-intent and leave events. Pointer moves are only recorded (two numbers) and
 * hit-tested once per animation frame; on a page without matches a move does nothing at all.
 */
export function setUpHover(
  ctx: HoverContext,
  doc: Document,
  index: MatchIndex,
  shadowRoots: ReadonlySet<ShadowRoot>,
): HoverEvents {
  const intentListeners = new Set<HoverIntentListener>();
  const leaveListeners = new Set<LeaveListener>();
  let x = Number.NaN; // no move seen yet
  let y = Number.NaN;
  let framePending = false;
  /** A trusted pointer move arrived since the last frame. */
  let pointerMoved = false;
  let current: FoundMatch | null = null;
  let currentRect: DOMRect | null = null;
  let intentShown = false;
  let timerId = 0;
  const roots: ShadowRoot[] = [];

  const leave = () => {
    timerId++; // cancels a pending dwell timer
    const shown = intentShown;
    current = null;
    currentRect = null;
    intentShown = false;
    if (shown) for (const l of leaveListeners) l();
  };

  const hitNow = () => {
    if (roots.length !== shadowRoots.size) roots.splice(0, roots.length, ...shadowRoots);
    return hitTest(doc, index, x, y, roots);
  };

  const frame = () => {
    framePending = false;
    const moved = pointerMoved;
    pointerMoved = false;
    if (index.isEmpty) {
      if (current) leave();
      return;
    }
    const hit = hitNow();
    if (hit?.match === current) {
      if (hit) currentRect = hit.rect;
      return;
    }
    if (current) leave();
    // Text that scrolled (or moved) under a still pointer: no intent until the user moves the pointer on it.
    if (!hit || !moved) return;
    current = hit.match;
    currentRect = hit.rect;
    const id = ++timerId;
    ctx.setTimeout(() => {
      if (id !== timerId || !current || !current.range.startContainer.isConnected) return;
      // Still under the pointer: the page may have moved the number away meanwhile.
      const still = hitNow();
      if (still?.match !== current) return leave();
      currentRect = still.rect;
      intentShown = true;
      for (const l of intentListeners) l(current, currentRect);
    }, HOVER_INTENT_MS);
  };

  const requestFrame = () => {
    if (framePending) return;
    framePending = true;
    ctx.requestAnimationFrame(frame);
  };

  const onMove = (event: Event) => {
    const e = event as PointerEvent;
    // Only the user's own pointer, and only when it moved (browsers may repeat a move at the same spot).
    if (!e.isTrusted || (index.isEmpty && !current) || (e.clientX === x && e.clientY === y)) return;
    x = e.clientX;
    y = e.clientY;
    pointerMoved = true;
    requestFrame();
  };

  const win = doc.defaultView ?? window;
  ctx.addEventListener(win, 'pointermove', onMove, { capture: true, passive: true });
  // Scrolling moves text under a still pointer.
  ctx.addEventListener(win, 'scroll', () => current && requestFrame(), { capture: true, passive: true });
  ctx.addEventListener(doc.documentElement, 'pointerleave', () => current && leave(), { passive: true });
  ctx.addEventListener(win, 'blur', () => current && leave());

  return {
    onHoverIntent(listener) {
      intentListeners.add(listener);
      return () => intentListeners.delete(listener);
    },
    onLeave(listener) {
      leaveListeners.add(listener);
      return () => leaveListeners.delete(listener);
    },
    get current() {
      return current;
    },
  };
}
