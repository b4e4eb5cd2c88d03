// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

  it('isolates each registry string for bidirectional text (a right-to-left name cannot reorder its neighbours)', () => {
    const root = document.createElement('div');
    render(
      <CompanyFacts
        company={{
          name: 'شركة المثال',
          tradeNames: ['מסחר', 'Handel'],
          legalForm: 'BV',
          status: 'active',
          address: { city: 'Eindhoven', line: 'Markt 1, 5611 EB Eindhoven' },
          links: [],
        }}
      />,
      root,
    );
    const isolated = [...root.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toEqual(expect.arrayContaining(['شركة المثال', 'מסחר', 'Handel', 'BV']));
    expect(root.querySelector('[data-testid="trade-names"]')!.textContent).toBe('מסחר · Handel');
    expect(root.querySelectorAll('[data-testid="address"] bdi').length).toBeGreaterThan(0);
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

  it.each([
    ['fr-BE', 'Brasseries Fictives', 'Brouwerijen Fictief (NL)'],
    ['nl-BE', 'Brouwerijen Fictief', 'Brasseries Fictives (FR)'],
    ['en-GB', 'Brouwerijen Fictief', 'Brasseries Fictives (FR)'],
  ])('shows a Belgian name in the UI language (%s) first and the other language apart', (lang, first, other) => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(lang);
    const root = document.createElement('div');
    render(
      <CompanyFacts
        company={{
          name: 'Brouwerijen Fictief',
          names: [
            { language: 'nl', name: 'Brouwerijen Fictief' },
            { language: 'fr', name: 'Brasseries Fictives' },
          ],
          tradeNames: ['BF'],
          status: 'active',
          links: [],
        }}
      />,
      root,
    );
    expect(root.querySelector('[data-testid="company-name"]')!.textContent).toBe(first);
    expect(root.querySelector('[data-testid="other-names"]')!.textContent).toBe(other);
    expect(root.querySelector('[data-testid="trade-names"]')!.textContent).toBe('BF');
  });

  it('offers the settings when VIES refused the user’s own VAT number', () => {
    const root = document.createElement('div');
    const onOpenSettings = vi.fn();
    render(
      <VatVerdict
        part={{
          ok: false,
          error: { code: 'requester-rejected', service: 'vies' },
          source: 'vies',
          fetchedAt: 0,
          cached: false,
        }}
        onOpenSettings={onOpenSettings}
      />,
      root,
    );
    expect(root.textContent).toContain('VIES refused your own VAT number');
    (root.querySelector('[data-testid="vat-open-options"]') as HTMLButtonElement).click();
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });
});
