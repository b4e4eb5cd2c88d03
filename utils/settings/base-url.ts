// Validation of an organisation's own API address: a per-service base URL that replaces the public one. Pure and
// zod-free (the settings schema and the options page both use it). The address receives the user's key, so it must be
// HTTPS (plain HTTP only on this computer), carry no credentials, query or fragment, and no path tricks.
import { REGISTRY_ORIGINS } from '../hosts';

/** Why an address was refused (each has an options-page message). */
export type BaseUrlProblem =
  'empty' | 'invalid' | 'not-https' | 'credentials' | 'query-or-fragment' | 'path-tricks' | 'other-registry';

/** A checked address: `url` normalised (lower-case host, no default port, no trailing slash), `origin` to ask for. */
export type BaseUrlCheck = { ok: true; url: string; origin: string } | { ok: false; problem: BaseUrlProblem };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * The host-permission pattern for an origin: what the options page requests and the background checks before each
 * request (`https://gw.example.com:8443/*`). `portless` (default: in the Firefox build) asks for a plain-http origin
 * on this computer without its port: Firefox match patterns have no port
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Match_patterns#host), so it refuses
 * `http://127.0.0.1:8080/*` as lying outside the manifest's `http://127.0.0.1/*`, and grants that one, which matches
 * every port. https origins keep their port: the manifest's pattern for any https host covers them in both browsers.
 */
export const originPattern = (origin: string, portless: boolean = import.meta.env.FIREFOX): string => {
  const url = new URL(origin);
  return portless && url.protocol === 'http:' ? `http://${url.hostname}/*` : `${url.origin}/*`;
};

/**
 * Checks and normalises a base address typed by the user. `service` is the service it is for: the public origin of
 * ANOTHER registry is refused (its key would go to the wrong company); its own public origin is allowed.
 */
export function checkBaseUrl(input: string, service: 'kvk' | 'kbodata'): BaseUrlCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  // Checked on the raw text: URL parsing would silently resolve `..`, turn `\` into `/` and drop an empty `?`/`#`.
  if (/[\\\s]/.test(raw) || /%(2f|5c|2e|00)/i.test(raw)) return { ok: false, problem: 'path-tricks' };
  if (/[?#]/.test(raw)) return { ok: false, problem: 'query-or-fragment' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  if (!scheme) return { ok: false, problem: 'invalid' };
  const rest = raw.slice(scheme[0].length);
  const authority = rest.split('/')[0]!;
  if (authority.includes('@')) return { ok: false, problem: 'credentials' };
  const segments = rest.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, problem: 'path-tricks' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, problem: 'not-https' };
  if (!url.hostname) return { ok: false, problem: 'invalid' };
  const others = Object.entries(REGISTRY_ORIGINS).filter(([name]) => name !== service);
  if (others.some(([, origin]) => origin === url.origin)) return { ok: false, problem: 'other-registry' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: url.origin + path, origin: url.origin };
}
