import { describe, expect, it } from 'vitest';
import { KvkClient } from '../../utils/registry/kvk/client';
import { basisprofielToProfile, kvkDate, zoekenToCompany, zoekenToResults } from '../../utils/registry/kvk/map';
import { createHttp } from '../../utils/net/http';
import { fakeFetch, type FakeAnswer } from './support/fake-fetch';

const endpoint = { baseUrl: 'https://api.kvk.nl/test/api', apiKey: 'l7xx-test', test: true };

/** A Zoeken answer as documented: a main branch and the legal person, links in either shape. */
function zoeken(links: 'map' | 'array', actief = 'Ja') {
  const link = (href: string) =>
    links === 'map' ? { _links: { basisprofiel: { href } } } : { links: [{ rel: 'basisprofiel', href }] };
  return {
    pagina: 1,
    resultatenPerPagina: 10,
    totaal: 2,
    resultaten: [
      {
        kvkNummer: '68750110',
        rsin: '857587973',
        naam: 'Test BV Donald',
        adres: { binnenlandsAdres: { type: 'bezoekadres', straatnaam: 'Hizzaarderlaan', plaats: 'Lollum' } },
        type: 'rechtspersoon',
        actief,
        ...link('https://api.kvk.nl/test/api/v1/basisprofielen/68750110'),
      },
      {
        kvkNummer: '68750110',
        vestigingsnummer: '000037178598',
        naam: 'Donald Vastgoed',
        adres: {
          binnenlandsAdres: {
            type: 'bezoekadres',
            straatnaam: 'Hizzaarderlaan',
            huisnummer: 3,
            huisletter: 'B',
            postcode: '8752KA',
            plaats: 'Lollum',
          },
        },
        type: 'hoofdvestiging',
        actief,
        ...link('https://api.kvk.nl/test/api/v1/vestigingsprofielen/000037178598'),
      },
    ],
    ...(links === 'map' ? { _links: { self: { href: 'x' } } } : { links: [{ rel: 'self', href: 'x' }] }),
  };
}

const client = (answer: FakeAnswer) => {
  const fetch = fakeFetch(() => answer);
  return { fetch, kvk: new KvkClient(createHttp(fetch)) };
};

