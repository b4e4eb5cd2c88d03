import { describe, expect, it } from 'vitest';
import { NL, VAT } from '../fixtures/registry/companies';
import { registryHandlers } from '../fixtures/registry';
import {
  htmlErrorPage,
  httpStatus,
  kvkError,
  kvkShapes,
  latency,
  malformedJson,
  noKeepAlive,
  observe,
  resetConnection,
  stallAfterHeaders,
  viesUserError,
} from '../fixtures/registry/faults';
import { KVK_TEST_KEY } from '../fixtures/registry/keys';
import { VIES_BASE } from '../fixtures/registry/vies';
import type { FixtureHandler } from '../fixtures/registry/server';
import { ask, type Ask } from './fixture-registry-support';

const zoeken: Ask = {
  url: `https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=${NL.bv.kvkNummer}`,
  headers: { apikey: KVK_TEST_KEY },
};
const vies = (cc: string, n: string): Ask => ({ url: `https://ec.europa.eu${VIES_BASE}/ms/${cc}/vat/${n}` });
/** As `registry.use(h)` does: the knobs first (latest first), then the defaults. */
const withKnobs = (...knobs: FixtureHandler[]) => [...knobs.reverse(), ...registryHandlers];

describe('fixture registry fault knobs', () => {
  it('stallAfterHeaders keeps the normal status and headers, marks the answer to stall, `times` lets later ones through', async () => {
    const handlers = withKnobs(stallAfterHeaders({ host: 'api.kvk.nl', times: 1 }));
    const normal = await ask(zoeken, registryHandlers);
    const stalled = await ask(zoeken, handlers);
    expect([stalled.status, stalled.stall]).toEqual([200, true]);
    expect(stalled.json).toEqual(normal.json);
    expect((await ask(zoeken, handlers)).stall).toBeUndefined();
    expect((await ask(vies('DE', VAT.de.vatNumber), handlers)).stall).toBeUndefined();
  });

  it('latency delays the normal answer of one host only', async () => {
    const handlers = withKnobs(latency(300, { host: 'api.kvk.nl' }));
    const slow = await ask(zoeken, handlers);
    expect([slow.status, slow.delayMs, slow.json.totaal]).toEqual([200, 300, 1]);
    expect((await ask(vies('DE', VAT.de.vatNumber), handlers)).delayMs).toBeUndefined();
  });

  it('httpStatus answers a given status, and `times` lets later requests through', async () => {
    const handlers = withKnobs(httpStatus(503, { host: 'api.kvk.nl', times: 1, body: { message: 'down' } }));
    expect(await ask(zoeken, handlers)).toMatchObject({ status: 503, json: { message: 'down' } });
    expect((await ask(zoeken, handlers)).status).toBe(200);
  });

  it('kvkError answers a KVK code with its documented status or a given one, in either wrapper', async () => {
    const a = await ask(zoeken, withKnobs(kvkError('IPD1003')));
    expect([a.status, a.json.fout[0].code]).toEqual([404, 'IPD1003']);
    const b = await ask(zoeken, withKnobs(kvkError('IPD9999', { status: 503, shape: 'meldingen' })));
    expect([b.status, b.json.meldingen.fout[0].code]).toEqual([503, 'IPD9999']);
    const onlyProfiles = withKnobs(kvkError('IPD0005', { path: /\/basisprofielen\// }));
    expect((await ask(zoeken, onlyProfiles)).status).toBe(200);
  });

  it('kvkShapes forces one link shape and one error wrapper for every company', async () => {
    const handlers = withKnobs(kvkShapes({ links: 'array', errors: 'meldingen' }));
    const a = await ask(zoeken, handlers);
    expect(a.json.resultaten[0].links).toContainEqual(expect.objectContaining({ rel: 'basisprofiel' }));
    expect(a.json.resultaten[0]).not.toHaveProperty('_links');
    const missing = await ask({ ...zoeken, url: 'https://api.kvk.nl/test/api/v2/zoeken?kvkNummer=12345678' }, handlers);
    expect(missing.json.meldingen.fout[0].code).toBe('IPD5200');
  });

  it('viesUserError makes one member state fail on GET (200) and POST (error body) and shows in check-status', async () => {
    const handlers = withKnobs(viesUserError('DE', 'MS_MAX_CONCURRENT_REQ'));
    const get = await ask(vies('DE', VAT.de.vatNumber), handlers);
    expect([get.status, get.json.isValid, get.json.userError]).toEqual([200, false, 'MS_MAX_CONCURRENT_REQ']);
    const post = await ask(
      {
        url: `https://ec.europa.eu${VIES_BASE}/check-vat-number`,
        method: 'POST',
        body: { countryCode: 'DE', vatNumber: VAT.de.vatNumber },
      },
      handlers,
    );
    // The concurrency limit's error body comes with HTTP 200, as seen in the wild.
    expect([post.status, post.json.errorWrappers[0].error]).toEqual([200, 'MS_MAX_CONCURRENT_REQ']);
    const timeout = await ask(
      {
        url: `https://ec.europa.eu${VIES_BASE}/check-vat-number`,
        method: 'POST',
        body: { countryCode: 'DE', vatNumber: VAT.de.vatNumber },
      },
      withKnobs(viesUserError('DE', 'TIMEOUT')),
    );
    expect([timeout.status, timeout.json.errorWrappers[0].error]).toEqual([500, 'TIMEOUT']);
    expect((await ask(vies('FR', VAT.fr.vatNumber), handlers)).json.userError).toBe('VALID');
    const down = withKnobs(viesUserError('FR', 'MS_UNAVAILABLE'));
    const status = await ask({ url: `https://ec.europa.eu${VIES_BASE}/check-status` }, down);
    expect(status.json.countries).toContainEqual({ countryCode: 'FR', availability: 'Unavailable' });
  });

  it('malformedJson, htmlErrorPage and resetConnection answer as their names say', async () => {
    const broken = await ask(zoeken, withKnobs(malformedJson()));
    expect([broken.status, broken.headers?.['content-type'], broken.json]).toEqual([
      200,
      'application/json',
      undefined,
    ]);
    const html = await ask(zoeken, withKnobs(htmlErrorPage(503)));
    expect([html.status, html.headers?.['content-type']]).toEqual([503, 'text/html']);
    expect(html.body).toContain('<title>503 Service Temporarily Unavailable</title>');
    expect((await ask(zoeken, withKnobs(resetConnection({ host: 'api.kvk.nl' })))).destroy).toBe(true);
  });

  it('observe counts matching requests without changing the answers', async () => {
    const kvk = observe({ host: 'api.kvk.nl' });
    const handlers = withKnobs(kvk);
    await ask(zoeken, handlers);
    await ask(zoeken, handlers);
    const other = await ask(vies('DE', VAT.de.vatNumber), handlers);
    expect(other.json.userError).toBe('VALID');
    expect(kvk.count).toBe(2);
    expect(kvk.requests[0]!.url.searchParams.get('kvkNummer')).toBe(NL.bv.kvkNummer);
  });

  it('watching knobs see and change every answer wherever they were added', async () => {
    const watcher = observe();
    const handlers = withKnobs(watcher, latency(50), noKeepAlive(), httpStatus(503, { host: 'api.kvk.nl' }));
    const a = await ask(zoeken, handlers);
    expect([a.status, a.delayMs, a.headers]).toEqual([503, 50, { connection: 'close' }]);
    expect(watcher.count).toBe(1);
  });
});
