import type { FixtureHandler } from '../support/registry-server';
import type { NlCompany } from './catalogue-types';
import { NL, NL_ERROR_NUMBERS } from './companies-nl';
import { json } from './http';
import { KVK_PRODUCTION_KEY, KVK_TEST_KEY } from './keys';
import { kvkProfile } from './kvk-profiles';
import { kvkErrorReply, type KvkShapeOptions } from './kvk-shapes';
import { kvkZoeken } from './kvk-zoeken';

// api.kvk.nl: production under /api with KVK_PRODUCTION_KEY, test under /test/api with KVK_TEST_KEY (same
// catalogue on both). Wrong or missing `apikey` header: 401. Only GET.

/** The KVK API bases and the key each accepts. */
export const KVK_BASES = [
  { prefix: '/api', key: KVK_PRODUCTION_KEY },
  { prefix: '/test/api', key: KVK_TEST_KEY },
] as const;

/** Makes the api.kvk.nl handler; `forced` makes every answer use one link or error shape (see `kvkShapes`). */
export function createKvkHandler(forced: KvkShapeOptions = {}): FixtureHandler {
  const companies: NlCompany[] = Object.values(NL);
  return (req) => {
    if (req.host !== 'api.kvk.nl') return undefined;
    const base = KVK_BASES.find((b) => req.url.pathname.startsWith(`${b.prefix}/`));
    if (!base) return undefined;
    if (req.headers.apikey !== base.key) {
      return json(401, { message: 'Unauthorized: missing or invalid apikey' });
    }
    if (req.method !== 'GET') return json(405, { message: `Method ${req.method} not allowed` });
    const path = req.url.pathname.slice(base.prefix.length);
    const origin = `https://api.kvk.nl${base.prefix}`;

    const numbers = [req.url.searchParams.get('kvkNummer'), /\/(\d{8})(?:\/|$)/.exec(path)?.[1]];
    if (numbers.includes(NL_ERROR_NUMBERS.temporary)) return kvkErrorReply('IPD1002', forced.errors ?? 'meldingen');
    if (numbers.includes(NL_ERROR_NUMBERS.technical)) return kvkErrorReply('IPD9999', forced.errors ?? 'fout');

    if (path === '/v2/zoeken') return kvkZoeken(req, companies, origin, forced);
    return kvkProfile(req, path, companies, origin, forced);
  };
}

/** The default api.kvk.nl handler (each company's own link and error shapes). */
export const kvkHandler: FixtureHandler = createKvkHandler();
