// Where each service is reached, and with which credentials: the ONE place every client takes its base address
// from, so an organisation's own API gateway (a per-service custom base address) plugs in here.
import type { Credentials } from '../settings/schema';
import { REGISTRY_ORIGINS } from '../hosts';

/** KVK's public test key (KVK's developer documentation): the test environment's fictional data, free, no sign-up. */
export const KVK_TEST_KEY = 'l7xx1f2691f2520d487b902f4e0b57a0b197';

/** The public base addresses. */
export const DEFAULT_BASE_URLS = {
  kvkProduction: `${REGISTRY_ORIGINS.kvk}/api`,
  kvkTest: `${REGISTRY_ORIGINS.kvk}/test/api`,
  vies: `${REGISTRY_ORIGINS.vies}/taxation_customs/vies/rest-api`,
  kbodata: `${REGISTRY_ORIGINS.kbodata}/v1`,
  /** KVK's open datasets (high-value datasets, "hvds"): no key, no organisation gateway. */
  kvkOpenData: `${REGISTRY_ORIGINS['kvk-open']}/api/v1/hvds`,
} as const;

/** How to reach KVK: base address, the key to send (`apikey` header), whether it is the test environment. */
export interface KvkEndpoint {
  baseUrl: string;
  apiKey: string;
  test: boolean;
}

/**
 * KVK's endpoint from the credentials, or null when there is no key, no own address and the test environment is off.
 * With an organisation's own address (a gateway that may add the key itself) the key may be empty; the key set here
 * goes only to that address.
 */
export function kvkEndpoint(credentials: Credentials): KvkEndpoint | null {
  const { apiKey, useTestEnvironment, baseUrl } = credentials.kvk;
  if (useTestEnvironment) return { baseUrl: DEFAULT_BASE_URLS.kvkTest, apiKey: KVK_TEST_KEY, test: true };
  if (!apiKey && !baseUrl) return null;
  return { baseUrl: baseUrl ?? DEFAULT_BASE_URLS.kvkProduction, apiKey, test: false };
}

/** How to reach kbodata.app: base address and the basic-auth pair. */
export interface KbodataEndpoint {
  baseUrl: string;
  username: string;
  token: string;
}

/**
 * kbodata.app's endpoint from the credentials, or null when the username or token is missing and no own address is
 * set (a gateway may add the credentials itself).
 */
export function kbodataEndpoint(credentials: Credentials): KbodataEndpoint | null {
  const { username, token, baseUrl } = credentials.kbodata;
  if ((!username || !token) && !baseUrl) return null;
  return { baseUrl: baseUrl ?? DEFAULT_BASE_URLS.kbodata, username, token };
}

/** VIES's endpoint (no key) and the user's own VAT number as requester, when set. */
export function viesEndpoint(credentials: Credentials): { baseUrl: string; requesterVat: string | null } {
  return { baseUrl: DEFAULT_BASE_URLS.vies, requesterVat: credentials.vies.requesterVat || null };
}
