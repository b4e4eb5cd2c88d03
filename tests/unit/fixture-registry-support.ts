import type { FetchFn } from '../../utils/net/http';
import { answerWith, type FixtureHandler, type FixtureReply } from '../fixtures/registry/server';
import { registryHandlers } from '../fixtures/registry';

// Calls the fixture registry's handlers in-process, as the HTTPS server would, for the fixture-registry unit tests.

/** One request to the fixture registry: full URL, optional method, headers and body. */
export interface Ask {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | object;
}

/** The reply plus its body parsed as JSON when it is JSON. */
export interface Answer extends FixtureReply {
  status: number;
  json: any;
}

/** Sends a request through `handlers` (default: the registry's own) and returns the reply. */
export async function ask(request: Ask, handlers: readonly FixtureHandler[] = registryHandlers): Promise<Answer> {
  const url = new URL(request.url);
  const body = typeof request.body === 'object' ? JSON.stringify(request.body) : (request.body ?? '');
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const reply = await answerWith(handlers, { host: url.hostname, method: request.method ?? 'GET', url, headers, body });
  let json: unknown;
  if (typeof reply.body === 'object') json = JSON.parse(JSON.stringify(reply.body));
  else if (typeof reply.body === 'string') {
    try {
      json = JSON.parse(reply.body);
    } catch {
      json = undefined;
    }
  }
  return { ...reply, status: reply.status ?? 200, json };
}

/**
 * A fetch answered in-process by the fixture registry (`rewrite` may change each URL first), recording the URLs it
 * was called with: the real clients against the fake registry without a server.
 */
export function registryFetch(
  rewrite: (url: string) => string = (u) => u,
  handlers: readonly FixtureHandler[] = registryHandlers,
): FetchFn & { calls: string[] } {
  const calls: string[] = [];
  const fn: FetchFn = async (input, init = {}) => {
    calls.push(input);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const reply = await ask(
      { url: rewrite(input), method: init.method ?? 'GET', headers, body: (init.body as string | undefined) ?? '' },
      handlers,
    );
    const body = typeof reply.body === 'object' ? JSON.stringify(reply.body) : (reply.body ?? '');
    return new Response(body || null, { status: reply.status, headers: reply.headers });
  };
  return Object.assign(fn, { calls });
}
