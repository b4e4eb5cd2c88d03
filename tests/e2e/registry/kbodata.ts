import type { FixtureHandler, FixtureReply, FixtureRequest } from '../support/registry-server';
import type { BeActivity, BeDenomination, BeEnterprise, BeEstablishment } from './catalogue-types';
import { BE } from './companies-be';
import { foldName, json } from './http';
import { KBODATA_TOKENS, KBODATA_USER } from './keys';
import { VAT } from './vat-numbers';

// api.kbodata.app v1 over the Belgian catalogue, bodies `{ success, data, count?, pagination? }` as seed 002 shows.
// Errors: `{ success: 0, message }` (only `success: 0` and the status are documented; `message` is ours).
// Parameters: a required one missing → 422; a number in a wrong format or failing mod 97, or both of two exclusive
// parameters → 409; an unknown number → 404.

/** The v1 path prefix. */
export const KBODATA_BASE = '/v1/';

const fail = (status: number, message: string): FixtureReply => json(status, { success: 0, message });
const ok = (data: unknown, extra: object = {}): FixtureReply => json(200, { success: 1, ...extra, data });

/** The token named by a basic-auth header, or undefined when the user or the scheme is wrong. */
function tokenOf(req: FixtureRequest): string | undefined {
  const m = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return undefined;
  const [user, ...rest] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  return user === KBODATA_USER ? rest.join(':') : undefined;
}

const enterprises: BeEnterprise[] = Object.values(BE);
const establishments: BeEstablishment[] = enterprises.flatMap((e) => e.establishments);

