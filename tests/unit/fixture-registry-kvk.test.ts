import { describe, expect, it } from 'vitest';
import { NL, NL_ERROR_NUMBERS, XSS_PAYLOAD } from '../fixtures/registry/companies';
import { KVK_PRODUCTION_KEY, KVK_TEST_KEY } from '../fixtures/registry/keys';
import { ask } from './fixture-registry-support';

const prod = (path: string, key: string | null = KVK_PRODUCTION_KEY) =>
  ask({ url: `https://api.kvk.nl/api${path}`, headers: key === null ? {} : { apikey: key } });
const test = (path: string, key: string | null = KVK_TEST_KEY) =>
  ask({ url: `https://api.kvk.nl/test/api${path}`, headers: key === null ? {} : { apikey: key } });

describe('fixture registry: KVK keys and paths', () => {
  it('answers the same company on the production and the test path, each with its own key', async () => {
    const p = await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`);
    const t = await test(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`);
    expect(p.status).toBe(200);
    expect(t.status).toBe(200);
    expect(p.json.resultaten[0].naam).toBe('Test BV Donald');
    expect(t.json.resultaten[0].naam).toBe('Test BV Donald');
    expect(p.json.resultaten[0]._links.basisprofiel.href).toBe(
      `https://api.kvk.nl/api/v1/basisprofielen/${NL.bv.kvkNummer}`,
    );
    expect(t.json.resultaten[0]._links.basisprofiel.href).toBe(
      `https://api.kvk.nl/test/api/v1/basisprofielen/${NL.bv.kvkNummer}`,
    );
  });

  it('refuses a missing key, a wrong key and each key on the other path with 401', async () => {
    for (const a of [
      await prod('/v2/zoeken?kvkNummer=68750110', null),
      await prod('/v2/zoeken?kvkNummer=68750110', 'nope'),
      await prod('/v2/zoeken?kvkNummer=68750110', KVK_TEST_KEY),
      await test('/v1/basisprofielen/68750110', KVK_PRODUCTION_KEY),
    ])
      expect(a.status).toBe(401);
  });
});

