// The hover card's glue in the content script: opens one card on hover intent (or when the background asks, from the
// context menu), sends the lookup unless the number fails its check (or the user chose "look up on click"), places
// the card beside the number and closes it on leave (after a short grace), scroll, Escape or a click elsewhere.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardActions, CardModel } from '../../components/card/hover-card';
import type { CardRoot } from '../../components/card/card-root';
import { checkIdentifier } from '../identifiers/check-one';
import type { IdentifierKind } from '../identifiers/types';
import { sendMessage } from '../messaging/send';
import type { PageScan } from '../page/set-up-page-scan';
import { isOpenCardRequest, type OpenCardResponse } from './card-messages';
import { placeCard, type Box } from './position';

/** How long the card stays after the pointer left the number or the card (time to move onto it). */
export const CLOSE_GRACE_MS = 300;

/** What the card records for the benchmark and the e2e tests (on the content script's isolated-world global). */
export interface CardEvent {
  /** `answer`: the lookup's answer reached the content script (before it is rendered). */
  type: 'open' | 'answer' | 'painted' | 'close';
  value?: string;
  state?: string;
  reason?: string;
  at: number;
}

/** Loads the card's UI (Preact + shadow root); a function so the UI can move to a lazily loaded chunk. */
export type CardRootLoader = (ctx: ContentScriptContext) => Promise<CardRoot>;

/** Wires the card to the page scan's hover events and to the background's "open the card" request. */
export function setUpCard(ctx: ContentScriptContext, scan: PageScan, loadRoot: CardRootLoader): CardEvent[] {
  const events: CardEvent[] = [];
  let rootPromise: Promise<CardRoot> | undefined;
  let root: CardRoot | undefined;
  let model: CardModel | undefined;
  let anchor: Box | undefined;
  let generation = 0;
  let closeTimer = 0;
  let pointerInCard = false;
  let focusBefore: Element | null = null;
  /** The model the root shows now (undefined once cleared): an unchanged model is placed again, not re-rendered. */
  let shown: CardModel | undefined;

  const getRoot = () => (rootPromise ??= loadRoot(ctx).then((r) => (root = r)));

  const actions: CardActions = {
    onLookup: () => model && lookUp(generation),
    onDetails: () => model && void sendMessage({ type: 'open-details', kind: model.kind, value: model.value }),
    onOptions: () => void sendMessage({ type: 'open-options' }),
    onHelp: (anchor) => void sendMessage({ type: 'open-help', anchor }),
    onClose: () => close('button'),
  };

  const paint = (g: number) => {
    if (!root || !model || g !== generation) return;
    if (shown === model) return place();
    root.show(model, actions);
    shown = model;
    place();
    const state = model.lookup.state;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () =>
        events.push({ type: 'painted', state, value: model?.value, at: performance.now() });
      channel.port2.postMessage(null);
    });
  };

  const place = () => {
    const card = root?.card;
    if (!card || !anchor) return;
    const p = placeCard(anchor, card.offsetWidth, card.offsetHeight, innerWidth, innerHeight);
    card.style.left = `${p.left}px`;
    card.style.top = `${p.top}px`;
    card.dataset.side = p.side;
  };

  const lookUp = (g: number) => {
    if (!model) return;
    const { kind, value } = model;
    model = { ...model, lookup: { state: 'loading' } };
    // The request goes out first: rendering the loading state must not delay it.
    sendMessage({ type: 'lookup', kind, value }).then(
      (result) => {
        if (g !== generation || !model) return;
        events.push({ type: 'answer', value, at: performance.now() });
        model = { ...model, lookup: { state: 'done', result } };
        paint(g);
      },
      () => {
        if (g !== generation || !model) return;
        model = { ...model, lookup: { state: 'failed' } };
        paint(g);
      },
    );
    paint(g);
  };

  const open = async (kind: IdentifierKind, value: string, at: Box, focus: boolean) => {
    const g = ++generation;
    clearTimeout(closeTimer);
    events.push({ type: 'open', value, at: performance.now() });
    const invalid = checkIdentifier(kind, value) === 'invalid';
    const sameNumber = model?.kind === kind && model.value === value;
    anchor = at;
    if (!sameNumber || model?.lookup.state === 'failed') {
      model = { kind, value, invalid, lookup: { state: invalid ? 'skipped' : 'idle' } };
      if (!invalid && scan.preferences.lookupTrigger === 'hover') lookUp(g);
    }
    await getRoot();
    if (g !== generation) return;
    paint(g);
    if (focus) {
      focusBefore ??= document.activeElement;
      root?.card?.focus();
    }
  };

  const close = (reason: string) => {
    clearTimeout(closeTimer);
    if (!model) return;
    generation++;
    model = undefined;
    anchor = undefined;
    pointerInCard = false;
    const hadFocus = root && document.activeElement === root.host;
    root?.clear();
    shown = undefined;
    events.push({ type: 'close', reason, at: performance.now() });
    if (focusBefore || hadFocus) {
      const back = focusBefore;
      focusBefore = null;
      if (back instanceof HTMLElement || back instanceof SVGElement) back.focus({ preventScroll: true });
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
  };

  const closeSoon = (reason: string) => {
    clearTimeout(closeTimer);
    closeTimer = ctx.setTimeout(() => !pointerInCard && close(reason), CLOSE_GRACE_MS);
  };

  scan.hover.onHoverIntent((match, rect) => void open(match.kind, match.value, rect, false));
  scan.hover.onLeave(() => model && closeSoon('leave'));

  const isOurs = (event: Event) => !!root && event.composedPath().includes(root.host);
  ctx.addEventListener(
    window,
    'keydown',
    (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && model) {
        e.stopPropagation();
        close('escape');
      }
    },
    { capture: true },
  );
  ctx.addEventListener(window, 'scroll', (e) => model && !isOurs(e) && close('scroll'), {
    capture: true,
    passive: true,
  });
  ctx.addEventListener(window, 'resize', () => model && close('resize'), { passive: true });
  ctx.addEventListener(window, 'pointerdown', (e) => model && !isOurs(e) && close('outside'), { capture: true });
  ctx.addEventListener(
    window,
    'pointerover',
    (e) => {
      if (!model) return;
      const inside = isOurs(e);
      if (inside && !pointerInCard) clearTimeout(closeTimer);
      if (!inside && pointerInCard && scan.hover.current?.value !== model.value) closeSoon('leave');
      pointerInCard = inside;
    },
    { capture: true, passive: true },
  );

  // The context menu: the background asks this frame to open the card at the selection.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isOpenCardRequest(message)) return;
    const answer: OpenCardResponse = { opened: scan.scanner.isActive };
    if (answer.opened) void open(message.kind, message.value, selectionBox(), true);
    sendResponse(answer);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // For the benchmark and the e2e tests, next to the page scan's figures (isolated world: the page cannot see it).
  const hook = (globalThis as Record<string, unknown>).__companyLens as Record<string, unknown> | undefined;
  if (hook) hook.cardEvents = events;
  return events;
}

/** The selection's box, or a line near the top middle of the viewport when the selection has none (form fields). */
function selectionBox(): Box {
  const selection = getSelection();
  const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : undefined;
  if (rect && (rect.width > 0 || rect.height > 0)) return rect;
  const x = Math.max(8, innerWidth / 2 - 180);
  return { left: x, right: x, top: 40, bottom: 60 };
}
