// The lookup service in plain Node (esbuild-bundled from utils/): a page whose 300 identifiers hold 60 distinct
// numbers, looked up all at once (as hovering a busy page cannot, but a popup "on this page" list can), then again from
// the cache, then again after a "restart" (a new service on the same storage). A fake fetch answers after 20 ms.
// Prints requests made, cache hits and wall times, all measured in this run.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ENTRY = `
export { LookupService } from './utils/registry/service';
export { Fetcher } from './utils/registry/fetcher';
export { PersistentCache } from './utils/net/cache';
export { UsageMeter } from './utils/net/usage';
export { memoryStore } from './utils/net/store';
export { createHttp } from './utils/net/http';
export { DEFAULT_CREDENTIALS } from './utils/settings/schema';
`;

const LATENCY_MS = 20;

function zoeken(kvkNummer) {
  return {
    totaal: 1,
    resultaten: [
      {
        kvkNummer,
        vestigingsnummer: `0000${kvkNummer}`,
        naam: `Bedrijf ${kvkNummer}`,
        type: 'hoofdvestiging',
        actief: 'Ja',
      },
    ],
  };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  try {
    const out = join(dir, 'lookups.mjs');
    await build({
      stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: out,
      logLevel: 'error',
    });
    const m = await import(pathToFileURL(out).href);
    const store = m.memoryStore();
    let requests = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = async (url) => {
      requests++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((r) => setTimeout(r, LATENCY_MS));
      inFlight--;
      const kvk = new URL(url).searchParams.get('kvkNummer');
      return new Response(JSON.stringify(zoeken(kvk)), { status: 200 });
    };
    const make = () => {
      const now = () => Date.now();
      const cache = new m.PersistentCache(store, { now });
      const usage = new m.UsageMeter(store, now);
      const fetcher = new m.Fetcher({ cache, usage, now, readCap: async () => 500 });
      const credentials = {
        ...m.DEFAULT_CREDENTIALS,
        kvk: { apiKey: 'bench', useTestEnvironment: false, baseUrl: null },
      };
      const service = new m.LookupService({
        http: m.createHttp(fetch),
        fetcher,
        cache,
        usage,
        now,
        readCredentials: async () => credentials,
        readLimits: async () => ({ monthlyPaidCap: 500 }),
      });
      return { service, cache };
    };
    const numbers = Array.from({ length: 300 }, (_, i) => String(10000000 + (i % 60)));
    const round = async (label, service, cache) => {
      const before = requests;
      const t0 = performance.now();
      await Promise.all(numbers.map((n) => service.lookup('kvk', n)));
      const ms = performance.now() - t0;
      const stats = await cache.stats();
      console.log(
        `${label.padEnd(34)} ${String(requests - before).padStart(4)} requests  ${ms.toFixed(0).padStart(5)} ms  (${(ms / numbers.length).toFixed(2)} ms/lookup)  cache hits ${stats.hits}, misses ${stats.misses}`,
      );
    };
    const first = make();
    console.log(
      `300 lookups, 60 distinct KVK numbers, fetch latency ${LATENCY_MS} ms, KVK throttle 10/s burst 10, 4 at once`,
    );
    await round('cold (merge + throttle)', first.service, first.cache);
    console.log(`  most requests in flight at once: ${maxInFlight}`);
    await round('warm (same worker)', first.service, first.cache);
    const restarted = make();
    await round('after restart (same storage)', restarted.service, restarted.cache);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
