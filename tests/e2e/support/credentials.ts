import { KBODATA_TOKENS, KBODATA_USER, KVK_PRODUCTION_KEY } from '../../fixtures/registry/keys';

/** The `local:credentials` item in full (storage key `credentials`), fields left out taking the defaults. */
export interface CredentialsInput {
  kvk?: { apiKey?: string; useTestEnvironment?: boolean; baseUrl?: string | null };
  kbodata?: { username?: string; token?: string; baseUrl?: string | null };
  vies?: { requesterVat?: string };
}

/** Stored credentials in the short form tests write them. */
export interface TestCredentials {
  kvkKey?: string;
  kvkTest?: boolean;
  kbodataToken?: string;
  requesterVat?: string;
}

/** Every service set up with the fixture registry's production credentials. */
export const ALL_KEYS: TestCredentials = { kvkKey: KVK_PRODUCTION_KEY, kbodataToken: KBODATA_TOKENS.production };

/** The value the options page stores under `credentials`, for either browser's suite to write. */
export function credentialsValue(input: CredentialsInput) {
  return {
    kvk: { apiKey: '', useTestEnvironment: false, baseUrl: null, ...input.kvk },
    kbodata: { username: '', token: '', baseUrl: null, ...input.kbodata },
    vies: { requesterVat: '', ...input.vies },
  };
}

/** The short form in full (a kbodata token always belongs to the fixture user). */
export function fromShortForm(c: TestCredentials): CredentialsInput {
  return {
    kvk: { apiKey: c.kvkKey ?? '', useTestEnvironment: c.kvkTest ?? false },
    kbodata: { username: c.kbodataToken ? KBODATA_USER : '', token: c.kbodataToken ?? '' },
    vies: { requesterVat: c.requesterVat ?? '' },
  };
}
