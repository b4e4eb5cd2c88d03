import type { Page } from 'puppeteer-core';
import type { CardSnapshot } from '../../e2e/support/card';
import {
  CENTRE_IN_CARD_SOURCE,
  highlightBoxInPage,
  highlightTextsInPage,
  READ_CARD_SOURCE,
} from '../../e2e/support/in-page';
import { bidi, contextId, type LaunchedFirefox } from './firefox';

export type { CardSnapshot };

/** The highlighted texts as the page's own realm sees them in the shared registry. */
export function highlightedTexts(page: Page): Promise<{ valid: string[]; invalid: string[] }> {
  return page.evaluate(highlightTextsInPage);
}

/** Waits until the content script has painted at least `count` highlights (valid and invalid together). */
export async function waitForHighlights(page: Page, count = 1): Promise<{ valid: string[]; invalid: string[] }> {
  for (let i = 0; i < 200; i++) {
    const shown = await highlightedTexts(page);
    if (shown.valid.length + shown.invalid.length >= count) return shown;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${count} highlights: ${JSON.stringify(await highlightedTexts(page))}`);
}

/** The box of the highlighted number whose text is `text`, in viewport coordinates. */
export function numberBox(page: Page, text: string) {
  return page.evaluate(highlightBoxInPage, text);
}

/** The mutations the page's own observer recorded (tests/e2e/pages/scan/mutation-counter.js). */
export function pageMutations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
}

/** A BiDi remote value as far as these helpers read it. */
interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

/**
 * The hover card, read inside its closed shadow root: BiDi script.evaluate serialises closed roots with
 * `includeShadowTree: 'all'`, and the root's sharedId goes back to script.callFunction as `this`.
 */
export class CardReader {
  constructor(
    private readonly ff: LaunchedFirefox,
    private readonly page: Page,
  ) {}

  /** The card now, or null when none is shown. */
  async read(): Promise<CardSnapshot | null> {
    return (await this.inShadowRoot<CardSnapshot>(READ_CARD_SOURCE)) ?? null;
  }

  /** Waits for the card to show `state` (default: answered) and returns it. */
  async waitFor(state = 'done', timeoutMs = 8_000): Promise<CardSnapshot> {
    const end = Date.now() + timeoutMs;
    let last: CardSnapshot | null = null;
    while (Date.now() < end) {
      last = await this.read();
      if (last?.state === state) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the card did not reach "${state}": ${JSON.stringify(last)}`);
  }

  /** Waits until no card is shown. */
  async waitForClosed(timeoutMs = 5_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (!(await this.read())) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the card stayed open');
  }

  /** Clicks an element inside the card (CSS selector) with the real mouse. */
  async click(selector: string): Promise<void> {
    const centre = await this.inShadowRoot<{ x: number; y: number }>(CENTRE_IN_CARD_SOURCE, selector);
    if (!centre) throw new Error(`nothing matches ${selector} in the card`);
    await this.page.mouse.click(centre.x, centre.y);
  }

  /** Calls `fn` with the card host's shadow root as `this` (JSON result); undefined when there is no host yet. */
  private async inShadowRoot<T>(fn: string, ...args: string[]): Promise<T | null | undefined> {
    const target = { context: contextId(this.page) };
    const found = await bidi<{ result: RemoteValue }>(this.ff.firefox, 'script.evaluate', {
      expression: `document.querySelector('company-lens-ui')`,
      target,
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const shadow = (found.result.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot;
    if (!shadow?.sharedId) return undefined;
    const called = await bidi<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>(
      this.ff.firefox,
      'script.callFunction',
      {
        functionDeclaration: `function (...args) { return JSON.stringify((${fn}).apply(this, args)); }`,
        this: { sharedId: shadow.sharedId },
        arguments: args.map((value) => ({ type: 'string', value })),
        target,
        awaitPromise: false,
      },
    );
    if (called.type === 'exception') throw new Error(`in the card's shadow root: ${called.exceptionDetails?.text}`);
    return JSON.parse(called.result?.value as string) as T | null;
  }
}

/** Rests the pointer on a highlighted number (BiDi input.performActions) until the card shows it in `state`. */
export async function hover(ff: LaunchedFirefox, page: Page, text: string, state = 'done'): Promise<CardSnapshot> {
  const box = await numberBox(page, text);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  return new CardReader(ff, page).waitFor(state);
}
