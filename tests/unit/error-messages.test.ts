import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memberStateName, wordError } from '../../utils/error-messages';
import { ERROR_CODES, SERVICES, type RegistryError } from '../../utils/registry/errors';

type Messages = Record<string, { message: string }>;
const load = (lang: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
const catalogues = { en: load('en'), nl: load('nl'), fr: load('fr') };

/** Chrome's substitution of `$1`… in a message. */
const render = (messages: Messages, key: string, params: string[]) =>
  messages[key]!.message.replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? `<missing $${n}>`);

/** One example of every error of every service. */
const examples: RegistryError[] = SERVICES.flatMap((service): RegistryError[] => [
  { code: 'no-key', service },
  { code: 'key-rejected', service, status: 401 },
  { code: 'plan-ended', service, reason: 'plan-expired' },
  { code: 'plan-ended', service, reason: 'quota-used-up' },
  { code: 'paid-cap-reached', service, cap: 5, used: 5 },
  { code: 'not-found', service },
  { code: 'service-unavailable', service },
  { code: 'service-unavailable', service, memberState: 'EL', reason: 'MS_UNAVAILABLE' },
  { code: 'rate-limited', service },
  { code: 'rate-limited', service, retryAfterMs: 2500 },
  { code: 'network', service },
  { code: 'timeout', service },
  { code: 'certificate', service, host: 'api.example' },
  { code: 'certificate', service, host: 'api.kvk.nl', inferred: true },
  { code: 'certificate', service, host: 'api.kvk.nl', detail: 'net::ERR_CERT_AUTHORITY_INVALID' },
  { code: 'address-not-allowed', service, host: 'gw.example.com' },
  { code: 'request-rejected', service, reason: 'IPD5203' },
  { code: 'requester-rejected', service },
  { code: 'malformed-answer', service, status: 200 },
  { code: 'usage-unrecorded', service },
]);

