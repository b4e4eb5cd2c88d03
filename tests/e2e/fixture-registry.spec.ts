import { expect, test } from './fixtures';
import { BE, NL, VAT } from '../fixtures/registry/companies';
import {
  htmlErrorPage,
  kvkError,
  latency,
  malformedJson,
  noKeepAlive,
  observe,
  resetConnection,
  viesUserError,
} from '../fixtures/registry/faults';
import { KBODATA_TOKENS, KBODATA_USER, KVK_TEST_KEY } from '../fixtures/registry/keys';

// The fixture registry as the extension's service worker sees it: real HTTPS from Chromium to the local server.

test('answers KVK, VIES and kbodata.app from the service worker and records which credentials went where', async ({
  serviceWorker,
  registry,
}) => {
  const answers = await serviceWorker.evaluate(
    async ({ kvk, key, vat, be, user, token }) => {
      const kvkRes = await fetch(`https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=${kvk}`, {
        headers: { apikey: key },
      });
      const viesRes = await fetch(`https://ec.europa.eu/taxation_customs/vies/rest-api/ms/DE/vat/${vat}`);
      const kboRes = await fetch(`https://api.kbodata.app/v1/enterprise/get.json?enterpriseNumber=${be}`, {
        headers: { authorization: `Basic ${btoa(`${user}:${token}`)}` },
      });
      return {
        kvk: [kvkRes.status, (await kvkRes.json()).resultaten[0].naam],
        vies: [viesRes.status, (await viesRes.json()).name],
        kbo: [kboRes.status, (await kboRes.json()).data.denominations[0].value],
      };
    },
    {
      kvk: NL.bv.kvkNummer,
      key: KVK_TEST_KEY,
      vat: VAT.de.vatNumber,
      be: BE.nv.enterpriseNumber,
      user: KBODATA_USER,
      token: KBODATA_TOKENS.production,
    },
  );
  expect(answers).toEqual({
    kvk: [200, 'Test BV Donald'],
    vies: [200, '---'],
    kbo: [200, 'Brouwerijen Fictief'],
  });
  expect(registry.requestsTo('api.kvk.nl').map((r) => r.credentials)).toEqual([{ apikey: KVK_TEST_KEY }]);
  expect(registry.requestsTo('ec.europa.eu').map((r) => r.credentials)).toEqual([{}]);
  const basic = `Basic ${Buffer.from(`${KBODATA_USER}:${KBODATA_TOKENS.production}`).toString('base64')}`;
  expect(registry.requestsTo('api.kbodata.app').map((r) => r.credentials)).toEqual([{ authorization: basic }]);
});

test('each fault knob reaches the browser as that fault', async ({ serviceWorker, registry }) => {
  const kvk = observe({ host: 'api.kvk.nl' });
  registry.use(kvk);
  registry.use(noKeepAlive()); // no reused connection, so Chromium does not retry the reset request by itself
  registry.use(resetConnection({ host: 'api.kvk.nl', path: '/test/api/v1/' }));
  registry.use(kvkError('IPD1002', { path: '/test/api/v2/zoeken', times: 1 }));
  registry.use(htmlErrorPage(502, { host: 'api.kbodata.app' }));
  registry.use(viesUserError('FR', 'MS_UNAVAILABLE'));
  // the latest knob is tried first: malformedJson wins over viesUserError's check-status answer
  registry.use(malformedJson({ host: 'ec.europa.eu', path: /check-status/ }));
  registry.use(latency(3_000, { host: 'ec.europa.eu', path: /\/ms\/DE\// }));

  const outcome = await serviceWorker.evaluate(
    async ({ key, kvk, fr, de }) => {
      const settle = async (p: Promise<Response>, read: (r: Response) => Promise<unknown>) => {
        try {
          const r = await p;
          return { status: r.status, type: r.headers.get('content-type'), body: await read(r) };
        } catch (e) {
          return { failed: (e as Error).name };
        }
      };
      const json = (r: Response) => r.json();
      const text = (r: Response) => r.text();
      const kvkUrl = `https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=${kvk}`;
      const vies = 'https://ec.europa.eu/taxation_customs/vies/rest-api';
      return {
        kvkFirst: await settle(fetch(kvkUrl, { headers: { apikey: key } }), json),
        kvkSecond: await settle(fetch(kvkUrl, { headers: { apikey: key } }), json),
        kvkReset: await settle(
          fetch(`https://api.kvk.nl/test/api/v1/basisprofielen/${kvk}`, { headers: { apikey: key } }),
          json,
        ),
        kbo: await settle(fetch('https://api.kbodata.app/v1/authorization/me.json'), text),
        status: await settle(fetch(`${vies}/check-status`), json),
        fr: await settle(fetch(`${vies}/ms/FR/vat/${fr}`), json),
        slow: await settle(fetch(`${vies}/ms/DE/vat/${de}`, { signal: AbortSignal.timeout(300) }), json),
      };
    },
    { key: KVK_TEST_KEY, kvk: NL.bv.kvkNummer, fr: VAT.fr.vatNumber, de: VAT.de.vatNumber },
  );

  expect(outcome.kvkFirst).toMatchObject({ status: 404, body: { fout: [{ code: 'IPD1002' }] } });
  expect(outcome.kvkSecond).toMatchObject({ status: 200, body: { totaal: 1 } });
  expect(outcome.kvkReset).toEqual({ failed: 'TypeError' });
  expect(outcome.kbo).toMatchObject({
    status: 502,
    type: 'text/html',
    body: expect.stringContaining('502 Bad Gateway'),
  });
  expect(outcome.status).toEqual({ failed: 'SyntaxError' });
  expect(outcome.fr).toMatchObject({ status: 200, body: { isValid: false, userError: 'MS_UNAVAILABLE' } });
  expect(outcome.slow).toEqual({ failed: 'TimeoutError' });
  expect(kvk.count).toBe(3);
});
