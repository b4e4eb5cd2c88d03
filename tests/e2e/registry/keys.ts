// Credentials the fixture registry accepts. None of them is a real secret: the KVK test key is public (seed 000).

/** KVK key accepted on the production path `/api/...` only. */
export const KVK_PRODUCTION_KEY = 'fixture-kvk-production-key';

/** KVK's public test key (seed 000), accepted on the test path `/test/api/...` only. */
export const KVK_TEST_KEY = 'l7xx1f2691f2520d487b902f4e0b57a0b197';

/** The kbodata.app user every fixture token belongs to (HTTP basic auth `user:token`). */
export const KBODATA_USER = 'fixture@company-lens.test';

/**
 * kbodata.app tokens, by what they do: `production` works everywhere; `development` works except on
 * `vat-number/verify.json` (401, as documented: production tokens only); `expired` gets 402 on every call (plan
 * ended); `quotaUsedUp` gets 429 on every call. Any other user or token gets 401.
 */
export const KBODATA_TOKENS = {
  production: 'kbo-fixture-production-token',
  development: 'kbo-fixture-development-token',
  expired: 'kbo-fixture-expired-token',
  quotaUsedUp: 'kbo-fixture-quota-token',
} as const;

/** The `Authorization` header value for a kbodata.app user and token. */
export function basicAuth(user: string, token: string): string {
  return `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
}
