// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CompanyFacts } from '../../components/company/company-facts';
import { errorText } from '../../components/company/error-text';
import { VatVerdict } from '../../components/company/vat-verdict';
import { ERROR_CODES, type RegistryError } from '../../utils/registry/errors';

const en = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

beforeEach(() => {
  fakeBrowser.reset();
  // The real English catalogue with Chrome's `$1`-style substitution.
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (en[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  });
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

describe('errorText', () => {
  const samples: RegistryError[] = [
    { code: 'no-key', service: 'kvk' },
    { code: 'key-rejected', service: 'kbodata', status: 401 },
    { code: 'plan-ended', service: 'kbodata', reason: 'quota-used-up' },
    { code: 'paid-cap-reached', service: 'kvk', cap: 10, used: 10 },
    { code: 'not-found', service: 'kvk' },
    { code: 'service-unavailable', service: 'vies', memberState: 'LU', reason: 'MS_UNAVAILABLE' },
    { code: 'rate-limited', service: 'vies' },
    { code: 'network', service: 'kbodata' },
    { code: 'certificate', service: 'kvk', host: 'api.kvk.nl' },
    { code: 'address-not-allowed', service: 'kvk', host: 'gw.example.com' },
    { code: 'malformed-answer', service: 'kvk', status: 200 },
  ];

  it('words every error code, naming the service and filling every substitution', () => {
    expect(samples.map((e) => e.code).sort()).toEqual([...ERROR_CODES].sort());
    const texts = samples.map(errorText);
    for (const text of texts) expect(text).not.toMatch(/\$\d|^popup/);
    expect(new Set(texts).size).toBe(texts.length);
    expect(errorText(samples[3]!)).toBe(
      'Stopped: 10 of your monthly cap of 10 paid KVK queries are used. Raise the cap in the settings.',
    );
    expect(errorText(samples[5]!)).toContain('The VAT system of LU');
    expect(errorText(samples[8]!)).toContain('KVK (api.kvk.nl)');
    expect(errorText({ code: 'plan-ended', service: 'kbodata', reason: 'plan-expired' })).toBe(
      'Your kbodata.app plan has expired.',
    );
    // An inferred certificate diagnosis is worded as likely, not as a fact.
    expect(errorText({ code: 'certificate', service: 'kvk', host: 'api.kvk.nl', inferred: true })).toContain(
      'most likely your browser does not trust its certificate',
    );
  });
});

describe('company components', () => {
  it('render registry text as text, never as HTML', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const root = document.createElement('div');
    render(
      <CompanyFacts
        company={{
          name: `Webwinkel ${payload}`,
          tradeNames: [payload],
          status: 'active',
          address: { street: `Markt ${payload}`, houseNumber: '1', city: 'Eindhoven', line: '' },
          links: [],
        }}
      />,
      root,
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-testid="company-name"]')!.textContent).toBe(`Webwinkel ${payload}`);
    expect(root.querySelector('[data-testid="address"]')!.textContent).toContain(`Markt ${payload} 1`);
    expect(root.querySelector('[data-testid="status"]')!.textContent).toBe('Active');
  });

  it('never shows "cannot be checked" as invalid, and shows the consultation number', () => {
    const root = document.createElement('div');
    const base = { source: 'vies', fetchedAt: 0, cached: false } as const;
    const check = { memberState: 'LU', number: '15027442', checkedAt: 0, name: null, address: null };
    render(
      <VatVerdict
        part={{ ...base, ok: true, value: { ...check, verdict: 'unavailable', reason: 'MS_UNAVAILABLE' } }}
      />,
      root,
    );
    expect(root.textContent).toContain('Cannot be checked now');
    expect(root.textContent).toContain('The VAT system of LU is not answering');
    expect(root.textContent).not.toContain('Not a valid');
    render(
      <VatVerdict
        part={{ ...base, ok: true, value: { ...check, verdict: 'valid', consultationNumber: 'WAPIAAAAXYZ' } }}
      />,
      root,
    );
    expect(root.querySelector('[data-testid="consultation"]')!.textContent).toContain('WAPIAAAAXYZ');
  });
});
