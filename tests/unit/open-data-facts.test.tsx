// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OpenDataFacts } from '../../components/company/open-data-facts';
import type { OpenDataCompany } from '../../utils/registry/domain';
import type { OpenDataProgress } from '../../utils/registry/responses';

const en = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (en[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  });
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

// A queued set ticks every second: unmount each render before its mocks are restored.
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) render(null, root);
  vi.useRealTimers();
});

const NOW = Date.now();
const meta = { source: 'kvk-open' as const, fetchedAt: NOW, cached: false };
const company = (c: Partial<OpenDataCompany>): OpenDataCompany => ({
  kvkNumber: '77000101',
  status: 'active',
  activities: [],
  ...c,
});
const shown = (progress: OpenDataProgress) => {
  const root = document.createElement('div');
  mounted.push(root);
  act(() => render(<OpenDataFacts progress={progress} />, root));
  const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
  return { root, text };
};
const withBasis = (c: OpenDataCompany, accounts: OpenDataProgress['accounts'] = { state: 'waiting' }) =>
  shown({
    kvkNumber: c.kvkNumber,
    basis: { state: 'done', part: { ok: true, value: c, ...meta } },
    accounts,
    done: false,
  });

describe('OpenDataFacts', () => {
  it.each([
    ['bankrupt', 'FAIL', 'Bankrupt'],
    ['suspension-of-payments', 'SURS', 'Suspension of payments'],
    ['debt-restructuring', 'SSAN', 'Debt restructuring'],
    ['insolvency', 'XYZW', 'Insolvency registered (XYZW)'],
  ] as const)('shows %s as a status of its own', (status, insolvencyCode, words) => {
    const { root, text } = withBasis(company({ status, insolvencyCode }));
    expect(text('open-data-status')).toBe(words);
    expect(root.querySelector('[data-testid="open-data-status"]')!.className).toContain('cl-pill-bankrupt');
  });

  it('counts down the seconds until a queued set is sent, and says which set waits', () => {
    const { text, root } = shown({
      kvkNumber: '68750110',
      basis: { state: 'queued', sendAt: NOW + 41_500 },
      accounts: { state: 'waiting' },
      done: false,
    });
    expect(text('open-data-wait')).toMatch(/^Company data: waiting for its turn, sent in 4[12] s/);
    expect(root.querySelectorAll('[data-testid="open-data-wait"]')).toHaveLength(1);
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const ticking = shown({
      kvkNumber: '68750110',
      basis: { state: 'queued', sendAt: Date.now() + 30_000 },
      accounts: { state: 'waiting' },
      done: false,
    });
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(ticking.text('open-data-wait')).toMatch(/sent in 20 s/);
    vi.useRealTimers();
    const accounts = withBasis(company({}), { state: 'queued', sendAt: NOW + 59_000 });
    expect(accounts.text('open-data-wait')).toMatch(/^Annual accounts: waiting for its turn, sent in (58|59) s/);
  });

  it('lists the filed years, or says none are in the open data with the link to order them', () => {
    const years = withBasis(company({}), {
      state: 'done',
      part: { ok: true, value: { years: [{ year: 2021 }, { year: 2022, adoptedOn: '2023-06-12' }] }, ...meta },
    });
    expect(years.text('open-data-filed')).toBe('Annual accounts filed for 2021, 2022.');
    expect(years.text('open-data-adopted')).toBe('2022: adopted on June 12, 2023');
    const none = withBasis(company({}), { state: 'done', part: { ok: true, value: { years: [] }, ...meta } });
    expect(none.text('open-data-filed')).toContain('none in the open data');
    expect(none.root.querySelector('a')!.getAttribute('href')).toBe('https://www.kvk.nl/bestellen/#/77000101');
    expect(none.text('open-data-licence')).toContain('CC BY 4.0');
  });

  it('shows an unknown legal form and an SBI code without description as codes, as text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { root, text } = withBasis(
      company({
        legalForm: { code: payload },
        activities: [{ scheme: 'sbi', code: '99999', description: '', main: true }],
      }),
    );
    expect(root.querySelector('img')).toBeNull();
    expect(text('open-data-legal-form')).toBe(payload);
    expect(text('open-data-activities')).toBe('99999 (main)');
  });
});
