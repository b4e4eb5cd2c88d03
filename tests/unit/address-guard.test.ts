import { describe, expect, it } from 'vitest';
import { allowedOrigins, checkRequestAddress } from '../../utils/registry/address-guard';
import { CredentialsSchema } from '../../utils/settings/schema';

const withGateway = CredentialsSchema.parse({
  kvk: { apiKey: 'k', useTestEnvironment: false, baseUrl: 'https://gw.example.com/kvk/api' },
  kbodata: { username: 'u', token: 't', baseUrl: null },
  vies: { requesterVat: '' },
});
const granted = async () => true;
const notGranted = async () => false;

describe('address guard', () => {
  it('allows each service its public origin and its own configured address only', () => {
    expect(allowedOrigins(withGateway, 'kvk')).toEqual(['https://api.kvk.nl', 'https://gw.example.com']);
    expect(allowedOrigins(withGateway, 'kbodata')).toEqual(['https://api.kbodata.app']);
    expect(allowedOrigins(withGateway, 'vies')).toEqual(['https://ec.europa.eu']);
    // KVK's gateway is not the open data's: that goes to opendata.kvk.nl only.
    expect(allowedOrigins(withGateway, 'kvk-open')).toEqual(['https://opendata.kvk.nl']);
  });

  it('sends to the configured address only with its host permission', async () => {
    const url = 'https://gw.example.com/kvk/api/v2/zoeken?kvkNummer=1';
    expect(await checkRequestAddress(withGateway, 'kvk', url, granted)).toBeNull();
    expect(await checkRequestAddress(withGateway, 'kvk', url, notGranted)).toEqual({
      code: 'address-not-allowed',
      service: 'kvk',
      host: 'gw.example.com',
    });
  });

  it('refuses another service’s address, so a key never goes to an origin not set for its service', async () => {
    expect(await checkRequestAddress(withGateway, 'kbodata', 'https://gw.example.com/v1/x', granted)).toMatchObject({
      code: 'address-not-allowed',
      service: 'kbodata',
    });
    expect(await checkRequestAddress(withGateway, 'kvk', 'https://evil.example/x', granted)).toMatchObject({
      code: 'address-not-allowed',
    });
    expect(await checkRequestAddress(withGateway, 'kvk', 'http://gw.example.com/kvk/api', granted)).toMatchObject({
      code: 'address-not-allowed',
    });
  });

  it('public origins need no runtime permission', async () => {
    expect(await checkRequestAddress(withGateway, 'vies', 'https://ec.europa.eu/x', notGranted)).toBeNull();
    expect(await checkRequestAddress(withGateway, 'kvk', 'https://api.kvk.nl/api/x', notGranted)).toBeNull();
    const open = 'https://opendata.kvk.nl/api/v1/hvds/basisbedrijfsgegevens/kvknummer/68750110';
    expect(await checkRequestAddress(withGateway, 'kvk-open', open, notGranted)).toBeNull();
    expect(await checkRequestAddress(withGateway, 'kvk-open', 'https://gw.example.com/x', granted)).toMatchObject({
      code: 'address-not-allowed',
      service: 'kvk-open',
    });
  });

  it('stores only valid, normalised addresses', () => {
    const parsed = CredentialsSchema.parse({
      kvk: { apiKey: '', useTestEnvironment: false, baseUrl: 'https://GW.example.com/kvk/' },
      kbodata: { username: '', token: '', baseUrl: 'https://gw.example.com/../x' },
      vies: {},
    });
    expect(parsed.kvk.baseUrl).toBe('https://gw.example.com/kvk');
    expect(parsed.kbodata.baseUrl).toBeNull();
  });
});
