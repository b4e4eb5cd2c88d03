import { describe, expect, it } from 'vitest';
import { NL, NL_ERROR_NUMBERS, XSS_PAYLOAD } from '../fixtures/registry/companies';
import { KVK_PRODUCTION_KEY, KVK_TEST_KEY } from '../fixtures/registry/keys';
import { ask } from './fixture-registry-support';

const prod = (path: string, key: string | null = KVK_PRODUCTION_KEY) =>
  ask({ url: `https://api.kvk.nl/api${path}`, headers: key === null ? {} : { apikey: key } });
const test = (path: string, key: string | null = KVK_TEST_KEY) =>
  ask({ url: `https://api.kvk.nl/test/api${path}`, headers: key === null ? {} : { apikey: key } });
const types = (answer: { json: { resultaten: { type: string }[] } }) => answer.json.resultaten.map((r) => r.type);
const pad = (n: number) => ' '.repeat(n);

describe('fixture registry: KVK keys and paths', () => {
  it('answers the same company on the production and the test path, each with its own key', async () => {
    const p = await prod(`/v2/zoeken?kvkNummer=${NL.shielded.kvkNummer}`);
    const t = await test(`/v2/zoeken?kvkNummer=${NL.shielded.kvkNummer}`);
    expect([p.status, t.status]).toEqual([200, 200]);
    expect([p.json.resultaten[0].naam, t.json.resultaten[0].naam]).toEqual([
      'Grand Joyflex B.V.',
      'Grand Joyflex B.V.',
    ]);
    expect(p.json.resultaten[0]._links.basisprofiel.href).toBe(
      `https://api.kvk.nl/api/v1/basisprofielen/${NL.shielded.kvkNummer}`,
    );
    expect(t.json.resultaten[0]._links.basisprofiel.href).toBe(
      `https://api.kvk.nl/test/api/v1/basisprofielen/${NL.shielded.kvkNummer}`,
    );
  });

  it('refuses a missing key, a wrong key and each key on the other path with 401', async () => {
    for (const a of [
      await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`, null),
      await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`, 'nope'),
      await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`, KVK_TEST_KEY),
      await test(`/v1/basisprofielen/${NL.bv.kvkNummer}`, KVK_PRODUCTION_KEY),
    ])
      expect(a.status).toBe(401);
  });
});

describe('fixture registry: KVK Zoeken', () => {
  it('lists one result per branch, and a legal person only when it has no active branch', async () => {
    expect(types(await prod(`/v2/zoeken?kvkNummer=${NL.eenmanszaak.kvkNummer}`))).toEqual([
      'nevenvestiging',
      'hoofdvestiging',
    ]);
    expect(types(await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`))).toEqual(['hoofdvestiging']);
    expect(types(await prod(`/v2/zoeken?kvkNummer=${NL.stichting.kvkNummer}`))).toEqual(['rechtspersoon']);
    expect(types(await prod(`/v2/zoeken?kvkNummer=${NL.noBranch.kvkNummer}`))).toEqual(['rechtspersoon']);
    // A bankrupt company's only branch is inactive: its legal person is what Zoeken shows.
    expect(types(await prod(`/v2/zoeken?kvkNummer=${NL.bankrupt.kvkNummer}`))).toEqual(['rechtspersoon']);
  });

  it('shows the rsin only when searched by RSIN, postcode and house number only when searched by them', async () => {
    const byKvk = await prod(`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`);
    expect(byKvk.json.resultaten[0]).not.toHaveProperty('rsin');
    expect(byKvk.json.resultaten[0].adres.binnenlandsAdres).toEqual({
      type: 'bezoekadres',
      straatnaam: 'Hizzaarderlaan',
      plaats: 'Lollum',
    });
    const byRsin = await prod(`/v2/zoeken?rsin=${NL.bv.rsin}`);
    expect(byRsin.json.resultaten).toEqual([expect.objectContaining({ rsin: NL.bv.rsin, type: 'hoofdvestiging' })]);
    const byNumber = await prod('/v2/zoeken?postcode=8823SJ&huisnummer=3');
    expect(byNumber.json.resultaten[0].adres.binnenlandsAdres).toEqual({
      type: 'bezoekadres',
      straatnaam: 'Hizzaarderlaan',
      huisnummer: 3,
      postcode: '8823SJ',
      plaats: 'Lollum',
    });
    const owner = await prod(`/v2/zoeken?kvkNummer=${NL.noBranch.kvkNummer}`);
    expect(owner.json.resultaten[0].adres.binnenlandsAdres).toEqual({
      type: 'bezoekadres',
      straatnaam: 'Blaauwweg',
      plaats: 'Dordrecht',
    });
  });

  it('writes a shielded correspondence address as a postadres with its town only', async () => {
    const shielded = await prod(`/v2/zoeken?vestigingsnummer=${NL.shielded.branches[0]!.vestigingsnummer}`);
    expect(shielded.json.resultaten[0].adres).toEqual({ binnenlandsAdres: { type: 'postadres', plaats: 'Sterksel' } });
  });

  it('matches names strictly: the full name finds it, a part or a spelling without accent does not', async () => {
    const full = await prod(`/v2/zoeken?naam=${encodeURIComponent('coöperatie zuivelgenoten noord u.a.')}`);
    expect(full.json.resultaten[0].kvkNummer).toBe(NL.cooperatie.kvkNummer);
    expect((await prod('/v2/zoeken?naam=Zuivelgenoten%20Noord')).json.fout[0].code).toBe('IPD5200');
    const noAccent = await prod(`/v2/zoeken?naam=${encodeURIComponent('Cooperatie Zuivelgenoten Noord U.A.')}`);
    expect(noAccent.status).toBe(404);
    const former = await prod(`/v2/zoeken?naam=${encodeURIComponent('Rijnmond Rederij N.V.')}`);
    expect(former.json.resultaten[0]).toMatchObject({
      naam: 'Rijnmond Scheepvaart N.V.',
      vervallenNaam: 'Rijnmond Rederij N.V.',
    });
  });

  it('hides ended registrations unless inactive ones are asked for, then marks them actief Nee', async () => {
    const hidden = await prod(`/v2/zoeken?kvkNummer=${NL.inactive.kvkNummer}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({
      fout: [
        {
          code: 'IPD5200',
          omschrijving: 'Er zijn geen gegevens gevonden die voldoen aan de opgegeven zoekparameters.',
        },
      ],
    });
    const shown = await prod(`/v2/zoeken?kvkNummer=${NL.inactive.kvkNummer}&inclusiefInactieveRegistraties=true`);
    expect(shown.json.resultaten).toEqual([
      expect.objectContaining({
        vestigingsnummer: NL.inactive.branches[0]!.vestigingsnummer,
        actief: 'Nee',
        type: 'hoofdvestiging',
      }),
    ]);
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
      href: `https://api.kvk.nl/api/v1/vestigingsprofielen/${NL.foreign.branches[0]!.vestigingsnummer}`,
    });
    expect(a.json.links).toContainEqual(expect.objectContaining({ rel: 'self' }));
  });

  it('pages results with pagina/resultatenPerPagina and links pages as KVK writes them', async () => {
    const first = await prod('/v2/zoeken?plaats=Lollum&resultatenPerPagina=1');
    expect(first.json).toMatchObject({ pagina: 1, resultatenPerPagina: 1, totaal: 1 });
    const two = await prod(`/v2/zoeken?kvkNummer=${NL.eenmanszaak.kvkNummer}&resultatenPerPagina=1&pagina=2`);
    expect(two.json).toMatchObject({
      pagina: 2,
      totaal: 2,
      resultaten: [expect.objectContaining({ type: 'hoofdvestiging' })],
    });
    expect(two.json.vorige).toBe(
      `https://api.kvk.nl/api/v2/zoeken?kvknummer=${NL.eenmanszaak.kvkNummer}&pagina=1&resultatenperpagina=1`,
    );
    expect(two.json.volgende).toBeUndefined();
  });

  it('rejects bad parameters with KVK’s codes, statuses and texts', async () => {
    const cases: [string, number, string, string][] = [
      [`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}&foo=1`, 400, 'IPD1999', 'ongeldig: foo'],
      ['/v2/zoeken?kvkNummer=6875011', 400, 'IPD0004', 'Het KVK-nummer 6875011 is niet valide.'],
      // The central series (9…) is checked with the 11-proef, as the test environment answered for this number.
      ['/v2/zoeken?kvkNummer=90004333', 400, 'IPD0004', 'Het KVK-nummer 90004333 is niet valide.'],
      ['/v2/zoeken?rsin=12345', 400, 'IPD0010', 'Het RSI-nummer 12345 is niet valide.'],
      ['/v2/zoeken?vestigingsnummer=123', 400, 'IPD0006', 'Het vestigingsnummer 123 is niet valide.'],
      [`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}&resultatenPerPagina=101`, 400, 'IPD1999', 'resultatenPerPagina'],
      [`/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}&type=filiaal`, 404, 'IPD5203', 'Het opgegeven type is niet valide.'],
      ['/v2/zoeken?postcode=8823SJ', 400, 'IPD1998', 'Algemene invoer parameter fout.'],
      ['/v2/zoeken?pagina=1', 400, 'IPD1998', 'Algemene invoer parameter fout.'],
    ];
    for (const [path, status, code, text] of cases) {
      const a = await prod(path);
      expect([a.status, a.json.fout[0].code], path).toEqual([status, code]);
      expect(a.json.fout[0].omschrijving, path).toContain(text);
    }
  });

  it('keeps HTML in a name as plain data', async () => {
    const a = await prod(`/v2/zoeken?kvkNummer=${NL.xss.kvkNummer}`);
    expect(a.json.resultaten[0].naam).toContain(XSS_PAYLOAD);
  });
});

