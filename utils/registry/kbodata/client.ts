// kbodata.app v1 client (HTTP basic auth user:token, only ever to the endpoint's own host). Every answer is parsed
// with zod; statuses map to typed errors: 401 key rejected, 402 plan expired, 429 monthly quota used up (never retried).
import { z } from 'zod';
import type { KbodataEndpoint } from '../endpoints';
import { failure, success, type Outcome, type RegistryError } from '../errors';
import type { Http, HttpAnswer } from '../../net/http';
import {
  envelope,
  KboActivitySchema,
  KboDenominationHitSchema,
  KboEnterpriseSchema,
  KboEstablishmentSchema,
  KboMeSchema,
} from './schema';

/** Maps a non-2xx kbodata answer to a typed error. */
export function kbodataError(answer: HttpAnswer): RegistryError {
  const service = 'kbodata';
  switch (answer.status) {
    case 401:
    case 403:
      return { code: 'key-rejected', service, status: answer.status };
    case 402:
      return { code: 'plan-ended', service, reason: 'plan-expired' };
    case 429:
      return { code: 'plan-ended', service, reason: 'quota-used-up' };
    case 404:
      return { code: 'not-found', service };
  }
  if (answer.status >= 500) return { code: 'service-unavailable', service, reason: `HTTP ${answer.status}` };
  return { code: 'malformed-answer', service, status: answer.status };
}

/** `Basic base64(user:token)`, UTF-8 safe. */
export function basicAuthorization(username: string, token: string): string {
  const bytes = new TextEncoder().encode(`${username}:${token}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** The kbodata.app client; `http` is injected (utils/net/http.ts). */
export class KbodataClient {
  constructor(private readonly http: Http) {}

  private async get<S extends z.ZodType>(
    endpoint: KbodataEndpoint,
    path: string,
    params: Record<string, string>,
    data: S,
  ): Promise<Outcome<z.infer<S>>> {
    const url = `${endpoint.baseUrl}/${path}${Object.keys(params).length ? `?${new URLSearchParams(params)}` : ''}`;
    const answer = await this.http('kbodata', url, {
      headers: {
        // No credentials with an organisation's gateway that adds them itself.
        ...(endpoint.username && endpoint.token
          ? { authorization: basicAuthorization(endpoint.username, endpoint.token) }
          : {}),
        accept: 'application/json',
      },
    });
    if (!answer.ok) return answer;
    if (answer.value.status < 200 || answer.value.status >= 300) return failure(kbodataError(answer.value));
    const parsed = envelope(data).safeParse(answer.value.json);
    if (!parsed.success) return failure({ code: 'malformed-answer', service: 'kbodata', status: answer.value.status });
    return success((parsed.data as { data: z.infer<S> }).data);
  }

  /** `enterprise/get.json`. */
  enterprise(endpoint: KbodataEndpoint, enterpriseNumber: string) {
    return this.get(endpoint, 'enterprise/get.json', { enterpriseNumber }, KboEnterpriseSchema);
  }

  /** `establishment/get.json`. */
  establishment(endpoint: KbodataEndpoint, establishmentNumber: string) {
    return this.get(endpoint, 'establishment/get.json', { establishmentNumber }, KboEstablishmentSchema);
  }

  /** `activity/get-list.json` of an enterprise or establishment. */
  activities(endpoint: KbodataEndpoint, entityNumber: string) {
    return this.get(endpoint, 'activity/get-list.json', { entityNumber }, z.array(KboActivitySchema));
  }

  /** `denomination/search.json` by keywords. */
  searchDenominations(endpoint: KbodataEndpoint, query: string) {
    return this.get(endpoint, 'denomination/search.json', { query }, z.array(KboDenominationHitSchema));
  }

  /** `authorization/me.json`: the plan and the token's kind. */
  me(endpoint: KbodataEndpoint) {
    return this.get(endpoint, 'authorization/me.json', {}, KboMeSchema);
  }
}
