// Connection tests for the options page: one cheap request per service with the stored credentials, not cached and
// not counted; the answer says what worked (KVK environment, VIES availability, kbodata plan) or the typed error.
import type { ConnectionInfo, TestConnectionResponse } from './responses';
import type { Http } from '../net/http';
import type { Credentials } from '../settings/schema';
import { DEFAULT_BASE_URLS, kbodataEndpoint, kvkEndpoint, viesEndpoint } from './endpoints';
import type { Outcome, TestedService } from './errors';
import { KbodataClient } from './kbodata/client';
import { KvkClient } from './kvk/client';
import { ViesClient } from './vies/client';

const answer = (o: Outcome<ConnectionInfo>): TestConnectionResponse =>
  o.ok ? { ok: true, info: o.value } : { ok: false, error: o.error };

/**
 * KVK: a free Zoeken by KVK number (any answer but 401/403/5xx/network proves the key; "not found" is fine).
 * VIES: `check-status`. kbodata.app: `authorization/me.json` (plan, development token, expiry).
 */
export async function testConnection(
  http: Http,
  credentials: Credentials,
  service: TestedService,
): Promise<TestConnectionResponse> {
  if (service === 'kvk') {
    const kvk = kvkEndpoint(credentials);
    if (!kvk) return { ok: false, error: { code: 'no-key', service } };
    const o = await new KvkClient(http).zoeken(kvk, { kvkNummer: '68750110' });
    if (!o.ok && o.error.code !== 'not-found') return { ok: false, error: o.error };
    const address = kvk.baseUrl === DEFAULT_BASE_URLS.kvkProduction || kvk.test ? {} : { address: kvk.baseUrl };
    return { ok: true, info: { service, environment: kvk.test ? 'test' : 'production', ...address } };
  }
  if (service === 'vies') {
    const o = await new ViesClient(http).status(viesEndpoint(credentials).baseUrl);
    if (!o.ok) return o;
    return answer({
      ok: true,
      value: {
        service,
        available: o.value.vow?.available ?? true,
        // Only "Unavailable": a state whose monitoring VIES has disabled may answer checks fine.
        unavailableMemberStates: o.value.countries
          .filter((c) => c.availability === 'Unavailable')
          .map((c) => c.countryCode),
      },
    });
  }
  const kbo = kbodataEndpoint(credentials);
  if (!kbo) return { ok: false, error: { code: 'no-key', service } };
  const o = await new KbodataClient(http).me(kbo);
  if (!o.ok) return o;
  const me = o.value;
  return answer({
    ok: true,
    value: {
      service,
      plan: me.customer.planDescription ?? '',
      username: me.customer.username,
      development: me.accessToken.isDevelopment ?? false,
      ...(me.accessToken.dateExpiration ? { expires: me.accessToken.dateExpiration } : {}),
      ...(kbo.baseUrl === DEFAULT_BASE_URLS.kbodata ? {} : { address: kbo.baseUrl }),
    },
  });
}