describe('fixture registry: KVK profiles', () => {
  it('embeds a main branch without trade names or SBI codes, its volledigAdres padded as KVK pads it', async () => {
    const a = await prod(`/v1/basisprofielen/${NL.bv.kvkNummer}?geoData=true`);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      kvkNummer: '68750110',
      naam: 'Test BV Donald',
      formeleRegistratiedatum: '20200210',
      materieleRegistratie: { datumAanvang: '20140210' },
      sbiActiviteiten: [{ sbiCode: '01241', sbiOmschrijving: 'Teelt van appels en peren', indHoofdactiviteit: 'Ja' }],
      _embedded: {
        hoofdvestiging: { vestigingsnummer: '000037178598', indHoofdvestiging: 'Ja' },
        eigenaar: { rsin: '857587973', rechtsvorm: 'BeslotenVennootschap' },
      },
    });
    const main = a.json._embedded.hoofdvestiging;
    expect(main).not.toHaveProperty('handelsnamen');
    expect(main).not.toHaveProperty('sbiActiviteiten');
    expect(main.adressen[0]).toMatchObject({
      type: 'correspondentieadres',
      straatnaam: 'Postbus',
      postbusnummer: 200,
      volledigAdres: `Postbus 200${pad(33)}1000AE Rommeldam`,
    });
    expect(main.adressen[1]).toMatchObject({
      huisnummer: 3,
      huisnummerToevoeging: 'A',
      volledigAdres: `Hizzaarderlaan 3 A${pad(33)}8823SJ Lollum`,
    });
    expect(main.adressen[1].geoData.gpsLatitude).toBeCloseTo(53.1274);
  });

  it('shows the owner’s addresses only for a company without a branch', async () => {
    const withBranch = (await prod(`/v1/basisprofielen/${NL.bv.kvkNummer}`)).json;
    expect(withBranch._embedded.eigenaar).not.toHaveProperty('adressen');
    const noBranch = (await prod(`/v1/basisprofielen/${NL.stichting.kvkNummer}`)).json;
    expect(noBranch._embedded).not.toHaveProperty('hoofdvestiging');
    expect(noBranch._embedded.eigenaar.adressen).toEqual([
      expect.objectContaining({ volledigAdres: 'Oosterwal 5 7241AR Lochem', plaats: 'Lochem' }),
    ]);
    // Its own link only: no vestigingen without branches.
    expect(noBranch.links).toEqual([
      { rel: 'self', href: `https://api.kvk.nl/api/v1/basisprofielen/${NL.stichting.kvkNummer}` },
    ]);
  });

  it('serves /hoofdvestiging, /vestigingen, /eigenaar, vestigingsprofielen and naamgevingen', async () => {
    const kvk = NL.eenmanszaak.kvkNummer;
    expect((await prod(`/v1/basisprofielen/${kvk}/hoofdvestiging`)).json.vestigingsnummer).toBe('000038509504');
    const list = (await prod(`/v1/basisprofielen/${kvk}/vestigingen`)).json;
    expect(list).toMatchObject({ totaalAantalVestigingen: 2, aantalCommercieleVestigingen: 2 });
    expect((await prod(`/v1/basisprofielen/${kvk}/eigenaar`)).json.uitgebreideRechtsvorm).toBe('Eenmanszaak');
    const branch = (await test('/v1/vestigingsprofielen/000038509520')).json;
    expect(branch).toMatchObject({
      kvkNummer: kvk,
      indHoofdvestiging: 'Nee',
      eersteHandelsnaam: 'Test EMZ Nevenvestiging Govert',
    });
    const coop = (await test(`/v1/vestigingsprofielen/${NL.cooperatie.branches[0]!.vestigingsnummer}`)).json;
    expect(coop.adressen[0].volledigAdres).toBe(`Oude Dijk 17 a 2${pad(25)}9101AB Dokkum`);
    const names = (await test(`/v1/naamgevingen/kvknummer/${kvk}`)).json;
    expect(names).toMatchObject({ naam: 'Test EMZ Dagobert', vestigingen: [expect.anything(), expect.anything()] });
  });

  it('gives a sole trader no RSIN and a bankrupt company no SBI, no main branch and no location data', async () => {
    const sole = (await prod(`/v1/basisprofielen/${NL.eenmanszaak.kvkNummer}`)).json;
    expect(sole._embedded.eigenaar).not.toHaveProperty('rsin');
    const bankrupt = await prod(`/v1/basisprofielen/${NL.bankrupt.kvkNummer}`);
    expect(bankrupt.json).not.toHaveProperty('sbiActiviteiten');
    expect(bankrupt.json._embedded).not.toHaveProperty('hoofdvestiging');
    const main = await prod(`/v1/basisprofielen/${NL.bankrupt.kvkNummer}/hoofdvestiging`);
    expect([main.status, main.json.fout[0].code]).toEqual([404, 'IPD0005']);
    const branch = (await prod(`/v1/vestigingsprofielen/${NL.bankrupt.branches[0]!.vestigingsnummer}`)).json;
    expect(branch).not.toHaveProperty('adressen');
    expect(branch.materieleRegistratie.datumEinde).toBe('20240315');
  });

  it('answers unknown and malformed numbers with KVK’s codes and texts, in the { fout } body', async () => {
    const unknown = await prod('/v1/basisprofielen/12345678');
    expect([unknown.status, unknown.json]).toEqual([
      404,
      {
        fout: [
          {
            code: 'IPD0005',
            omschrijving: 'Op basis van het KVK-nummer 12345678 kan het product niet worden geleverd.',
          },
        ],
      },
    ]);
    expect((await prod('/v1/basisprofielen/1234')).json.fout[0].code).toBe('IPD0004');
    expect((await prod('/v1/vestigingsprofielen/000000000001')).json.fout[0].code).toBe('IPD0007');
    const parameter = await prod(`/v1/basisprofielen/${NL.stichting.kvkNummer}?foo=bar`);
    expect([parameter.status, parameter.json.fout[0].code]).toEqual([400, 'IPD1999']);
    const temporary = await test(`/v2/zoeken?kvkNummer=${NL_ERROR_NUMBERS.temporary}`);
    expect([temporary.status, temporary.json.fout[0].code]).toEqual([404, 'IPD1002']);
    const technical = await test(`/v1/basisprofielen/${NL_ERROR_NUMBERS.technical}`);
    expect([technical.status, technical.json.fout[0]]).toEqual([
      500,
      { code: 'IPD9999', omschrijving: 'Algemene technische fout.' },
    ]);
  });

  it('writes links as an array for array-shaped companies', async () => {
    const a = (await prod(`/v1/basisprofielen/${NL.nv.kvkNummer}`)).json;
    expect(a).not.toHaveProperty('_links');
    expect(a.links).toContainEqual({
      rel: 'self',
      href: `https://api.kvk.nl/api/v1/basisprofielen/${NL.nv.kvkNummer}`,
    });
  });

  it('shows a shielded address with its town only', async () => {
    const a = (await prod(`/v1/vestigingsprofielen/${NL.shielded.branches[0]!.vestigingsnummer}`)).json;
    expect(a.adressen).toEqual([
      { type: 'correspondentieadres', indAfgeschermd: 'Ja', plaats: 'Sterksel', land: 'Nederland' },
    ]);
  });
});
