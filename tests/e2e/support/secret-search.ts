import type { CDPSession } from '@playwright/test';

/**
 * Source of a function, run inside a page or content-script world, that looks for any of `needles` in the world's
 * reachable state: globals and what they reference (breadth-first, bounded), the DOM as HTML (open shadow roots
 * included), web storage and cookies. Returns where each needle was found, and how many values it looked at.
 */
export const SEARCH_WORLD_SOURCE = `(needles) => {
  const found = [];
  const seen = new Set();
  const queue = [[globalThis, 'globalThis', 0]];
  let visited = 0;
  const check = (text, where) => {
    for (const n of needles) if (text.includes(n)) found.push(where);
  };
  while (queue.length && visited < 50000) {
    const [value, path, depth] = queue.shift();
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') { visited++; check(value, path); continue; }
    if (typeof value !== 'object' && typeof value !== 'function') continue;
    if (seen.has(value)) continue;
    seen.add(value);
    visited++;
    if (depth >= 4 || value instanceof Node) continue;
    let names = [];
    try { names = Object.getOwnPropertyNames(value); } catch { continue; }
    for (const name of names) {
      let child;
      try {
        const d = Object.getOwnPropertyDescriptor(value, name);
        if (!d || !('value' in d)) continue; // no getters: they may have side effects
        child = d.value;
      } catch { continue; }
      queue.push([child, path + '.' + name, depth + 1]);
    }
    if (value instanceof Map || value instanceof Set) for (const v of value.values()) queue.push([v, path + '[entry]', depth + 1]);
  }
  const html = [document.documentElement.outerHTML];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) html.push(el.shadowRoot.innerHTML);
  check(html.join('\\n'), 'DOM');
  try { check(JSON.stringify({ ...localStorage }), 'localStorage'); } catch {}
  try { check(JSON.stringify({ ...sessionStorage }), 'sessionStorage'); } catch {}
  try { check(document.cookie, 'cookie'); } catch {}
  return { found, visited };
}`;

/** The execution contexts of a page as CDP reports them (main world and each extension's isolated world). */
export async function executionContexts(
  session: CDPSession,
): Promise<{ id: number; name: string; origin: string; type: string }[]> {
  const contexts: { id: number; name: string; origin: string; type: string }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) =>
    contexts.push({
      id: context.id,
      name: context.name,
      origin: context.origin,
      type: (context.auxData as { type?: string } | undefined)?.type ?? '',
    }),
  );
  await session.send('Runtime.enable');
  return contexts;
}

/** Runs SEARCH_WORLD_SOURCE in one execution context. */
export async function searchWorld(
  session: CDPSession,
  contextId: number,
  needles: string[],
): Promise<{ found: string[]; visited: number }> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: `(${SEARCH_WORLD_SOURCE})(${JSON.stringify(needles)})`,
    contextId,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`search failed: ${exceptionDetails.text}`);
  return result.value as { found: string[]; visited: number };
}
