// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speakEnglish } from './support/english';
import { CompanyFacts } from '../../components/company/company-facts';
import { VatVerdict } from '../../components/company/vat-verdict';

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
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
    const down = document.createElement('div');
    render(
      <VatVerdict
        part={{
          ok: false,
          error: { code: 'service-unavailable', service: 'vies', reason: 'HTTP 503' },
          source: 'vies',
          fetchedAt: 0,
          cached: false,
        }}
      />,
      down,
    );
    expect(down.textContent).toContain('Cannot be checked now');
    expect(down.textContent).toContain('VIES');
    expect(down.textContent).not.toContain('Not a valid');
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
