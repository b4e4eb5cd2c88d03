import { describe, expect, it, vi } from 'vitest';
import { createHttp } from '../../utils/net/http';
import { kbodataEndpoint, kvkEndpoint } from '../../utils/registry/endpoints';
import { CredentialsSchema } from '../../utils/settings/schema';

describe('createHttp with the request guard and the failure diagnosis', () => {
  it('sends nothing when the guard refuses, and answers the guard’s error', async () => {
    const fetchFn = vi.fn(async () => new Response('{}'));
    const http = createHttp(fetchFn, {
      guard: (service, url) => ({ code: 'address-not-allowed', service, host: new URL(url).host }),
    });
    const o = await http('kvk', 'https://gw.example.com/kvk/api/v2/zoeken', {
      headers: { apikey: 'secret' },
    });
    expect(o).toEqual({ ok: false, error: { code: 'address-not-allowed', service: 'kvk', host: 'gw.example.com' } });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('hands a fetch rejection to the diagnosis, with the URL', async () => {
    const seen: string[] = [];
    const http = createHttp(async () => Promise.reject(new TypeError('Failed to fetch')), {
      diagnose: (service, url) => {
        seen.push(url);
        return { code: 'certificate', service, host: new URL(url).host };
      },
    });
    const url = 'https://api.kvk.nl/api/v2/zoeken?kvkNummer=1';
    const o = await http('kvk', url);
    expect(o).toEqual({ ok: false, error: { code: 'certificate', service: 'kvk', host: 'api.kvk.nl' } });
    expect(seen).toEqual([url]);
  });

  it('without a diagnosis a fetch rejection is a network failure', async () => {
    const http = createHttp(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await http('vies', 'https://ec.europa.eu/x')).toEqual({
      ok: false,
      error: { code: 'network', service: 'vies' },
    });
  });
});

describe('endpoints with an organisation’s own address', () => {
  const creds = (kvk: object, kbodata: object) =>
    CredentialsSchema.parse({ kvk: { useTestEnvironment: false, ...kvk }, kbodata, vies: {} });

  it('uses the own address for the key set for that service', () => {
    const c = creds(
      { apiKey: 'k', baseUrl: 'https://gw.example.com/kvk/api' },
      { username: 'u', token: 't', baseUrl: null },
    );
    expect(kvkEndpoint(c)).toEqual({ baseUrl: 'https://gw.example.com/kvk/api', apiKey: 'k', test: false });
    expect(kbodataEndpoint(c)?.baseUrl).toBe('https://api.kbodata.app/v1');
  });

  it('works without a key when a gateway adds it; without both there is no endpoint', () => {
    const c = creds(
      { apiKey: '', baseUrl: 'https://gw.example.com/kvk/api' },
      { baseUrl: 'https://gw.example.com/kbo' },
    );
    expect(kvkEndpoint(c)).toEqual({ baseUrl: 'https://gw.example.com/kvk/api', apiKey: '', test: false });
    expect(kbodataEndpoint(c)).toEqual({ baseUrl: 'https://gw.example.com/kbo', username: '', token: '' });
    expect(kvkEndpoint(creds({ apiKey: '', baseUrl: null }, {}))).toBeNull();
    expect(kbodataEndpoint(creds({}, { username: 'u', token: '', baseUrl: null }))).toBeNull();
  });

  it('the test environment (public test key) ignores the own address', () => {
    const c = creds({ apiKey: 'k', useTestEnvironment: true, baseUrl: 'https://gw.example.com/kvk/api' }, {});
    expect(kvkEndpoint(c)).toMatchObject({ baseUrl: 'https://api.kvk.nl/test/api', test: true });
  });
});
