import type { FixtureHandler, FixtureReply, FixtureRequest } from '../support/registry-server';
import type { VatEntry } from './catalogue-types';
import { json, parseJsonBody } from './http';
import { VAT, VIES_MEMBER_STATES, VIES_UNAVAILABLE_STATES } from './vat-numbers';

// VIES REST (ec.europa.eu/taxation_customs/vies/rest-api), no key. GET /ms/{cc}/vat/{n} reports every outcome as
// HTTP 200 with `userError`; POST /check-vat-number reports failures as 4xx/5xx `{ actionSucceed: false, errorWrappers }`.

/** VIES `userError` values. */
export const VIES_USER_ERRORS = [
  'VALID',
  'INVALID',
  'INVALID_INPUT',
  'INVALID_REQUESTER_INFO',
  'SERVICE_UNAVAILABLE',
  'MS_UNAVAILABLE',
  'TIMEOUT',
  'VAT_BLOCKED',
  'IP_BLOCKED',
  'GLOBAL_MAX_CONCURRENT_REQ',
  'GLOBAL_MAX_CONCURRENT_REQ_TIME',
  'MS_MAX_CONCURRENT_REQ',
  'MS_MAX_CONCURRENT_REQ_TIME',
] as const;
export type ViesUserError = (typeof VIES_USER_ERRORS)[number];

/** The answers of POST /check-vat-test-service, by the vatNumber sent. */
export const VIES_TEST_SERVICE: Record<string, ViesUserError> = {
  '100': 'VALID',
  '200': 'INVALID',
  '201': 'INVALID_INPUT',
  '300': 'SERVICE_UNAVAILABLE',
  '301': 'MS_UNAVAILABLE',
  '302': 'TIMEOUT',
  '400': 'VAT_BLOCKED',
  '401': 'IP_BLOCKED',
  '500': 'GLOBAL_MAX_CONCURRENT_REQ',
  '600': 'MS_MAX_CONCURRENT_REQ',
};

/** The path prefix of the VIES REST API. */
export const VIES_BASE = '/taxation_customs/vies/rest-api';

const ERROR_TEXT: Partial<Record<ViesUserError, string>> = {
  INVALID_INPUT: 'The provided CountryCode is invalid or the VAT number is empty',
  INVALID_REQUESTER_INFO: 'The requester VAT number or member state is invalid',
  SERVICE_UNAVAILABLE: 'An error was encountered either at the network level or the Web application level',
  MS_UNAVAILABLE: 'The application at the Member State is not replying or not available',
  TIMEOUT: 'The application did not receive a reply within the allocated time period',
  VAT_BLOCKED: 'The VAT number is blocked',
  IP_BLOCKED: 'The IP address is blocked',
  GLOBAL_MAX_CONCURRENT_REQ:
    'Your request has not been processed; the maximum number of concurrent requests has been reached',
  MS_MAX_CONCURRENT_REQ:
    'Your request has not been processed; the maximum number of concurrent requests for this Member State has been reached',
};

/** The HTTP status of a POST failure: bad input 400, anything else 500. */
export function viesErrorStatus(error: ViesUserError): number {
  return error === 'INVALID_INPUT' || error === 'INVALID_REQUESTER_INFO' ? 400 : 500;
}

/** A 4xx/5xx VIES failure body. */
export function viesErrorReply(error: string, status?: number): FixtureReply {
  const message = ERROR_TEXT[error as ViesUserError] ?? error;
  return json(status ?? viesErrorStatus(error as ViesUserError), {
    actionSucceed: false,
    errorWrappers: [{ error, message }],
  });
}

/** What VIES says about a number, before it is put into either answer shape. */
export interface ViesVerdict {
  countryCode: string;
  vatNumber: string;
  userError: ViesUserError;
  entry?: VatEntry;
}

/** Looks a number up in the catalogue, honouring unavailable member states (`extraUnavailable` from the knobs). */
export function viesVerdict(
  countryCode: string,
  rawNumber: string,
  extraUnavailable: readonly string[] = [],
): ViesVerdict {
  const vatNumber = rawNumber.replace(/[\s.-]/g, '').toUpperCase();
  const base = { countryCode, vatNumber };
  if (!(VIES_MEMBER_STATES as readonly string[]).includes(countryCode) || !/^[0-9A-Z+*]{2,12}$/.test(vatNumber))
    return { ...base, userError: 'INVALID_INPUT' };
  if ([...VIES_UNAVAILABLE_STATES, ...extraUnavailable].includes(countryCode))
    return { ...base, userError: 'MS_UNAVAILABLE' };
  const entry = Object.values(VAT).find((v) => v.countryCode === countryCode && v.vatNumber === vatNumber);
  return { ...base, userError: entry?.valid ? 'VALID' : 'INVALID', entry };
}

let consultations = 0;

/** A consultation number like VIES's (`WAPIAAAAZ…`), different for each check. */
function consultationNumber(): string {
  consultations += 1;
  return `WAPIAAAAZ${Date.now().toString(36).toUpperCase()}${consultations.toString(36).toUpperCase()}`;
}

