import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCredentials, readLimits, readPreferencesSetting } from '../../utils/settings/items';
import { setMonthlyPaidCap, updateCredentials, updatePreferences } from '../../utils/settings/update';

beforeEach(() => fakeBrowser.reset());

describe('updateCredentials', () => {
  it('replaces only the given fields and keeps the rest', async () => {
    await updateCredentials({ kvk: { apiKey: ' key-1234 ' }, kbodata: { username: 'me@example.com', token: 't' } });
    await updateCredentials({ kvk: { useTestEnvironment: true }, vies: { requesterVat: 'nl805734958b01' } });
    expect(await readCredentials()).toEqual({
      kvk: { apiKey: 'key-1234', useTestEnvironment: true, baseUrl: null },
      kbodata: { username: 'me@example.com', token: 't', baseUrl: null },
      vies: { requesterVat: 'NL805734958B01' },
    });
  });

  it('stores in storage.local only, never sync', async () => {
    await updateCredentials({ kvk: { apiKey: 'secret-abcd' } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).toContain('secret-abcd');
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });
});

describe('updatePreferences', () => {
  it('applies a change to the stored preferences through the schema (sites lower-cased)', async () => {
    await updatePreferences((p) => ({ ...p, disabledSites: ['Example.COM'], detect: { ...p.detect, rsin: false } }));
    const stored = await readPreferencesSetting();
    expect(stored.disabledSites).toEqual(['example.com']);
    expect(stored.detect.rsin).toBe(false);
    expect(stored.detect.kvk).toBe(true);
  });

  it('lets quick successive changes all land (no lost update)', async () => {
    await Promise.all(
      (['kvk', 'rsin', 'vat'] as const).map((kind) =>
        updatePreferences((p) => ({ ...p, detect: { ...p.detect, [kind]: false } })),
      ),
    );
    const { detect } = await readPreferencesSetting();
    expect([detect.kvk, detect.rsin, detect.vat, detect.kbo]).toEqual([false, false, false, true]);
  });
});

describe('setMonthlyPaidCap', () => {
  it('stores a whole number and refuses anything else instead of silently storing the default', async () => {
    expect(await setMonthlyPaidCap(3)).toBe(3);
    expect(await readLimits()).toEqual({ monthlyPaidCap: 3 });
    for (const bad of [-1, 2.5, Number.NaN, 1_000_001])
      await expect(setMonthlyPaidCap(bad)).rejects.toThrow(RangeError);
    expect(await readLimits()).toEqual({ monthlyPaidCap: 3 });
  });
});
