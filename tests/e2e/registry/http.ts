import type { FixtureReply, FixtureRequest } from '../support/registry-server';

// Small helpers the fixture handlers share.

/** A JSON reply with a status. */
export function json(status: number, body: object, headers: Record<string, string> = {}): FixtureReply {
  return { status, body, headers: { 'content-type': 'application/json', ...headers } };
}

/** The request's query parameter names, each once. */
export function queryNames(req: FixtureRequest): string[] {
  return [...new Set(req.url.searchParams.keys())];
}

/** Parses a JSON request body, or returns undefined when it is not JSON. */
export function parseJsonBody(req: FixtureRequest): unknown {
  try {
    return JSON.parse(req.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Lower case with single spaces, accents kept: KVK's strict name match ("Cooperatie" does not find "Coöperatie"). */
export function foldCase(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lower case without accents or repeated spaces, for name comparisons. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