describe('wordError', () => {
  it('covers every error code', () => {
    expect(new Set(examples.map((e) => e.code))).toEqual(new Set(ERROR_CODES));
  });

  it.each(Object.keys(catalogues))(
    'gives every error a message and a next step in %s, with every substitution filled',
    (lang) => {
      const messages = catalogues[lang as keyof typeof catalogues];
      for (const error of examples) {
        const wording = wordError(error);
        for (const w of [wording.message, wording.next]) {
          expect(messages[w.key], `${error.code}: ${w.key}`).toBeDefined();
          const text = render(messages, w.key, w.params);
          expect(text, `${error.code}: ${w.key}`).not.toMatch(/\$\d|<missing/);
          // Every parameter given is used: no silently dropped detail.
          for (const p of w.params) expect(text).toContain(p);
        }
      }
    },
  );

  it('words a rejected KVK key as "key rejected" with the status and a way to fix it', () => {
    const w = wordError({ code: 'key-rejected', service: 'kvk', status: 401 });
    expect(render(catalogues.en, w.message.key, w.message.params)).toBe(
      'Key rejected: KVK refused your API key (HTTP 401).',
    );
    expect(render(catalogues.en, w.next.key, w.next.params)).toContain('KVK account');
  });

  it('words a timeout as the service not answering in time, not as a network failure', () => {
    const w = wordError({ code: 'timeout', service: 'kvk' });
    expect(render(catalogues.en, w.message.key, w.message.params)).toBe('KVK did not answer in time.');
    expect(render(catalogues.en, w.next.key, w.next.params)).not.toMatch(/internet connection/);
  });

  it('words the cap with the cap, the service and the count', () => {
    const w = wordError({ code: 'paid-cap-reached', service: 'kvk', cap: 3, used: 3 });
    expect(render(catalogues.nl, w.message.key, w.message.params)).toBe(
      'Maandlimiet bereikt: 3 betaalde KVK-verzoeken toegestaan, 3 gebruikt. Betaalde opvragingen zijn gestopt.',
    );
  });

  it('names the member state that is down and never calls the number invalid', () => {
    const w = wordError({ code: 'service-unavailable', service: 'vies', memberState: 'EL' }, 'Greece');
    const text = render(catalogues.en, w.message.key, w.message.params);
    expect(text).toContain('Greece');
    expect(text).toContain('not marked invalid');
  });

  it('words a refused registry certificate as something in between, with the browser’s own error and the remedies', () => {
    const w = wordError({
      code: 'certificate',
      service: 'kvk',
      host: 'api.kvk.nl',
      detail: 'net::ERR_CERT_AUTHORITY_INVALID',
    });
    expect(render(catalogues.en, w.message.key, w.message.params)).toBe(
      'Your browser refused the certificate it was shown for KVK (api.kvk.nl): net::ERR_CERT_AUTHORITY_INVALID.',
    );
    const next = render(catalogues.en, w.next.key, w.next.params);
    for (const remedy of ['inspects HTTPS', 'date and time', 'IT department', 'own API address'])
      expect(next).toContain(remedy);
    expect(w.help).toBe('certificate');
    // No catalogue advises installing a root, in any language.
    for (const messages of Object.values(catalogues))
      for (const error of examples.filter((e) => e.code === 'certificate')) {
        const words = wordError(error);
        const text = [words.message, words.next].map((x) => render(messages, x.key, x.params)).join(' ');
        expect(text).not.toMatch(/install|installe|trust it|vertrouw die|faites-lui confiance|Private Root|G1/i);
      }
  });

  it('sends every certificate failure to the help page; VIES without the own-address remedy, a gateway to its IT', () => {
    const vies = wordError({ code: 'certificate', service: 'vies', host: 'ec.europa.eu' });
    expect([vies.help, vies.next.key]).toEqual(['certificate', 'errorCertificateViesNext']);
    expect(render(catalogues.en, vies.next.key, vies.next.params)).not.toContain('own API address');
    const kbodata = wordError({ code: 'certificate', service: 'kbodata', host: 'api.kbodata.app' });
    expect(kbodata.next).toEqual({ key: 'errorCertificateNext', params: ['kbodata.app'] });
    const gateway = wordError({ code: 'certificate', service: 'kvk', host: 'gw.example.com' });
    expect([gateway.help, gateway.next]).toEqual([
      'certificate',
      { key: 'errorCertificateGatewayNext', params: ['gw.example.com'] },
    ]);
  });

  it('says when the certificate diagnosis is inferred rather than reported by the browser', () => {
    const inferred = wordError({ code: 'certificate', service: 'kvk', host: 'api.kvk.nl', inferred: true });
    expect(inferred.message).toEqual({ key: 'errorCertificateInferred', params: ['KVK', 'api.kvk.nl'] });
    expect(render(catalogues.en, inferred.message.key, inferred.message.params)).toContain('may be blocking it');
    expect(inferred.help).toBe('certificate');
  });

  it('words a refused own VAT number apart from "cannot be checked", pointing to the setting', () => {
    const w = wordError({ code: 'requester-rejected', service: 'vies' });
    expect(render(catalogues.en, w.message.key, w.message.params)).toContain('VIES refused your own VAT number');
    expect(render(catalogues.nl, w.next.key, w.next.params)).toContain('instellingen');
  });

  it('words a refused request with the service’s code, not as an unreadable answer', () => {
    const w = wordError({ code: 'request-rejected', service: 'kvk', reason: 'IPD5203' });
    expect(render(catalogues.en, w.message.key, w.message.params)).toBe(
      'KVK refused the request Company Lens sent (code IPD5203).',
    );
  });

  it('says how long to wait when the service said so', () => {
    const w = wordError({ code: 'rate-limited', service: 'kbodata', retryAfterMs: 2100 });
    expect(w.next).toEqual({ key: 'errorRateLimitedNextSeconds', params: ['3'] });
  });

  it("words KVK open data's 404 as 'not in the open dataset', 401/403 as 'KVK now wants a key', 429 with the wait", () => {
    const absent = wordError({ code: 'not-found', service: 'kvk-open' });
    expect(absent.message.key).toBe('errorOpenDataNotInSet');
    expect(render(catalogues.en, absent.message.key, [])).toContain('BVs and NVs only');
    expect(render(catalogues.en, absent.next.key, [])).toContain('does not mean the number does not exist');
    const key = wordError({ code: 'key-rejected', service: 'kvk-open', status: 403 });
    expect(render(catalogues.en, key.message.key, key.message.params)).toBe(
      "KVK's open data now asks for an API key (HTTP 403).",
    );
    const limited = wordError({ code: 'rate-limited', service: 'kvk-open', retryAfterMs: 42_000 });
    expect(render(catalogues.en, limited.next.key, limited.next.params)).toContain('one request a minute');
    expect(limited.next.params).toEqual(['42']);
    // Without a Retry-After: KVK's minute.
    expect(wordError({ code: 'rate-limited', service: 'kvk-open' }).next.params).toEqual(['60']);
  });
});

describe('memberStateName', () => {
  it('names VIES codes in the given language, Greece as EL and Northern Ireland as XI', () => {
    expect(memberStateName('EL', 'en', 'Northern Ireland')).toBe('Greece');
    expect(memberStateName('DE', 'nl', 'Noord-Ierland')).toBe('Duitsland');
    expect(memberStateName('XI', 'fr', 'Irlande du Nord')).toBe('Irlande du Nord');
  });
});
