import type { FixtureHandler, FixtureReply, FixtureRequest } from '../support/registry-server';
import { REGISTRY_HOSTS } from '../support/registry-server';
import type { KvkErrorShape } from './catalogue-types';
import { parseJsonBody } from './http';
import { createKvkHandler } from './kvk';
import { kvkErrorReply, type KvkErrorCode, type KvkShapeOptions } from './kvk-shapes';
import { VIES_BASE, viesGetReply, viesPostReply, viesStatusReply, viesVerdict, type ViesUserError } from './vies';

// Fault knobs: each returns a FixtureHandler for `registry.use(...)`, in effect until `registry.reset()` (the
// `context` fixture resets before each test). Answering knobs are tried before the defaults, the latest added first;
// watching knobs (`latency`, `noKeepAlive`, `observe`) see every request whenever they were added.

/** A host the fixture registry serves. */
export type RegistryHost = (typeof REGISTRY_HOSTS)[number];

/** Which requests a knob applies to; every field left out matches everything. */
export interface FaultScope {
  /** Only requests to this host. */
  host?: RegistryHost;
  /** A string matches a path prefix (`/test/api/v2/zoeken`); a RegExp is tested on path + query. */
  path?: string | RegExp;
  method?: string;
  /** Only the first `times` matching requests; later ones go on to the next handler (fail once, then succeed). */
  times?: number;
}

/** Wraps a reply builder in scope matching and the `times` budget. */
function scoped(scope: FaultScope, reply: (req: FixtureRequest) => FixtureReply | undefined): FixtureHandler {
  let used = 0;
  return (req) => {
    if (scope.host && req.host !== scope.host) return undefined;
    if (scope.method && req.method !== scope.method.toUpperCase()) return undefined;
    if (typeof scope.path === 'string' && !req.url.pathname.startsWith(scope.path)) return undefined;
    if (scope.path instanceof RegExp && !scope.path.test(req.url.pathname + req.url.search)) return undefined;
    if (scope.times !== undefined && used >= scope.times) return undefined;
    const answer = reply(req);
    if (answer) used += 1;
    return answer;
  };
}

/** Marks a handler that only watches, delays or adds headers: the registry tries it before every other handler. */
function passThrough(handler: FixtureHandler): FixtureHandler {
  handler.passThrough = true;
  return handler;
}

/** Answers every matching request `ms` later than it would otherwise (the answer itself is unchanged). */
export function latency(ms: number, scope: FaultScope = {}): FixtureHandler {
  return passThrough(scoped(scope, () => ({ pass: true, delayMs: ms })));
}

/** Answers matching requests with `status` and the given body (default: empty). */
export function httpStatus(
  status: number,
  options: FaultScope & { body?: string | object; headers?: Record<string, string> } = {},
): FixtureHandler {
  const { body = '', headers, ...scope } = options;
  return scoped(scope, () => ({ status, body, headers }));
}

/** Answers api.kvk.nl requests with a KVK error: documented status unless `status`, `fout` wrapper unless `shape`. */
export function kvkError(
  code: KvkErrorCode | (string & {}),
  options: Omit<FaultScope, 'host'> & { status?: number; shape?: KvkErrorShape; omschrijving?: string } = {},
): FixtureHandler {
  const { status, shape, omschrijving, ...scope } = options;
  return scoped({ ...scope, host: 'api.kvk.nl' }, () => kvkErrorReply(code, shape, status, omschrijving));
}

/**
 * Makes VIES answer `userError` for every check of a member state: GET /ms/{cc}/vat/… as HTTP 200 with
 * `isValid: false`; POST /check-vat-number as 200 `valid: false` for INVALID, else 400/500 `errorWrappers`.
 * With MS_UNAVAILABLE, /check-status also reports the state as `Unavailable` (that answer does not use up `times`).
 */
export function viesUserError(
  memberState: string,
  userError: Exclude<ViesUserError, 'VALID'>,
  options: Pick<FaultScope, 'times'> = {},
): FixtureHandler {
  let used = 0;
  return (req) => {
    if (req.host !== 'ec.europa.eu' || !req.url.pathname.startsWith(VIES_BASE)) return undefined;
    if (options.times !== undefined && used >= options.times) return undefined;
    const path = req.url.pathname.slice(VIES_BASE.length);
    if (path === '/check-status' && userError === 'MS_UNAVAILABLE') return viesStatusReply([memberState]);
    const ms = /^\/ms\/([^/]+)\/vat\/([^/]+)$/.exec(path);
    if (ms && ms[1] === memberState && req.method === 'GET') {
      used += 1;
      return viesGetReply({ ...viesVerdict(memberState, decodeURIComponent(ms[2]!)), userError, entry: undefined });
    }
    const body = parseJsonBody(req) as { countryCode?: unknown; vatNumber?: unknown } | undefined;
    if (path === '/check-vat-number' && req.method === 'POST' && body?.countryCode === memberState) {
      used += 1;
      const vatNumber = typeof body.vatNumber === 'string' ? body.vatNumber : '';
      return viesPostReply({ countryCode: memberState, vatNumber, userError }, false);
    }
    return undefined;
  };
}

/** Answers matching requests with HTTP 200, `content-type: application/json` and a body cut off mid-object. */
export function malformedJson(options: FaultScope & { status?: number } = {}): FixtureHandler {
  const { status = 200, ...scope } = options;
  return scoped(scope, () => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: '{"success":1,"data":{"naam":"Test BV Donald","resultaten":[{"kvkNummer":"6875',
  }));
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** Answers matching requests with a proxy's HTML error page (nginx style) and `status` (default 502). */
export function htmlErrorPage(status = 502, scope: FaultScope = {}): FixtureHandler {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return scoped(scope, () => ({ status, headers: { 'content-type': 'text/html' }, body }));
}

/**
 * Closes the connection of matching requests without any answer (the client sees a network error). Chromium retries
 * a request once by itself when a reused keep-alive connection is closed before any answer, so one `fetch` can reach
 * the server twice; add `noKeepAlive()` before the first request for exact request counts.
 */
export function resetConnection(scope: FaultScope = {}): FixtureHandler {
  return scoped(scope, () => ({ destroy: true }));
}

/** Makes matching answers close their connection (`connection: close`), so no request rides on a reused one. */
export function noKeepAlive(scope: Omit<FaultScope, 'times'> = {}): FixtureHandler {
  return passThrough(scoped(scope, () => ({ pass: true, headers: { connection: 'close' } })));
}

/** Makes every KVK answer use one link shape and/or one error wrapper, whatever each company's own shapes are. */
export function kvkShapes(shapes: KvkShapeOptions): FixtureHandler {
  return createKvkHandler(shapes);
}

/** A handler that only watches: `count` and `requests` of the matching requests seen since it was added. */
export interface Observer extends FixtureHandler {
  readonly count: number;
  readonly requests: readonly FixtureRequest[];
}

/** Counts matching requests without answering them (the registry's own `requests` log records everything too). */
export function observe(scope: Omit<FaultScope, 'times'> = {}): Observer {
  const requests: FixtureRequest[] = [];
  const watch = scoped(scope, (req) => {
    requests.push(req);
    return undefined;
  });
  return Object.defineProperties(passThrough(watch), {
    requests: { value: requests },
    count: { get: () => requests.length },
  }) as Observer;
}
