import { describe, expect, it } from 'vitest';
import { checkRequesterVat, maskSecret, siteFromInput } from '../../utils/options-input';

describe('maskSecret', () => {
  it('shows only the last four characters of a secret', () => {
    const masked = maskSecret('fixture-kvk-production-key');
    expect(masked).toBe('••••••••-key');
    expect(masked).not.toContain('production');
  });

  it('hides short secrets entirely and shows nothing for none', () => {
    expect(maskSecret('abcdefgh')).toBe('••••••••');
    expect(maskSecret('')).toBe('');
  });
});

describe('siteFromInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Shop.Example.COM ', 'shop.example.com'],
    ['https://shop.example.com/cart?x=1', 'shop.example.com'],
    ['example.com:8443', 'example.com'],
    ['http://127.0.0.1:4000/page.html', '127.0.0.1'],
    ['example.com.', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('reads %j as %j', (input, site) => {
    expect(siteFromInput(input)).toBe(site);
  });

  it.each(['', '   ', 'not a site', 'exa_mple.com', '-bad.com', 'https://', 'a..b'])('refuses %j', (input) => {
    expect(siteFromInput(input)).toBeUndefined();
  });
});

describe('checkRequesterVat', () => {
  it('accepts a VAT number in any written form and stores its canonical form', () => {
    expect(checkRequesterVat('NL 8057.34.958.B.01')).toEqual({ ok: true, value: 'NL805734958B01' });
    expect(checkRequesterVat('be0202239951')).toEqual({ ok: true, value: 'BE0202239951' });
  });

  it('refuses a VAT number whose check digits fail', () => {
    expect(checkRequesterVat('NL805734959B01')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses numbers that are not VAT numbers and non-EU prefixes', () => {
    expect(checkRequesterVat('33014286')).toEqual({ ok: false, problem: 'not-vat' });
    expect(checkRequesterVat('hello')).toEqual({ ok: false, problem: 'not-vat' });
    expect(checkRequesterVat('US123456789')).toEqual({ ok: false, problem: 'unsupported-country' });
  });
});
