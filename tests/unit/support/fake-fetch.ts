import type { FetchFn } from '../../../utils/net/http';

/** One answer of the fake fetch: a status and body (objects are sent as JSON), or `throw` for a network failure. */
export type FakeAnswer = { status?: number; body?: unknown; headers?: Record<string, string> } | { throw: true };

/** A recorded call. */
export interface FakeCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that answers from `route` and records every call (url, method, headers, body). */
export function fakeFetch(route: (url: URL, call: FakeCall) => FakeAnswer): FetchFn & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const fn = async (input: string, init: RequestInit = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const call: FakeCall = { url: input, method: init.method ?? 'GET', headers, body: init.body as string | undefined };
    calls.push(call);
    const answer = route(new URL(input), call);
    if ('throw' in answer) throw new TypeError('Failed to fetch');
    const body =
      typeof answer.body === 'string' || answer.body === undefined ? answer.body : JSON.stringify(answer.body);
    return new Response(body ?? null, { status: answer.status ?? 200, headers: answer.headers });
  };
  return Object.assign(fn, { calls });
}