const formatEnterprise = (n: string) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
const formatEstablishment = (n: string) => `${n.slice(0, 1)}.${n.slice(1, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
const formatEntity = (n: string) => (/^[01]/.test(n) ? formatEnterprise(n) : formatEstablishment(n));

/** Digits of a number argument when it is a well-formed, mod-97-valid 10-digit number of the given series. */
function number(raw: string, series: RegExp): string | undefined {
  const n = raw.replace(/[.\s]/g, '');
  if (!/^\d{10}$/.test(n) || !series.test(n)) return undefined;
  return 97 - (Number(n.slice(0, 8)) % 97) === Number(n.slice(8)) ? n : undefined;
}
const ENTERPRISE = /^[01]/;
const ESTABLISHMENT = /^[2-8]/;
const ENTITY = /^[0-8]/;

function enterpriseData(e: BeEnterprise): object {
  const { activities: _activities, establishments: units, ...rest } = e;
  return {
    ...rest,
    enterpriseNumberFormatted: formatEnterprise(e.enterpriseNumber),
    establishments: units.map((u) => ({
      establishmentNumber: u.establishmentNumber,
      establishmentNumberFormatted: formatEstablishment(u.establishmentNumber),
      dateStart: u.dateStart,
    })),
  };
}

function establishmentData(u: BeEstablishment): object {
  return {
    enterpriseNumber: u.enterpriseNumber,
    enterpriseNumberFormatted: formatEnterprise(u.enterpriseNumber),
    establishmentNumber: u.establishmentNumber,
    establishmentNumberFormatted: formatEstablishment(u.establishmentNumber),
    dateStart: u.dateStart,
    addresses: u.addresses,
    denominations: u.denominations,
  };
}

function denominationRows(): object[] {
  const row = (entityNumber: string, d: BeDenomination, enterpriseNumber?: string) => ({
    entityNumber,
    entityNumberFormatted: formatEntity(entityNumber),
    entityType: enterpriseNumber ? 'establishment' : 'enterprise',
    ...(enterpriseNumber ? { enterpriseNumber, enterpriseNumberFormatted: formatEnterprise(enterpriseNumber) } : {}),
    ...d,
    description: d.typeDescription,
  });
  return [
    ...enterprises.flatMap((e) => e.denominations.map((d) => row(e.enterpriseNumber, d))),
    ...establishments.flatMap((u) => u.denominations.map((d) => row(u.establishmentNumber, d, u.enterpriseNumber))),
  ];
}

function vatVerify(q: URLSearchParams, development: boolean): FixtureReply {
  if (development) return fail(401, 'This method needs a production access token');
  const byEnterprise = q.get('enterpriseNumber');
  const byVat = q.get('vatNumber');
  if (byEnterprise !== null && byVat !== null) return fail(409, 'Use either enterpriseNumber or vatNumber');
  if (byEnterprise === null && byVat === null) return fail(422, 'enterpriseNumber or vatNumber is required');
  let digits: string | undefined;
  if (byVat !== null) digits = /^BE\d{10}$/.test(byVat) ? number(byVat.slice(2), ENTERPRISE) : undefined;
  else digits = number(byEnterprise!, ENTERPRISE);
  if (!digits) return fail(409, 'Invalid number format');
  if (byEnterprise !== null && !enterprises.some((e) => e.enterpriseNumber === digits))
    return fail(404, 'Enterprise not found');
  const entry = Object.values(VAT).find((v) => v.countryCode === 'BE' && v.vatNumber === digits);
  const isValid = entry?.valid === true;
  return ok({
    isValid,
    vatNumber: `BE${digits}`,
    ...(isValid ? { details: { name: entry.name, address: entry.address.replace(/\n/g, ', ') } } : {}),
    ...(byEnterprise !== null ? { enterpriseNumber: digits, enterpriseNumberFormatted: formatEnterprise(digits) } : {}),
  });
}

function activities(q: URLSearchParams): FixtureReply {
  const raw = q.get('entityNumber');
  if (raw === null) return fail(422, 'entityNumber is required');
  const n = number(raw, ENTITY);
  if (!n) return fail(409, 'Invalid entityNumber');
  const list: BeActivity[] | undefined =
    enterprises.find((e) => e.enterpriseNumber === n)?.activities ??
    establishments.find((u) => u.establishmentNumber === n)?.activities;
  if (!list) return fail(404, 'Entity not found');
  const filters = ['naceVersion', 'naceCode', 'activityGroup', 'classification'] as const;
  const rows = list.filter((a) =>
    filters.every((f) => !q.has(`filter[${f}]`) || String(a[f]) === q.get(`filter[${f}]`)),
  );
  return ok(rows, { count: rows.length });
}

function denominations(q: URLSearchParams): FixtureReply {
  const query = q.get('query');
  const entity = q.get('entityNumber');
  if (query === null && entity === null) return fail(422, 'query or entityNumber is required');
  const entityNumber = entity === null ? undefined : number(entity, ENTITY);
  if (entity !== null && !entityNumber) return fail(409, 'Invalid entityNumber');
  const entityType = q.get('filter[entityType]');
  if (entityType !== null && entityType !== 'enterprise' && entityType !== 'establishment')
    return fail(409, 'filter[entityType] must be enterprise or establishment');
  const words = query === null ? [] : foldName(query).split(' ').filter(Boolean);
  const rows = denominationRows().filter((r) => {
    const row = r as { entityNumber: string; entityType: string; value: string; type: number };
    return (
      words.every((w) => foldName(row.value).includes(w)) &&
      (entityNumber === undefined || row.entityNumber === entityNumber) &&
      (entityType === null || row.entityType === entityType) &&
      (!q.has('filter[type]') || String(row.type) === q.get('filter[type]'))
    );
  });
  return ok(rows, { count: rows.length, pagination: {} });
}

function me(token: string): FixtureReply {
  const development = token === KBODATA_TOKENS.development;
  return ok({
    customer: { username: KBODATA_USER, planDescription: 'Medium', dateCreated: '2024-03-31 13:51:28' },
    accessToken: {
      isDevelopment: development,
      description: development ? 'Company Lens development key' : 'Company Lens production key',
      dateCreated: '2024-03-31 13:52:45',
      dateExpiration: '2099-03-31',
    },
  });
}

/** The api.kbodata.app handler. */
export const kbodataHandler: FixtureHandler = (req) => {
  if (req.host !== 'api.kbodata.app' || !req.url.pathname.startsWith(KBODATA_BASE)) return undefined;
  const token = tokenOf(req);
  if (token === KBODATA_TOKENS.expired) return fail(402, 'Your plan has expired');
  if (token === KBODATA_TOKENS.quotaUsedUp) return fail(429, 'Monthly request limit exceeded');
  if (token !== KBODATA_TOKENS.production && token !== KBODATA_TOKENS.development) return fail(401, 'Not authorized');
  const method = req.url.pathname.slice(KBODATA_BASE.length);
  const q = req.url.searchParams;
  const known = [
    'enterprise/get.json',
    'establishment/get.json',
    'vat-number/verify.json',
    'denomination/search.json',
    'activity/get-list.json',
    'authorization/me.json',
  ];
  if (!known.includes(method)) return fail(404, `Unknown method ${method}`);
  if (req.method !== 'GET') return fail(405, `Method ${req.method} not allowed`);
  switch (method) {
    case 'enterprise/get.json': {
      const raw = q.get('enterpriseNumber');
      if (raw === null) return fail(422, 'enterpriseNumber is required');
      const n = number(raw, ENTERPRISE);
      if (!n) return fail(409, 'Invalid enterpriseNumber');
      const e = enterprises.find((x) => x.enterpriseNumber === n);
      return e ? ok(enterpriseData(e)) : fail(404, 'Enterprise not found');
    }
    case 'establishment/get.json': {
      const raw = q.get('establishmentNumber');
      if (raw === null) return fail(422, 'establishmentNumber is required');
      const n = number(raw, ESTABLISHMENT);
      if (!n) return fail(409, 'Invalid establishmentNumber');
      const u = establishments.find((x) => x.establishmentNumber === n);
      return u ? ok(establishmentData(u)) : fail(404, 'Establishment not found');
    }
    case 'vat-number/verify.json':
      return vatVerify(q, token === KBODATA_TOKENS.development);
    case 'denomination/search.json':
      return denominations(q);
    case 'activity/get-list.json':
      return activities(q);
    default:
      return me(token);
  }
};