describe('KvkClient.zoeken', () => {
  it.each(['map', 'array'] as const)(
    'parses a documented answer with links as a %s and sends the key as a header only',
    async (shape) => {
      const { fetch, kvk } = client({ body: zoeken(shape) });
      const outcome = await kvk.zoeken(endpoint, { kvkNummer: '68750110', inclusiefInactieveRegistraties: 'true' });
      expect(outcome.ok).toBe(true);
      expect(fetch.calls[0]!.url).toBe(
        'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=68750110&inclusiefInactieveRegistraties=true',
      );
      expect(fetch.calls[0]!.headers.apikey).toBe('l7xx-test');
      expect(fetch.calls[0]!.url).not.toContain('l7xx');
      const company = zoekenToCompany(outcome.ok ? outcome.value : (undefined as never));
      expect(company).toEqual({
        name: 'Test BV Donald',
        tradeNames: ['Donald Vastgoed'],
        address: {
          street: 'Hizzaarderlaan',
          houseNumber: '3 B',
          postalCode: '8752KA',
          city: 'Lollum',
          line: 'Hizzaarderlaan 3 B, 8752KA Lollum',
        },
        status: 'active',
        kvkNumber: '68750110',
        branchNumber: '000037178598',
        rsin: '857587973',
        links: [{ kind: 'kvk', url: 'https://www.kvk.nl/zoeken/?source=all&q=68750110' }],
      });
    },
  );

  it('reads an inactive registration as inactive and lists results for a name search', async () => {
    const { kvk } = client({ body: zoeken('map', 'Nee') });
    const outcome = await kvk.zoeken(endpoint, { naam: 'Test BV Donald' });
    if (!outcome.ok) throw new Error('expected ok');
    expect(zoekenToCompany(outcome.value)?.status).toBe('inactive');
    expect(zoekenToResults(outcome.value).map((r) => [r.kind, r.number, r.type, r.active])).toEqual([
      ['kvk', '68750110', 'legal-entity', false],
      ['kvk-branch', '000037178598', 'main', false],
    ]);
  });

  it('treats an empty result list as not found', async () => {
    const { kvk } = client({ body: { pagina: 1, totaal: 0, resultaten: [] } });
    expect(await kvk.zoeken(endpoint, { kvkNummer: '12345678' })).toEqual({
      ok: false,
      error: { code: 'not-found', service: 'kvk' },
    });
  });

  it.each<[string, FakeAnswer, object]>([
    [
      'IPD5200 (fout)',
      { status: 404, body: { fout: [{ code: 'IPD5200', omschrijving: 'Geen resultaten' }] } },
      { code: 'not-found' },
    ],
    [
      'IPD0005 (meldingen)',
      { status: 404, body: { meldingen: { fout: [{ code: 'IPD0005' }] } } },
      { code: 'not-found' },
    ],
    ['IPD0004', { status: 400, body: { fout: [{ code: 'IPD0004' }] } }, { code: 'not-found' }],
    [
      'IPD1002',
      { status: 404, body: { fout: [{ code: 'IPD1002' }] } },
      { code: 'service-unavailable', reason: 'IPD1002' },
    ],
    [
      'IPD1003 (meldingen)',
      { status: 404, body: { meldingen: { fout: [{ code: 'IPD1003' }] } } },
      { code: 'service-unavailable', reason: 'IPD1003' },
    ],
    [
      'IPD9999',
      { status: 500, body: { fout: [{ code: 'IPD9999' }] } },
      { code: 'service-unavailable', reason: 'IPD9999' },
    ],
    [
      'IPD1999',
      { status: 400, body: { fout: [{ code: 'IPD1999' }] } },
      { code: 'request-rejected', reason: 'IPD1999' },
    ],
    [
      'IPD1998',
      { status: 400, body: { fout: [{ code: 'IPD1998' }] } },
      { code: 'request-rejected', reason: 'IPD1998' },
    ],
    // "Het opgegeven type is niet valide" comes as a 404: a refused request, not a malformed answer.
    [
      'IPD5203',
      { status: 404, body: { fout: [{ code: 'IPD5203' }] } },
      { code: 'request-rejected', reason: 'IPD5203' },
    ],
    // "Het gevraagde product voor … bestaat niet."
    ['IPD0001', { status: 404, body: { fout: [{ code: 'IPD0001' }] } }, { code: 'not-found' }],
    ['unknown code', { status: 400, body: { fout: [{ code: 'IPD4711' }] } }, { code: 'malformed-answer', status: 400 }],
    ['401', { status: 401, body: { fout: [{ code: 'IPD0001' }] } }, { code: 'key-rejected', status: 401 }],
    ['403', { status: 403, body: '' }, { code: 'key-rejected', status: 403 }],
    ['429', { status: 429, headers: { 'retry-after': '2' } }, { code: 'rate-limited', retryAfterMs: 2000 }],
    [
      'HTML 502',
      { status: 502, body: '<html>Bad gateway</html>' },
      { code: 'service-unavailable', reason: 'HTTP 502' },
    ],
    ['HTML 200', { status: 200, body: '<html>maintenance</html>' }, { code: 'malformed-answer', status: 200 }],
    ['broken JSON', { status: 200, body: '{"resultaten": [' }, { code: 'malformed-answer', status: 200 }],
    ['changed shape', { status: 200, body: { results: [] } }, { code: 'malformed-answer', status: 200 }],
    [
      'bad number',
      { status: 200, body: { totaal: 1, resultaten: [{ kvkNummer: 'x', naam: 'n', type: 't' }] } },
      { code: 'malformed-answer', status: 200 },
    ],
    ['network', { throw: true }, { code: 'network' }],
  ])('maps %s to its typed error', async (_name, answer, error) => {
    const { kvk } = client(answer);
    expect(await kvk.zoeken(endpoint, { kvkNummer: '68750110' })).toEqual({
      ok: false,
      error: { service: 'kvk', ...error },
    });
  });
});