/** The GET /ms/{cc}/vat/{n} answer: always HTTP 200, `isValid` false for every non-VALID outcome. */
export function viesGetReply(v: ViesVerdict): FixtureReply {
  const valid = v.userError === 'VALID';
  return json(200, {
    isValid: valid,
    requestDate: new Date().toISOString(),
    userError: v.userError,
    name: valid ? v.entry!.name : '---',
    address: valid ? v.entry!.address : '---',
    requestIdentifier: '',
    originalVatNumber: v.vatNumber,
    vatNumber: v.vatNumber,
    viesApproximate: {
      name: '---',
      street: '---',
      postalCode: '---',
      city: '---',
      companyType: '---',
      matchName: 3,
      matchStreet: 3,
      matchPostalCode: 3,
      matchCity: 3,
      matchCompanyType: 3,
    },
  });
}

/** The POST check answer: VALID/INVALID as 200, anything else as an error reply. */
export function viesPostReply(v: ViesVerdict, withConsultation: boolean): FixtureReply {
  if (v.userError !== 'VALID' && v.userError !== 'INVALID') return viesErrorReply(v.userError);
  const valid = v.userError === 'VALID';
  return json(200, {
    countryCode: v.countryCode,
    vatNumber: v.vatNumber,
    requestDate: new Date().toISOString(),
    valid,
    requestIdentifier: withConsultation ? consultationNumber() : '',
    name: valid ? v.entry!.name : '---',
    address: valid ? v.entry!.address : '---',
    traderName: '---',
    traderStreet: '---',
    traderPostalCode: '---',
    traderCity: '---',
    traderCompanyType: '---',
    traderNameMatch: 'NOT_PROCESSED',
    traderStreetMatch: 'NOT_PROCESSED',
    traderPostalCodeMatch: 'NOT_PROCESSED',
    traderCityMatch: 'NOT_PROCESSED',
    traderCompanyTypeMatch: 'NOT_PROCESSED',
  });
}

/** The GET /check-status answer. */
export function viesStatusReply(extraUnavailable: readonly string[] = []): FixtureReply {
  const down = [...VIES_UNAVAILABLE_STATES, ...extraUnavailable];
  return json(200, {
    vow: { available: true },
    countries: VIES_MEMBER_STATES.map((countryCode) => ({
      countryCode,
      availability: down.includes(countryCode) ? 'Unavailable' : 'Available',
    })),
  });
}

interface CheckBody {
  countryCode?: unknown;
  vatNumber?: unknown;
  requesterMemberStateCode?: unknown;
  requesterNumber?: unknown;
}

function checkVatNumber(req: FixtureRequest, testService: boolean): FixtureReply {
  const body = parseJsonBody(req) as CheckBody | undefined;
  if (!body || typeof body !== 'object' || typeof body.countryCode !== 'string' || typeof body.vatNumber !== 'string')
    return viesErrorReply('INVALID_INPUT');
  const { countryCode, vatNumber, requesterMemberStateCode: rc, requesterNumber: rn } = body;
  if (testService) {
    const outcome = VIES_TEST_SERVICE[vatNumber] ?? 'INVALID_INPUT';
    const entry = { countryCode, vatNumber, valid: true, name: '---', address: '---' };
    return viesPostReply({ countryCode, vatNumber, userError: outcome, entry }, Boolean(rc && rn));
  }
  const hasRequester = rc !== undefined || rn !== undefined;
  if (hasRequester) {
    const requester =
      typeof rc === 'string' && typeof rn === 'string' ? viesVerdict(rc, rn) : { userError: 'INVALID_INPUT' };
    if (requester.userError !== 'VALID') return viesErrorReply('INVALID_REQUESTER_INFO');
  }
  return viesPostReply(viesVerdict(countryCode, vatNumber), hasRequester);
}

/** The ec.europa.eu handler. */
export const viesHandler: FixtureHandler = (req) => {
  if (req.host !== 'ec.europa.eu' || !req.url.pathname.startsWith(`${VIES_BASE}/`)) return undefined;
  const path = req.url.pathname.slice(VIES_BASE.length);
  const ms = /^\/ms\/([^/]+)\/vat\/([^/]+)$/.exec(path);
  if (ms && req.method === 'GET') return viesGetReply(viesVerdict(ms[1]!, decodeURIComponent(ms[2]!)));
  if (path === '/check-status' && req.method === 'GET') return viesStatusReply();
  if (path === '/check-vat-number' && req.method === 'POST') return checkVatNumber(req, false);
  if (path === '/check-vat-test-service' && req.method === 'POST') return checkVatNumber(req, true);
  if (ms || ['/check-status', '/check-vat-number', '/check-vat-test-service'].includes(path))
    return json(405, { actionSucceed: false, errorWrappers: [{ error: 'METHOD_NOT_ALLOWED', message: req.method }] });
  return undefined;
};
