import { describe, expect, it } from 'vitest';
import { checkBaseUrl, originPattern } from '../../utils/settings/base-url';

describe('checkBaseUrl', () => {
  it('accepts and normalises https addresses', () => {
    expect(checkBaseUrl('  https://GW.Example.com/kvk/api/  ', 'kvk')).toEqual({
      ok: true,
      url: 'https://gw.example.com/kvk/api',
      origin: 'https://gw.example.com',
    });
    expect(checkBaseUrl('https://gw.example.com:443', 'kvk')).toEqual({
      ok: true,
      url: 'https://gw.example.com',
      origin: 'https://gw.example.com',
    });
    expect(checkBaseUrl('https://gw.example.com:8443/v1', 'kbodata')).toMatchObject({
      ok: true,
      origin: 'https://gw.example.com:8443',
    });
    // The service's own public origin is fine (e.g. a different path).
    expect(checkBaseUrl('https://api.kvk.nl/api', 'kvk')).toMatchObject({ ok: true });
  });

  it('allows plain http only on this computer', () => {
    expect(checkBaseUrl('http://localhost:8080/kvk', 'kvk')).toMatchObject({
      ok: true,
      origin: 'http://localhost:8080',
    });
    expect(checkBaseUrl('http://127.0.0.1:9000', 'kvk')).toMatchObject({ ok: true });
    for (const bad of [
      'http://gw.example.com',
      'http://localhost.evil.com',
      'http://127.0.0.1.nip.io',
      'http://[::1]:9000',
      'ftp://gw.example.com',
    ])
      expect(checkBaseUrl(bad, 'kvk')).toEqual({ ok: false, problem: 'not-https' });
  });

  it('refuses credentials in the address', () => {
    for (const bad of [
      'https://user:pw@gw.example.com',
      'https://user@gw.example.com/api',
      'https://a@b@gw.example.com',
    ])
      expect(checkBaseUrl(bad, 'kvk')).toEqual({ ok: false, problem: 'credentials' });
  });

  it('refuses query strings and fragments, even empty ones', () => {
    for (const bad of [
      'https://gw.example.com/api?x=1',
      'https://gw.example.com/api?',
      'https://gw.example.com#',
      'https://gw.example.com/#a',
    ])
      expect(checkBaseUrl(bad, 'kvk')).toEqual({ ok: false, problem: 'query-or-fragment' });
  });

  it('refuses path tricks: dot segments, encoded slashes or dots, backslashes, spaces', () => {
    for (const bad of [
      'https://gw.example.com/api/../admin',
      'https://gw.example.com/./api',
      'https://gw.example.com/api/..',
      'https://gw.example.com/api%2F..%2Fadmin',
      'https://gw.example.com/api%2e%2e/x',
      'https://gw.example.com/api%5Cx',
      'https://gw.example.com\\@evil.com/api',
      'https:\\\\gw.example.com',
      'https://gw.example.com/a b',
    ])
      expect(checkBaseUrl(bad, 'kvk')).toEqual({ ok: false, problem: 'path-tricks' });
  });

  it('refuses another registry’s public origin, so a key never goes to the wrong company', () => {
    expect(checkBaseUrl('https://api.kbodata.app/v1', 'kvk')).toEqual({ ok: false, problem: 'other-registry' });
    expect(checkBaseUrl('https://api.kvk.nl/api', 'kbodata')).toEqual({ ok: false, problem: 'other-registry' });
    expect(checkBaseUrl('https://ec.europa.eu/x', 'kvk')).toEqual({ ok: false, problem: 'other-registry' });
  });

  it('refuses empty and malformed input', () => {
    expect(checkBaseUrl('   ', 'kvk')).toEqual({ ok: false, problem: 'empty' });
    for (const bad of ['gw.example.com', 'https:gw.example.com', 'https://', 'javascript:alert(1)'])
      expect(checkBaseUrl(bad, 'kvk')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('originPattern', () => {
  it('is the origin itself in Chromium, ports included', () => {
    expect(originPattern('https://gw.example.com', false)).toBe('https://gw.example.com/*');
    expect(originPattern('https://gw.example.com:8443', false)).toBe('https://gw.example.com:8443/*');
    expect(originPattern('http://127.0.0.1:8080', false)).toBe('http://127.0.0.1:8080/*');
  });

  it('drops the port of a local http origin in Firefox, which grants only the portless pattern', () => {
    expect(originPattern('http://127.0.0.1:8080', true)).toBe('http://127.0.0.1/*');
    expect(originPattern('http://localhost:3000', true)).toBe('http://localhost/*');
    expect(originPattern('http://localhost', true)).toBe('http://localhost/*');
    expect(originPattern('https://gw.example.com:8443', true)).toBe('https://gw.example.com:8443/*');
  });

  it('follows the build: the Chromium build under unit tests', () => {
    expect(originPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/*');
  });
});
