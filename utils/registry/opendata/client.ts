// KVK open data client: "basisbedrijfsgegevens" and "jaarrekeningen" of one KVK number, free and without a key. Every
// answer is parsed with zod; every failure becomes a typed error. Pacing (about one request a minute) is the
// fetcher's, through the background's per-host queue.
import type { z } from 'zod';
import type { Http, HttpAnswer } from '../../net/http';
import { DEFAULT_BASE_URLS } from '../endpoints';
import { failure, success, type Outcome, type RegistryError } from '../errors';
import { kvkAnswer } from '../kvk/client';
import { AccountsSchema, BasisSchema, type Accounts, type Basis } from './schema';

const service = 'kvk-open';

/**
 * Maps a non-2xx open-data answer to a typed error. 404 is "not in the open data" (BVs and NVs only; IPD0001 for the
 * annual accounts of a company that files none there), not "no such number"; 401/403 means KVK now wants a key.
 */
export function openDataError(answer: HttpAnswer): RegistryError {
  const { code, error } = kvkAnswer(answer, service);
  if (error) return error;
  if (answer.status === 404) return { code: 'not-found', service };
  if (answer.status >= 500) return { code: 'service-unavailable', service, reason: code ?? `HTTP ${answer.status}` };
  return { code: 'malformed-answer', service, status: answer.status };
}

/** The open-data client; `http` is injected (utils/net/http.ts), `baseUrl` only for tests. */
export class OpenDataClient {
  constructor(
    private readonly http: Http,
    private readonly baseUrl: string = DEFAULT_BASE_URLS.kvkOpenData,
  ) {}

  private async get<S extends z.ZodType>(path: string, schema: S): Promise<Outcome<z.infer<S>>> {
    // No key, no cookies: the open data is public (createHttp omits credentials).
    const answer = await this.http(service, this.baseUrl + path, { headers: { accept: 'application/json' } });
    if (!answer.ok) return answer;
    if (answer.value.status < 200 || answer.value.status >= 300) return failure(openDataError(answer.value));
    const parsed = schema.safeParse(answer.value.json);
    if (!parsed.success) return failure({ code: 'malformed-answer', service, status: answer.value.status });
    return success(parsed.data as z.infer<S>);
  }

  /** The basic company data of a BV or NV; `not-found` for every other number. */
  basis(kvkNumber: string): Promise<Outcome<Basis>> {
    return this.get(`/basisbedrijfsgegevens/kvknummer/${encodeURIComponent(kvkNumber)}`, BasisSchema);
  }

  /** The filed annual accounts (adopted, filed as XBRL); `not-found` when there are none in the open data. */
  accounts(kvkNumber: string): Promise<Outcome<Accounts>> {
    return this.get(`/jaarrekeningen/kvknummer/${encodeURIComponent(kvkNumber)}`, AccountsSchema);
  }
}