describe('fixture registry: KVK Zoeken', () => {
  it('lists main branch, other branch and legal person for a BV; rsin only when searched by RSIN', async () => {
    const byKvk = await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`);
    expect(byKvk.json.totaal).toBe(3);
    expect(byKvk.json.resultaten.map((r: { type: string }) => r.type)).toEqual([
      'hoofdvestiging',
      'nevenvestiging',
      'rechtspersoon',
    ]);
    expect(byKvk.json.resultaten[0]).not.toHaveProperty('rsin');
    // postcode and house number only when searched for
    expect(byKvk.json.resultaten[0].adres.binnenlandsAdres).toEqual({
      type: 'bezoekadres',
      straatnaam: 'Watermolenlaan',
      plaats: 'Woerden',
    });
    const byRsin = await prod(`/v2/zoeken?rsin=${NL.bv.rsin}&type=rechtspersoon`);
    expect(byRsin.json.resultaten).toEqual([expect.objectContaining({ rsin: NL.bv.rsin, type: 'rechtspersoon' })]);
  });

  it('matches names strictly: the full name finds it, a part or a spelling without accent does not', async () => {
    const full = await prod(`/v2/zoeken?naam=${encodeURIComponent('coöperatie zuivelgenoten noord u.a.')}`);
    expect(full.json.resultaten[0].kvkNummer).toBe(NL.cooperatie.kvkNummer);
    expect((await prod('/v2/zoeken?naam=Zuivelgenoten%20Noord')).json.fout[0].code).toBe('IPD5200');
    const noAccent = await prod(`/v2/zoeken?naam=${encodeURIComponent('Cooperatie Zuivelgenoten Noord U.A.')}`);
    expect(noAccent.status).toBe(404);
    const former = await prod(`/v2/zoeken?naam=${encodeURIComponent('Donald Duck Holding B.V.')}`);
    expect(former.json.resultaten[0]).toMatchObject({
      naam: 'Test BV Donald',
      vervallenNaam: 'Donald Duck Holding B.V.',
    });
  });

  it('hides ended registrations unless inactive ones are asked for, then marks them actief Nee', async () => {
    const hidden = await prod(`/v2/zoeken?kvkNummer=${NL.inactive.kvkNummer}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({ fout: [{ code: 'IPD5200', omschrijving: expect.any(String) }] });
    const shown = await prod(`/v2/zoeken?kvkNummer=${NL.inactive.kvkNummer}&inclusiefInactieveRegistraties=true`);
    expect(shown.json.resultaten).toEqual([
      expect.objectContaining({ vestigingsnummer: '990001987781', actief: 'Nee', type: 'hoofdvestiging' }),
    ]);
  });

  it('shows a bankrupt company as a legal person only (its branch is inactive)', async () => {
    const a = await prod(`/v2/zoeken?kvkNummer=${NL.bankrupt.kvkNummer}`);
    expect(a.json.resultaten.map((r: { type: string }) => r.type)).toEqual(['rechtspersoon']);
  });

  it('writes links as an array and a foreign address as buitenlandsAdres for the foreign NV', async () => {
    const a = await prod(`/v2/zoeken?kvkNummer=${NL.foreign.kvkNummer}&type=hoofdvestiging`);
    expect(a.json.resultaten[0].adres).toEqual({
      buitenlandsAdres: {
        type: 'bezoekadres',
        straatHuisnummer: 'Rue de la Loi 16',
        postcodeWoonplaats: '1000 Bruxelles',
        land: 'België',
      },
    });
    expect(a.json.resultaten[0].links).toContainEqual({
      rel: 'vestigingsprofiel',
      href: 'https://api.kvk.nl/api/v1/vestigingsprofielen/000045678903',
    });
    expect(a.json.links).toContainEqual(expect.objectContaining({ rel: 'self' }));
  });

  it('pages results with pagina/resultatenPerPagina and links to the next page', async () => {
    const first = await prod('/v2/zoeken?plaats=Woerden&resultatenPerPagina=1');
    expect(first.json).toMatchObject({ pagina: 1, resultatenPerPagina: 1, totaal: 1 });
    const two = await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}&resultatenPerPagina=2&pagina=2`);
    expect(two.json).toMatchObject({
      pagina: 2,
      totaal: 3,
      resultaten: [expect.objectContaining({ type: 'rechtspersoon' })],
    });
    expect(two.json.vorige).toContain('pagina=1');
    expect(two.json.volgende).toBeUndefined();
  });

  it('shows house number and postcode when searched by them, and never for a shielded address', async () => {
    const a = await prod('/v2/zoeken?postcode=8752KA&huisnummer=3');
    expect(a.json.resultaten[0].adres.binnenlandsAdres).toMatchObject({
      huisnummer: 3,
      huisletter: 'B',
      postcode: '8752KA',
    });
    const shielded = await prod(`/v2/zoeken?vestigingsnummer=990000541921`);
    expect(shielded.json.resultaten[0].adres.binnenlandsAdres).toEqual({ type: 'bezoekadres', plaats: 'Enkhuizen' });
  });

  it('rejects bad parameters with the documented codes', async () => {
    const cases: [string, string][] = [
      ['/v2/zoeken?kvkNummer=68750110&foo=1', 'IPD1999'],
      ['/v2/zoeken?kvkNummer=6875011', 'IPD0004'],
      ['/v2/zoeken?rsin=12345', 'IPD0010'],
      ['/v2/zoeken?vestigingsnummer=123', 'IPD0006'],
      ['/v2/zoeken?kvkNummer=68750110&resultatenPerPagina=101', 'IPD1999'],
      ['/v2/zoeken?kvkNummer=68750110&type=filiaal', 'IPD1999'],
      ['/v2/zoeken?postcode=3447GT', 'IPD1998'],
      ['/v2/zoeken?pagina=1', 'IPD1998'],
    ];
    for (const [path, code] of cases) {
      const a = await prod(path);
      expect([a.status, a.json.fout[0].code], path).toEqual([400, code]);
    }
  });

  it('keeps HTML in a name as plain data', async () => {
    const a = await prod(`/v2/zoeken?kvkNummer=${NL.xss.kvkNummer}`);
    expect(a.json.resultaten[0].naam).toContain(XSS_PAYLOAD);
  });
});

describe('fixture registry: KVK profiles', () => {
  it('serves a Basisprofiel with YYYYMMDD dates, the embedded main branch and owner', async () => {
    const a = await prod(`/v1/basisprofielen/${NL.bv.kvkNummer}?geoData=true`);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      kvkNummer: '68750110',
      naam: 'Test BV Donald',
      formeleRegistratiedatum: '20170412',
      materieleRegistratie: { datumAanvang: '20170410' },
      sbiActiviteiten: [
        { sbiCode: '6420', sbiOmschrijving: 'Financiële holdings', indHoofdactiviteit: 'Ja' },
        expect.anything(),
      ],
      _embedded: {
        hoofdvestiging: { vestigingsnummer: '000037178598', indHoofdvestiging: 'Ja' },
        eigenaar: { rsin: '857587973', rechtsvorm: 'BeslotenVennootschap' },
      },
    });
    expect(a.json.formeleRegistratiedatum).toMatch(/^\d{8}$/);
    expect(a.json._embedded.hoofdvestiging.adressen[0].geoData.gpsLatitude).toBeCloseTo(52.0857);
    expect(a.json._embedded.hoofdvestiging.adressen[1]).toMatchObject({
      postbusnummer: 1234,
      volledigAdres: 'Postbus 1234 3440AA Woerden',
    });
  });

  it('serves /hoofdvestiging, /vestigingen, /eigenaar, vestigingsprofielen and naamgevingen', async () => {
    const kvk = NL.bv.kvkNummer;
    expect((await prod(`/v1/basisprofielen/${kvk}/hoofdvestiging`)).json.vestigingsnummer).toBe('000037178598');
    const list = (await prod(`/v1/basisprofielen/${kvk}/vestigingen`)).json;
    expect(list).toMatchObject({ totaalAantalVestigingen: 2, aantalCommercieleVestigingen: 2 });
    expect((await prod(`/v1/basisprofielen/${kvk}/eigenaar`)).json.uitgebreideRechtsvorm).toBe('Besloten Vennootschap');
    const branch = (await test('/v1/vestigingsprofielen/000037178601')).json;
    expect(branch).toMatchObject({ kvkNummer: kvk, indHoofdvestiging: 'Nee', eersteHandelsnaam: 'Donald Onderhoud' });
    expect(branch.adressen[0]).toMatchObject({ huisnummerToevoeging: 'unit 7' });
    const names = (await test(`/v1/naamgevingen/kvknummer/${kvk}`)).json;
    expect(names).toMatchObject({
      statutaireNaam: 'Test BV Donald',
      vestigingen: [expect.anything(), expect.anything()],
    });
  });

  it('gives a sole trader no RSIN and a bankrupt company no SBI, no main branch and no location data', async () => {
    const sole = (await prod(`/v1/basisprofielen/${NL.eenmanszaak.kvkNummer}`)).json;
    expect(sole._embedded.eigenaar).not.toHaveProperty('rsin');
    const bankrupt = await prod(`/v1/basisprofielen/${NL.bankrupt.kvkNummer}`);
    expect(bankrupt.json).not.toHaveProperty('sbiActiviteiten');
    expect(bankrupt.json._embedded).not.toHaveProperty('hoofdvestiging');
    const main = await prod(`/v1/basisprofielen/${NL.bankrupt.kvkNummer}/hoofdvestiging`);
    expect([main.status, main.json.meldingen.fout[0].code]).toEqual([404, 'IPD0005']);
    const branch = (await prod('/v1/vestigingsprofielen/000034567892')).json;
    expect(branch).not.toHaveProperty('adressen');
    expect(branch.materieleRegistratie.datumEinde).toBe('20240315');
  });

  it('uses both error wrappers and the documented codes for unknown and malformed numbers', async () => {
    const unknown = await prod('/v1/basisprofielen/12345678');
    expect([unknown.status, unknown.json.fout[0].code]).toEqual([404, 'IPD0005']);
    expect((await prod('/v1/basisprofielen/1234')).json.fout[0].code).toBe('IPD0004');
    expect((await prod('/v1/vestigingsprofielen/000000000001')).json.fout[0].code).toBe('IPD0007');
    const wrapped = await prod(`/v1/basisprofielen/${NL.stichting.kvkNummer}?foo=bar`);
    expect([wrapped.status, wrapped.json.meldingen.fout[0].code]).toEqual([400, 'IPD1999']);
    const temporary = await test(`/v2/zoeken?kvkNummer=${NL_ERROR_NUMBERS.temporary}`);
    expect([temporary.status, temporary.json.meldingen.fout[0].code]).toEqual([404, 'IPD1002']);
    const technical = await test(`/v1/basisprofielen/${NL_ERROR_NUMBERS.technical}`);
    expect([technical.status, technical.json.fout[0].code]).toEqual([500, 'IPD9999']);
  });

  it('writes links as an array for array-shaped companies', async () => {
    const a = (await prod(`/v1/basisprofielen/${NL.stichting.kvkNummer}`)).json;
    expect(a).not.toHaveProperty('_links');
    expect(a.links).toContainEqual({
      rel: 'self',
      href: `https://api.kvk.nl/api/v1/basisprofielen/${NL.stichting.kvkNummer}`,
    });
    expect(a._embedded.hoofdvestiging.adressen[0]).toEqual({
      type: 'bezoekadres',
      indAfgeschermd: 'Ja',
      plaats: 'Enkhuizen',
      land: 'Nederland',
    });
  });
});
