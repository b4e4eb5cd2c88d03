// The hover card's behaviour, in the lazily loaded card UI chunk (card-ui.ts creates it for the page's first card):
// shows one card for a number, sends the lookup unless the number fails its check (or the user
// chose "look up on click"), places the card beside the number and closes it on leave (after a short grace), scroll,
// Escape or a click elsewhere.
import type { ScriptContext } from '../page/script-context';
import type { Checksum, IdentifierKind } from '../identifiers/types';
import type { LookupResult } from '../messaging/background-messages';
import { sendMessage } from '../messaging/send';
import { followOpenData } from '../open-data-follow';
import type { HoverEvents } from './hover';
import type { PageScan } from '../page/set-up-page-scan';
import type { Preferences } from '../settings/preferences';
import type { CardActions, CardModel, CardRoot, CardRootFactory } from './card-model';
import type { CardEvent } from '../page/debug-hook';
import { placeCard, type Box } from './position';

/** Whether a card looks a number up as soon as it opens (not for a number whose check fails: no request at all). */
export function looksUpAtOnce(checksum: Checksum, preferences: Preferences): boolean {
  return checksum !== 'invalid' && preferences.lookupTrigger === 'hover';
}

/** How long the card stays after the pointer left the number or the card (time to move onto it). */
export const CLOSE_GRACE_MS = 300;

/** Opens the card; card-ui.ts calls it for every hover intent and context-menu request. */
export interface CardController {
  /**
   * Opens the card beside `at` (null: at the page's selection, for the context menu). `checksum`: the number's own
   * check as the scan (or the background's parser) found it. `early`: the lookup card-ui.ts already sent for this
   * number while the card's root was being created.
   */
  open(
    kind: IdentifierKind,
    value: string,
    checksum: Checksum,
    at: Box | null,
    focus: boolean,
    early?: Promise<LookupResult>,
  ): void;
}

/** Creates the card's root (`createRoot`: its shadow root) and its listeners, and returns the controller. */
export async function createCardController(
  ctx: ScriptContext,
  scan: PageScan,
  hover: HoverEvents,
  events: CardEvent[],
  createRoot: CardRootFactory,
): Promise<CardController> {
  const root: CardRoot = await createRoot(ctx);
  let model: CardModel | undefined;
  let anchor: Box | undefined;
  let generation = 0;
  let closeTimer = 0;
  let pointerInCard = false;
  let focusBefore: Element | null = null;
  /** The model the root shows now (undefined once cleared): an unchanged model is placed again, not re-rendered. */
  let shown: CardModel | undefined;
  /** Stops following the open-data request of the card's number (the request itself goes on in the background). */
  let stopOpenData: (() => void) | undefined;

  const openData = () => {
    if (!model || model.kind !== 'kvk') return;
    stopOpenData?.();
    const value = model.value;
    model = { ...model, openData: 'asking' };
    paint(generation);
    stopOpenData = followOpenData(value, (view) => {
      if (model?.value !== value) return;
      model = { ...model, openData: view };
      paint(generation);
    });
  };
  const stopFollowing = () => {
    stopOpenData?.();
    stopOpenData = undefined;
  };

  const actions: CardActions = {
    onLookup: () => model && lookUp(generation),
    onDetails: () => model && void sendMessage({ type: 'open-details', kind: model.kind, value: model.value }),
    onOpenData: openData,
    onOptions: () => void sendMessage({ type: 'open-options' }),
    onHelp: (anchor) => void sendMessage({ type: 'open-help', anchor }),
    onClose: () => close('button'),
  };

  const paint = (g: number) => {
    if (!model || g !== generation) return;
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
    const card = root.card;
    if (!card || !anchor) return;
    const p = placeCard(anchor, card.offsetWidth, card.offsetHeight, innerWidth, innerHeight);
    card.style.left = `${p.left}px`;
    card.style.top = `${p.top}px`;
    card.dataset.side = p.side;
  };

  const lookUp = (g: number, early?: Promise<LookupResult>) => {
    if (!model) return;
    const { kind, value } = model;
    model = { ...model, lookup: { state: 'loading' } };
    const send = () => sendMessage({ type: 'lookup', kind, value });
    // The request goes out first: rendering the loading state must not delay it. No answer (the browser stopped the
    // service worker mid-lookup): asked once more by itself, which starts a new worker; then "try again".
    (early ?? send())
      .catch((error: unknown) => {
        if (g !== generation || !model) throw error;
        return send();
      })
      .then(
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

  const open: CardController['open'] = (kind, value, checksum, at, focus, early) => {
    const g = ++generation;
    clearTimeout(closeTimer);
    events.push({ type: 'open', value, at: performance.now() });

    const sameNumber = model?.kind === kind && model.value === value;
    anchor = at ?? selectionBox();
    if (!sameNumber || model?.lookup.state === 'failed') {
      stopFollowing();
      model = { kind, value, checksum, lookup: { state: checksum === 'invalid' ? 'skipped' : 'idle' } };
      if (looksUpAtOnce(checksum, scan.preferences)) lookUp(g, early);
    }
    paint(g);
    if (focus) {
      focusBefore ??= document.activeElement;
      root.card?.focus();
    }
  };

  const close = (reason: string) => {
    clearTimeout(closeTimer);
    if (!model) return;
    generation++;
    stopFollowing();
    model = undefined;
    anchor = undefined;
    pointerInCard = false;
    const hadFocus = document.activeElement === root.host;
    root.clear();
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

  hover.onLeave(() => model && closeSoon('leave'));

  const isOurs = (event: Event) => event.composedPath().includes(root.host);
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
      if (!inside && pointerInCard && hover.current?.value !== model.value) closeSoon('leave');
      pointerInCard = inside;
    },
    { capture: true, passive: true },
  );

  return { open };
}

/** The selection's box, or a line near the top middle of the viewport when the selection has none (form fields). */
function selectionBox(): Box {
  const selection = getSelection();
  const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : undefined;
  if (rect && (rect.width > 0 || rect.height > 0)) return rect;
  const x = Math.max(8, innerWidth / 2 - 180);
  return { left: x, right: x, top: 40, bottom: 60 };
}
