import { describe, expect, it } from 'vitest';
import { BE, BE_ESTABLISHMENTS, BULK_VAT, NL, VAT, fullVatNumber } from '../fixtures/registry/companies';

// Independent implementations of the check-digit rules (identifiers.md) to prove the catalogue's numbers are valid.
const digits = (s: string) => [...s].map(Number);
const elf9 = (s: string) =>
  /^\d{9}$/.test(s) &&
  !/^0+$/.test(s) &&
  ((digits(s).reduce((sum, d, i) => sum + (i < 8 ? (9 - i) * d : -d), 0) % 11) + 11) % 11 === 0;
const elf8 = (s: string) => digits(s).reduce((sum, d, i) => sum + (8 - i) * d, 0) % 11 === 0;
const mod97be = (s: string) => /^\d{10}$/.test(s) && 97 - (Number(s.slice(0, 8)) % 97) === Number(s.slice(8));
const nlVat = (v: string) => {
  const m = /^NL(\d{9})B(\d{2})$/.exec(v);
  if (!m || m[2] === '00') return false;
  const mod97 = BigInt(v.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))) % 97n === 1n;
  return elf9(m[1]!) || mod97;
};
const deVat = (n: string) => {
  let p = 10;
  for (const d of digits(n.slice(0, 8))) p = (2 * ((d + p) % 10 || 10)) % 11;
  return /^[1-9]\d{8}$/.test(n) && (11 - p) % 10 === Number(n[8]);
};
const frVat = (n: string) => /^\d{11}$/.test(n) && Number(n.slice(0, 2)) === (12 + 3 * (Number(n.slice(2)) % 97)) % 97;
const elVat = (n: string) =>
  /^\d{9}$/.test(n) && (digits(n.slice(0, 8)).reduce((s, d, i) => s + d * 2 ** (8 - i), 0) % 11) % 10 === Number(n[8]);
const luVat = (n: string) => /^\d{8}$/.test(n) && Number(n.slice(0, 6)) % 89 === Number(n.slice(6));

describe('fixture registry catalogue', () => {
  it('gives every Dutch legal person an RSIN passing the 11-proef, sole traders and the VoF none', () => {
    for (const c of Object.values(NL) as { kvkNummer: string; rsin?: string; rechtsvorm: string }[]) {
      expect(c.kvkNummer).toMatch(/^\d{8}$/);
      // KVK checks its central series (9…) with the 11-proef: an invented number there would be "niet valide".
      if (c.kvkNummer.startsWith('9')) expect(elf8(c.kvkNummer), c.kvkNummer).toBe(true);
      if (c.rechtsvorm === 'Eenmanszaak' || c.rechtsvorm === 'VennootschapOnderFirma') expect(c.rsin).toBeUndefined();
      else expect(elf9(c.rsin ?? ''), c.kvkNummer).toBe(true);
    }
    expect(new Set(Object.values(NL).map((c) => c.kvkNummer)).size).toBe(Object.keys(NL).length);
  });

  it('gives every Belgian enterprise and establishment a number passing mod 97, with a 1-series one', () => {
    for (const e of Object.values(BE)) expect(mod97be(e.enterpriseNumber), e.enterpriseNumber).toBe(true);
    for (const e of Object.values(BE_ESTABLISHMENTS)) {
      expect(mod97be(e.establishmentNumber)).toBe(true);
      expect(e.establishmentNumber).toMatch(/^[2-8]/);
    }
    expect(BE.oneSeries.enterpriseNumber).toMatch(/^1\d{9}$/);
  });

  it('gives every VAT number valid check digits for its member state', () => {
    const checks: Record<string, (n: string) => boolean> = {
      NL: (n) => nlVat(`NL${n}`),
      BE: mod97be,
      DE: deVat,
      FR: frVat,
      EL: elVat,
      LU: luVat,
    };
    const all = [...Object.values(VAT), ...BULK_VAT.nl, ...BULK_VAT.de];
    for (const v of all) expect(checks[v.countryCode]!(v.vatNumber), fullVatNumber(v)).toBe(true);
    expect(new Set(all.map(fullVatNumber)).size).toBe(all.length);
    expect([BULK_VAT.nl.length, BULK_VAT.de.length]).toEqual([600, 20]);
    expect(elf9(VAT.nlEenmanszaak.vatNumber.slice(0, 9))).toBe(false); // the mod-97 form on purpose
  });

  it('uses KVK test-environment numbers for the test environment’s own registrations', () => {
    const names = (c: { naam: string; kvkNummer: string }) => [c.kvkNummer, c.naam];
    expect([NL.eenmanszaak, NL.bv, NL.stichting, NL.shielded, NL.noBranch].map(names)).toEqual([
      ['69599084', 'Test EMZ Dagobert'],
      ['68750110', 'Test BV Donald'],
      ['69599068', 'Test Stichting Bolderbast'],
      ['90001354', 'Grand Joyflex B.V.'],
      ['90000749', 'Global Conron'],
    ]);
    expect(NL.bv.branches[0]!.vestigingsnummer).toBe('000037178598');
  });
});
