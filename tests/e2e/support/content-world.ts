import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { highlightTextsInPage } from './in-page';

/**
 * Reads the content script's isolated world of one frame through CDP (the page cannot see it): the world is the
 * execution context whose origin is chrome-extension://<id> in that frame.
 */
export class ContentWorld {
  private readonly contexts: { id: number; origin: string; frameId: string }[] = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<ContentWorld> {
    const cdp = await context.newCDPSession(page);
    const world = new ContentWorld(cdp, extensionId);
    cdp.on('Runtime.executionContextCreated', (e) =>
      world.contexts.push({
        id: e.context.id,
        origin: e.context.origin,
        frameId: String((e.context.auxData as { frameId?: string } | undefined)?.frameId ?? ''),
      }),
    );
    cdp.on('Runtime.executionContextDestroyed', (e) => {
      const i = world.contexts.findIndex((c) => c.id === e.executionContextId);
      if (i >= 0) world.contexts.splice(i, 1);
    });
    await cdp.send('Runtime.enable');
    return world;
  }

  /** Evaluates `expression` in the content script's world of the frame (default: the top frame); JSON result. */
  async evaluate<T>(expression: string, frameUrlPart?: string): Promise<T> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const frames: { id: string; url: string }[] = [];
    const visit = (t: typeof frameTree) => {
      frames.push({ id: t.frame.id, url: t.frame.url });
      for (const child of t.childFrames ?? []) visit(child);
    };
    visit(frameTree);
    const frame = frameUrlPart ? frames.find((f) => f.url.includes(frameUrlPart)) : frames[0];
    // The newest: the world of an updated extension's old script may still be listed for the frame.
    const ctx = this.contexts.findLast(
      (c) => c.origin === `chrome-extension://${this.extensionId}` && c.frameId === frame?.id,
    );
    if (!ctx) throw new Error(`no content-script world yet in frame ${frame?.url ?? frameUrlPart}`);
    const result = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: ctx.id,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? 'evaluation failed');
    return result.result.value as T;
  }

  /** Waits until the content script of the frame has finished a batch and has no work queued. */
  async settled(frameUrlPart?: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const state = await this.evaluate<{ batches: number; busy: boolean } | null>(
        'globalThis.__companyLens ? { batches: __companyLens.scanner.batches, busy: __companyLens.scanner.isBusy } : null',
        frameUrlPart,
      ).catch(() => null);
      if (state && state.batches > 0 && !state.busy) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the content script did not settle');
  }
}

/** The highlighted texts as the page's main world sees them in the shared registry: { valid: [...], invalid: [...] }. */
export async function highlightedTexts(page: Page, frameUrlPart?: string) {
  const frame = frameUrlPart ? page.frames().find((f) => f.url().includes(frameUrlPart))! : page.mainFrame();
  return frame.evaluate(highlightTextsInPage);
}
