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
  { code: 'address-not-allowed', service, host: 'gw.example.com' },
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

  it('points a KVK certificate failure to the help page, and other certificate failures not', () => {
    expect(wordError({ code: 'certificate', service: 'kvk', host: 'api.kvk.nl' }).help).toBe('kvk-certificate');
    expect(wordError({ code: 'certificate', service: 'vies', host: 'ec.europa.eu' }).help).toBeUndefined();
    // An organisation's own address with a bad certificate is not KVK's private root: no KVK advice.
    const gateway = wordError({ code: 'certificate', service: 'kvk', host: 'gw.example.com' });
    expect(gateway.help).toBeUndefined();
    expect(gateway.next.key).toBe('errorCertificateNext');
  });

  it('says when the certificate diagnosis is inferred rather than reported by the browser', () => {
    const inferred = wordError({ code: 'certificate', service: 'kvk', host: 'api.kvk.nl', inferred: true });
    expect(inferred.message).toEqual({ key: 'errorCertificateInferred', params: ['KVK', 'api.kvk.nl'] });
    expect(render(catalogues.en, inferred.message.key, inferred.message.params)).toContain('most likely');
    expect(inferred.help).toBe('kvk-certificate');
  });

  it('says how long to wait when the service said so', () => {
    const w = wordError({ code: 'rate-limited', service: 'kbodata', retryAfterMs: 2100 });
    expect(w.next).toEqual({ key: 'errorRateLimitedNextSeconds', params: ['3'] });
  });
});

describe('memberStateName', () => {
  it('names VIES codes in the given language, Greece as EL and Northern Ireland as XI', () => {
    expect(memberStateName('EL', 'en', 'Northern Ireland')).toBe('Greece');
    expect(memberStateName('DE', 'nl', 'Noord-Ierland')).toBe('Duitsland');
    expect(memberStateName('XI', 'fr', 'Irlande du Nord')).toBe('Irlande du Nord');
  });
});