describe('KvkClient.basisprofiel', () => {
  it('maps a Basisprofiel to the paid profile', async () => {
    const { fetch, kvk } = client({
      body: {
        kvkNummer: '68750110',
        naam: 'Test BV Donald',
        formeleRegistratiedatum: '20170412',
        materieleRegistratie: { datumAanvang: '20170410' },
        totaalWerkzamePersonen: 12,
        statutaireNaam: 'Test BV Donald',
        handelsnamen: [
          { naam: 'Test BV Donald', volgorde: 0 },
          { naam: 'Donald Vastgoed', volgorde: 1 },
        ],
        sbiActiviteiten: [
          { sbiCode: '6420', sbiOmschrijving: 'Financiële holdings', indHoofdactiviteit: 'Ja' },
          { sbiCode: '6810', sbiOmschrijving: 'Handel in eigen onroerend goed', indHoofdactiviteit: 'Nee' },
        ],
        _embedded: {
          hoofdvestiging: {
            vestigingsnummer: '000037178598',
            eersteHandelsnaam: 'Test BV Donald',
            indHoofdvestiging: 'Ja',
            adressen: [
              {
                type: 'bezoekadres',
                indAfgeschermd: 'Nee',
                straatnaam: 'Hizzaarderlaan',
                huisnummer: 3,
                postcode: '8752KA',
                plaats: 'Lollum',
                land: 'Nederland',
              },
            ],
            websites: ['www.donald.example'],
          },
          eigenaar: {
            rsin: '857587973',
            rechtsvorm: 'BeslotenVennootschap',
            uitgebreideRechtsvorm: 'Besloten Vennootschap',
          },
        },
      },
    });
    const outcome = await kvk.basisprofiel({ ...endpoint, baseUrl: 'https://api.kvk.nl/api', test: false }, '68750110');
    expect(fetch.calls[0]!.url).toBe('https://api.kvk.nl/api/v1/basisprofielen/68750110');
    if (!outcome.ok) throw new Error('expected ok');
    const profile = basisprofielToProfile(outcome.value);
    expect(profile.company).toMatchObject({
      name: 'Test BV Donald',
      tradeNames: ['Donald Vastgoed'],
      legalForm: 'Besloten Vennootschap',
      status: 'active',
      startDate: '2017-04-10',
      mainActivity: { scheme: 'sbi', code: '6420', description: 'Financiële holdings', main: true },
      address: { line: 'Hizzaarderlaan 3, 8752KA Lollum' },
      rsin: '857587973',
    });
    expect(profile.employees).toBe(12);
    expect(profile.activities).toHaveLength(2);
    expect(profile.establishments).toEqual([expect.objectContaining({ number: '000037178598', main: true })]);
    expect(profile.websites).toEqual(['www.donald.example']);
  });

  it('reads KVK dates with unknown parts', () => {
    expect(kvkDate('20170410')).toBe('2017-04-10');
    expect(kvkDate('20170400')).toBe('2017-04');
    expect(kvkDate('20170000')).toBe('2017');
    expect(kvkDate('00000000')).toBeUndefined();
    expect(kvkDate('garbage')).toBeUndefined();
  });
});

describe('a fetch failure right after 5xx answers', () => {
  it("is the service being unavailable (Chromium's own back-off), not the user's network", async () => {
    const answers: FakeAnswer[] = [{ status: 500, body: { fout: [{ code: 'IPD9999' }] } }, { throw: true }];
    const fetch = fakeFetch(() => answers.shift() ?? { throw: true });
    const kvk = new KvkClient(createHttp(fetch));
    await kvk.zoeken(endpoint, { kvkNummer: '90002903' });
    expect(await kvk.zoeken(endpoint, { kvkNummer: '68750110' })).toEqual({
      ok: false,
      error: { code: 'service-unavailable', service: 'kvk', reason: 'BROWSER_BACKOFF' },
    });
    // Another path has had no 5xx: a failure there is a network failure.
    expect(await kvk.basisprofiel(endpoint, '68750110')).toEqual({
      ok: false,
      error: { code: 'network', service: 'kvk' },
    });
  });
});
