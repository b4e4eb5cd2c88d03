import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KVK_TEST_ENVIRONMENT_NUMBERS, NL, NL_ERROR_NUMBERS } from '../fixtures/registry/companies';
import { kvkShapes } from '../fixtures/registry/faults';
import { registryHandlers } from '../fixtures/registry';
import { KVK_TEST_KEY } from '../fixtures/registry/keys';
import { ask } from './fixture-registry-support';

// The fake KVK answers its test-environment entries exactly as KVK's test environment answered the same requests
// (tests/fixtures/registry-samples), so the demo mode and the tests agree; and its invented companies stay off the
// numbers the test environment uses.

const sample = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/registry-samples/kvk/${file}`, import.meta.url), 'utf8'));

const demo = (path: string, links?: 'map' | 'array') =>
  ask(
    { url: `https://api.kvk.nl/test/api${path}`, headers: { apikey: KVK_TEST_KEY } },
    links ? [kvkShapes({ links }), ...registryHandlers] : registryHandlers,
  );

describe('fixture registry: the KVK test environment as recorded', () => {
  it.each([
    ['/v2/zoeken?kvkNummer=69599084', 'zoeken-kvknummer-69599084.json', undefined, 200],
    ['/v2/zoeken?kvkNummer=69599084', 'zoeken-kvknummer-69599084-links-array.json', 'array', 200],
    ['/v2/zoeken?rsin=992760562', 'zoeken-rsin-992760562.json', undefined, 200],
    ['/v2/zoeken?vestigingsnummer=990000541921', 'zoeken-vestigingsnummer-990000541921.json', undefined, 200],
    ['/v1/basisprofielen/69599084', 'basisprofiel-69599084.json', undefined, 200],
    ['/v1/basisprofielen/69599084', 'basisprofiel-69599084-links-array.json', 'array', 200],
    ['/v1/basisprofielen/90000749', 'basisprofiel-90000749-vve-no-branch.json', undefined, 200],
    ['/v1/vestigingsprofielen/000038509504', 'vestigingsprofiel-000038509504.json', undefined, 200],
    ['/v1/vestigingsprofielen/000037178598', 'vestigingsprofiel-000037178598-donald.json', undefined, 200],
    ['/v2/zoeken?kvkNummer=12345678', 'error-zoeken-404-IPD5200.json', undefined, 404],
    ['/v2/zoeken?kvkNummer=90004333', 'error-zoeken-400-IPD0004.json', undefined, 400],
    ['/v1/basisprofielen/12345678', 'error-basisprofiel-404-IPD0005.json', undefined, 404],
    ['/v1/vestigingsprofielen/12345678', 'error-vestigingsprofiel-400-IPD0006.json', undefined, 400],
    [`/v1/basisprofielen/${NL_ERROR_NUMBERS.technical}`, 'error-basisprofiel-500-IPD9999.json', undefined, 500],
  ] as const)('GET %s answers as %s', async (path, file, links, status) => {
    const answer = await demo(path, links);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual(sample(file));
  });

  it('answers KVK’s documentation example for the stichting without a branch (a rechtspersoon result)', async () => {
    const doc = sample('zoeken-doc-69599068-rechtspersoon.json') as { totaal: number; resultaten: unknown[] };
    const answer = (await demo('/v2/zoeken?kvkNummer=69599068')).json;
    expect([answer.totaal, answer.resultaten]).toEqual([doc.totaal, doc.resultaten]);
  });

  it('keeps invented companies off the test environment’s numbers, and test-environment entries on them', () => {
    const kvk: readonly string[] = KVK_TEST_ENVIRONMENT_NUMBERS.kvk;
    const vestiging: readonly string[] = KVK_TEST_ENVIRONMENT_NUMBERS.vestiging;
    for (const [name, c] of Object.entries(NL)) {
      const branches = c.branches.map((b) => b.vestigingsnummer);
      if (c.origin === 'test-environment') {
        expect(kvk, name).toContain(c.kvkNummer);
        for (const b of branches) expect(vestiging, `${name} ${b}`).toContain(b);
      } else {
        expect(kvk, name).not.toContain(c.kvkNummer);
        for (const b of branches) expect(vestiging, `${name} ${b}`).not.toContain(b);
      }
    }
    expect(Object.values(NL).filter((c) => c.origin === 'test-environment')).toHaveLength(5);
  });
});
