// Why a registry request got no HTTP answer. `fetch` reports a refused certificate as the same bare TypeError as being
// offline; this module tells them apart. Pure (no browser APIs): the background feeds it the browser's own network
// error reports (webRequest.onErrorOccurred, which sees the background's own fetches in Chromium and Firefox: Chromium
// names the error, `net::ERR_CERT_AUTHORITY_INVALID`; Firefox words a certificate error in its UI language) and a
// probe of a control service.
import type { RegistryError, Service } from '../registry/errors';
import { REGISTRY_ORIGINS } from '../hosts';
import { FIREFOX_CERTIFICATE_ERRORS, FIREFOX_CERTIFICATE_SENTENCES } from './firefox-certificate-errors';

const FIREFOX_NAMES: ReadonlySet<string> = new Set(FIREFOX_CERTIFICATE_ERRORS);
const FIREFOX_SENTENCES: ReadonlySet<string> = new Set(
  Object.values(FIREFOX_CERTIFICATE_SENTENCES).flatMap((sentences) => Object.values(sentences)),
);

/** True for the browser error names of a refused server certificate (Chromium `net::ERR_CERT_*`, Firefox NSS names). */
export function isCertificateErrorName(name: string): boolean {
  return /\bERR_CERT_|ERR_SSL_PINNED_KEY/.test(name) || FIREFOX_NAMES.has(name);
}

/**
 * What a browser's error report for a failed request says: `certificate` (a certificate error name, or Firefox's
 * sentence for one in en-US, nl or fr), `other` (any other error name: Chromium's `net::ERR_…`, Firefox's `NS_ERROR_…`),
 * or `unread` (a sentence in a language this table lacks: Firefox words every TLS failure, so it is one of those, but
 * which one is unknown).
 */
export function readNetError(report: string): 'certificate' | 'other' | 'unread' {
  const text = report.trim();
  if (!/\s/.test(text)) return isCertificateErrorName(text) ? 'certificate' : 'other';
  return FIREFOX_SENTENCES.has(text) ? 'certificate' : 'unread';
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
  /** The browser's own error report for this URL's failed request, if the platform gives one (else undefined). */
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
 * 1. the browser reported the request's error: a certificate error → `certificate`; any other error name → `network`;
 * 2. a timeout → `network`;
 * 3. no report (or one `readNetError` cannot read), KVK's public host, and the control service answers →
 *    `certificate` with `inferred: true` (KVK alone is unreachable: its certificate, or something blocking KVK only);
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
  const report = await deps.observed(url);
  const reading = report === undefined ? undefined : readNetError(report);
  if (reading === 'certificate') return { code: 'certificate', service, host };
  if (reading === 'other') return { code: 'network', service };
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
