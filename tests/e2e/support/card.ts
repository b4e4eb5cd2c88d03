import { expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { ContentWorld } from './content-world';
import { CENTRE_IN_CARD_SOURCE, highlightBoxInPage, READ_CARD_SOURCE } from './in-page';

/** What a test reads of the card: its state, text, and the text of its marked parts (data-testid → text). */
export interface CardSnapshot {
  state: string;
  text: string;
  parts: Record<string, string>;
  rect: { left: number; top: number; right: number; bottom: number };
  /** The host's shadow root is closed (the page's own scripts cannot open it). */
  pageSeesShadow: boolean;
}

/**
 * Reads the card inside its closed shadow root through CDP (Playwright locators cannot see closed roots):
 * DOM.getDocument with pierce, then Runtime.callFunctionOn on the shadow root.
 */
export class CardReader {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
  ) {}

  static async attach(context: BrowserContext, page: Page): Promise<CardReader> {
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    return new CardReader(cdp, page);
  }

  /** The shadow root's remote object id, or undefined when there is no card host yet. */
  private async shadowRoot(): Promise<string | undefined> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type N = { nodeName: string; backendNodeId: number; children?: N[]; shadowRoots?: N[] };
    const find = (n: N): N | undefined => {
      if (n.nodeName === 'COMPANY-LENS-UI') return n;
      for (const c of n.children ?? []) {
        const f = find(c);
        if (f) return f;
      }
      return undefined;
    };
    const host = find(root as N);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId;
  }

  /** The card now, or null when none is shown. */
  async read(): Promise<CardSnapshot | null> {
    const objectId = await this.shadowRoot();
    if (!objectId) return null;
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      returnByValue: true,
      functionDeclaration: READ_CARD_SOURCE,
    });
    return (result.value as CardSnapshot | null) ?? null;
  }

  /** The centre of an element inside the card (CSS selector), in viewport coordinates, for a real mouse click. */
  async centreOf(selector: string): Promise<{ x: number; y: number }> {
    const objectId = await this.shadowRoot();
    if (!objectId) throw new Error('no card host');
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      returnByValue: true,
      arguments: [{ value: selector }],
      functionDeclaration: CENTRE_IN_CARD_SOURCE,
    });
    if (!result.value) throw new Error(`nothing matches ${selector} in the card`);
    return result.value as { x: number; y: number };
  }

  /** Clicks an element inside the card with the mouse. */
  async click(selector: string): Promise<void> {
    const { x, y } = await this.centreOf(selector);
    await this.page.mouse.click(x, y);
  }
}

/** The centre and box of the highlighted number whose text is `text` (read from the shared highlight registry). */
export async function numberBox(page: Page, text: string) {
  return page.evaluate(highlightBoxInPage, text);
}

/** A page opened with the extension ready on it: its content world and a reader of the card. */
export interface OpenedPage {
  page: Page;
  world: ContentWorld;
  card: CardReader;
}

/**
 * Opens `url` in a 1000 × 700 tab and waits for the content script's first scan and, on a page with highlights, for
 * hover tracking (the card UI chunk that the first highlight loads): a pointer move before it would go unseen.
 */
export async function openPageWithCard(context: BrowserContext, extensionId: string, url: string): Promise<OpenedPage> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  const world = await ContentWorld.attach(context, page, extensionId);
  await page.goto(url);
  await world.settled();
  if (await page.evaluate(() => CSS.highlights.size > 0))
    await expect.poll(() => world.evaluate('typeof globalThis.__companyLensCardUi')).toBe('object');
  return { page, world, card: await CardReader.attach(context, page) };
}

/** Lets `prepare` store settings from an extension page (as the options page does), then opens `url` as above. */
export async function openPrepared(
  context: BrowserContext,
  extensionId: string,
  url: string,
  prepare: (extensionPage: Page) => Promise<void>,
): Promise<OpenedPage> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  await prepare(ext);
  await ext.close();
  return openPageWithCard(context, extensionId, url);
}

/** Rests the real (trusted) pointer on a highlighted number until the card shows `state`; returns the card. */
export async function hoverNumber(page: Page, card: CardReader, text: string, state = 'done'): Promise<CardSnapshot> {
  const box = await numberBox(page, text);
  await page.mouse.move(box.x, box.y);
  await expect.poll(async () => (await card.read())?.state, { timeout: 8000 }).toBe(state);
  return (await card.read())!;
}
