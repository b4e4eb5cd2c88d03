// The card's home in the page: one closed shadow root (WXT createShadowRootUi), created on first use and then kept, so
// the host is the only node the extension ever adds to a page (added once, never removed and re-added).
import { render, h } from 'preact';
import { asWxtContext, type ScriptContext } from '../../utils/page/script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import companyCss from '../company/company.css?inline';
import paletteCss from '../palette.css?inline';
import cardCss from './card.css?inline';
import type { CardRoot } from '../../utils/card/card-model';
import { HoverCard } from './hover-card';

/** The host element's name: the page scanner never reads inside it. */
export const CARD_HOST_NAME = 'company-lens-ui';

/** Creates and mounts the shadow root (once per content script). */
export async function createCardRoot(ctx: ScriptContext): Promise<CardRoot> {
  const ui = await createShadowRootUi<HTMLElement>(asWxtContext(ctx), {
    name: CARD_HOST_NAME,
    mode: 'closed',
    position: 'inline',
    anchor: () => document.body ?? document.documentElement,
    append: 'last',
    css: (paletteCss + '\n' + companyCss).replaceAll(':root', ':host') + '\n' + cardCss,
    // Keys typed in the card (Tab, Enter on a button) do not reach the page's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: (container) => container,
  });
  ui.mount();
  const container = ui.mounted!;
  return {
    host: ui.shadowHost,
    get card() {
      return container.querySelector<HTMLElement>('.cl-card');
    },
    show(model, actions) {
      render(h(HoverCard, { model, actions }), container);
    },
    clear() {
      render(null, container);
    },
  };
}
