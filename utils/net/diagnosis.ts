// Why a registry request got no HTTP answer. `fetch` reports a refused certificate as the same bare TypeError
// as being offline; this module tells them apart. Pure (no browser APIs): the background feeds it the browser's own
// network error names (webRequest.onErrorOccurred, which in Chromium 156 does see the service worker's fetches, with
// `net::ERR_CERT_AUTHORITY_INVALID` for an untrusted root) and a probe of a control service.
import type { RegistryError, Service } from '../registry/errors';
import { REGISTRY_ORIGINS } from '../hosts';

/** True for the browser error names of a refused server certificate (Chromium `net::ERR_CERT_*`, Firefox NSS names). */
export function isCertificateErrorName(name: string): boolean {
  return /\bERR_CERT_|ERR_SSL_PINNED_KEY|SEC_ERROR_(UNKNOWN_ISSUER|UNTRUSTED|EXPIRED|REVOKED|CA_CERT_INVALID|BAD_SIGNATURE|INADEQUATE)|MOZILLA_PKIX_ERROR_|SSL_ERROR_BAD_CERT/.test(
    name,
  );
}

/** How long after a failed request its network error is still matched to it (it arrives just after fetch rejects). */
export const NET_ERROR_MATCH_MS = 5_000;
/** How long the diagnosis waits for the browser's error report when none has arrived yet. */
export const NET_ERROR_WAIT_MS = 500;

/**
 * The browser's recent network errors by URL: `record` from the webRequest listener, `take` from the diagnosis (each
 * report is used once). Bounded: at most 50 entries, older than NET_ERROR_MATCH_MS dropped.
 */
export class NetErrorLog {
  private readonly entries: { url: string; error: string; at: number }[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the browser's error for a URL. */
  record(url: string, error: string): void {
    this.prune();
    this.entries.push({ url: normalise(url), error, at: this.now() });
    if (this.entries.length > 50) this.entries.shift();
    for (const wake of this.waiters) wake();
  }

  /** The error recorded for `url` (removed from the log), waiting up to `waitMs` for one to arrive. */
  async take(url: string, waitMs = NET_ERROR_WAIT_MS): Promise<string | undefined> {
    const found = this.find(url);
    if (found !== undefined || waitMs <= 0) return found;
    return new Promise((resolve) => {
      const done = (value: string | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(value);
      };
      const wake = () => {
        const hit = this.find(url);
        if (hit !== undefined) done(hit);
      };
      const timer = setTimeout(() => done(undefined), waitMs);
      this.waiters.add(wake);
    });
  }

  private find(url: string): string | undefined {
    this.prune();
    const key = normalise(url);
    const index = this.entries.findIndex((e) => e.url === key);
    if (index < 0) return undefined;
    return this.entries.splice(index, 1)[0]!.error;
  }

  private prune(): void {
    const cutoff = this.now() - NET_ERROR_MATCH_MS;
    while (this.entries.length && this.entries[0]!.at < cutoff) this.entries.shift();
  }
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** What the diagnosis may ask. */
export interface DiagnosisDeps {
  /** The browser's own error name for this URL's failed request, if the platform reports it (else undefined). */
  observed: (url: string) => Promise<string | undefined>;
  /** Whether a control service (VIES check-status) gives any HTTP answer right now. */
  probe: () => Promise<boolean>;
}

/** True for a fetch rejection caused by our own timeout or an abort: never a certificate problem. */
const isTimeout = (error: unknown): boolean => {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
};

/**
 * Classifies a fetch that got no HTTP answer:
 * 1. the browser reported the request's error: a certificate error name → `certificate`; any other → `network`;
 * 2. a timeout → `network`;
 * 3. no report, KVK's public host, and the control service answers → `certificate`
 *    with `inferred: true` (KVK alone is unreachable: its certificate, or something blocking KVK only);
 * 4. otherwise → `network` (offline, DNS, a gateway that is down).
 */
export async function diagnoseFetchFailure(
  deps: DiagnosisDeps,
  service: Service,
  url: string,
  error: unknown,
): Promise<RegistryError> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return { code: 'network', service };
  }
  const name = await deps.observed(url);
  if (name !== undefined)
    return isCertificateErrorName(name) ? { code: 'certificate', service, host } : { code: 'network', service };
  if (isTimeout(error)) return { code: 'network', service };
  if (service === 'kvk' && `https://${host}` === REGISTRY_ORIGINS.kvk && (await deps.probe()))
    return { code: 'certificate', service, host, inferred: true };
  return { code: 'network', service };
}

/** Remembers a probe's answer for `ttlMs`, and shares one probe among concurrent callers. */
export function cachedProbe(
  probe: () => Promise<boolean>,
  ttlMs = 30_000,
  now: () => number = Date.now,
): () => Promise<boolean> {
  let last: { at: number; value: Promise<boolean> } | undefined;
  return () => {
    if (!last || now() - last.at > ttlMs) last = { at: now(), value: probe() };
    return last.value;
  };
}
