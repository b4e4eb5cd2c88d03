// KVK client: Zoeken v2 (free), Basisprofiel and Vestigingsprofiel v1 (paid). Every answer is parsed with zod; every
// failure becomes a typed error. The key goes only in the `apikey` header to the endpoint's own host.
import type { z } from 'zod';
import type { KvkEndpoint } from '../endpoints';
import { failure, success, type Outcome, type RegistryError } from '../errors';
import type { Http, HttpAnswer } from '../../net/http';
import { BasisprofielSchema, KvkErrorSchema, VestigingSchema, ZoekenSchema } from './schema';

/** KVK codes for "temporarily unavailable, try again in about 5 minutes": `service-unavailable`, retried. */
export const KVK_TEMPORARY_CODES = ['IPD1002', 'IPD1003'];
/**
 * KVK codes for "no such registration / nothing to deliver": `not-found`. IPD0004, IPD0006 and IPD0010 say a number
 * is "niet valide" (HTTP 400): KVK knows no such number, which is what the user needs to hear.
 */
export const KVK_NOT_FOUND_CODES = ['IPD0001', 'IPD0004', 'IPD0005', 'IPD0006', 'IPD0007', 'IPD0010', 'IPD5200'];
/** KVK codes for a parameter it does not accept (a fault of ours or of a gateway): `request-rejected`, not retried. */
export const KVK_REQUEST_CODES = ['IPD1998', 'IPD1999', 'IPD5203'];

/**
 * What every KVK API (Zoeken, the profiles, the open data) answers alike: its code from the body (`IPD…`, when there
 * is one) and, where the answer says it by itself, the typed error: 401/403 a rejected key, 429 a rate limit (with
 * `Retry-After`), a temporary code "unavailable, try again".
 */
export function kvkAnswer(
  answer: HttpAnswer,
  service: 'kvk' | 'kvk-open',
): { code: string | undefined; error: RegistryError | undefined } {
  const parsed = KvkErrorSchema.safeParse(answer.json);
  const code = parsed.success ? parsed.data : undefined;
  if (answer.status === 401 || answer.status === 403)
    return { code, error: { code: 'key-rejected', service, status: answer.status } };
  if (answer.status === 429) {
    const retry = answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {};
    return { code, error: { code: 'rate-limited', service, ...retry } };
  }
  if (code && KVK_TEMPORARY_CODES.includes(code))
    return { code, error: { code: 'service-unavailable', service, reason: code } };
  return { code, error: undefined };
}

/**
 * Maps a non-2xx KVK answer to a typed error: what kvkAnswer says; then by KVK's code (the lists above); a 5xx is
 * `service-unavailable` with its code (IPD9999) or status; a 404 with a JSON body but no code `not-found`; anything
 * else `malformed-answer`.
 */
export function kvkError(answer: HttpAnswer): RegistryError {
  const service = 'kvk';
  const { code, error } = kvkAnswer(answer, service);
  if (error) return error;
  if (code && KVK_NOT_FOUND_CODES.includes(code)) return { code: 'not-found', service };
  if (code && KVK_REQUEST_CODES.includes(code)) return { code: 'request-rejected', service, reason: code };
  if (answer.status >= 500) return { code: 'service-unavailable', service, reason: code ?? `HTTP ${answer.status}` };
  if (answer.status === 404 && code === undefined && answer.json !== undefined) return { code: 'not-found', service };
  return { code: 'malformed-answer', service, status: answer.status };
}

/** The KVK client; `http` is injected (utils/net/http.ts). */
export class KvkClient {
  constructor(private readonly http: Http) {}

  private async get<S extends z.ZodType>(endpoint: KvkEndpoint, path: string, schema: S): Promise<Outcome<z.infer<S>>> {
    const answer = await this.http('kvk', endpoint.baseUrl + path, {
      // No key with an organisation's gateway that adds it itself.
      headers: { ...(endpoint.apiKey ? { apikey: endpoint.apiKey } : {}), accept: 'application/json' },
    });
    if (!answer.ok) return answer;
    if (answer.value.status < 200 || answer.value.status >= 300) return failure(kvkError(answer.value));
    const parsed = schema.safeParse(answer.value.json);
    if (!parsed.success) return failure({ code: 'malformed-answer', service: 'kvk', status: answer.value.status });
    return success(parsed.data as z.infer<S>);
  }

  /** Zoeken v2 with the given parameters (free). No results is `not-found`. */
  async zoeken(endpoint: KvkEndpoint, params: Record<string, string>): Promise<Outcome<z.infer<typeof ZoekenSchema>>> {
    const query = new URLSearchParams(params).toString();
    const outcome = await this.get(endpoint, `/v2/zoeken?${query}`, ZoekenSchema);
    if (outcome.ok && outcome.value.resultaten.length === 0) return failure({ code: 'not-found', service: 'kvk' });
    return outcome;
  }

  /** Basisprofiel v1 of a KVK number (paid). */
  basisprofiel(endpoint: KvkEndpoint, kvkNummer: string): Promise<Outcome<z.infer<typeof BasisprofielSchema>>> {
    return this.get(endpoint, `/v1/basisprofielen/${encodeURIComponent(kvkNummer)}`, BasisprofielSchema);
  }

  /** Vestigingsprofiel v1 of a vestigingsnummer (paid). */
  vestigingsprofiel(
    endpoint: KvkEndpoint,
    vestigingsnummer: string,
  ): Promise<Outcome<z.infer<typeof VestigingSchema>>> {
    return this.get(endpoint, `/v1/vestigingsprofielen/${encodeURIComponent(vestigingsnummer)}`, VestigingSchema);
  }
}
