import { describe, expect, it, vi } from 'vitest';
import {
  cachedProbe,
  diagnoseFetchFailure,
  isCertificateErrorName,
  NET_ERROR_MATCH_MS,
  NetErrorLog,
  readNetError,
  type DiagnosisDeps,
} from '../../utils/net/diagnosis';
import { FIREFOX_CERTIFICATE_SENTENCES } from '../../utils/net/firefox-certificate-errors';

const KVK_URL = 'https://api.kvk.nl/api/v2/zoeken?kvkNummer=68750110';
const failed = new TypeError('Failed to fetch');

/** Deps with a fixed browser report and probe result; counts probes. */
function deps(observed: string | undefined, probeOk: boolean): DiagnosisDeps & { probes: number } {
  const d = {
    probes: 0,
    observed: async () => observed,
    probe: async () => {
      d.probes++;
      return probeOk;
    },
  };
  return d;
}

describe('isCertificateErrorName', () => {
  it('knows Chromium and Firefox certificate errors', () => {
    for (const name of [
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_CERT_COMMON_NAME_INVALID',
      'net::ERR_CERT_DATE_INVALID',
      'SEC_ERROR_UNKNOWN_ISSUER',
      'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
      'SSL_ERROR_BAD_CERT_DOMAIN',
    ])
      expect(isCertificateErrorName(name), name).toBe(true);
  });

  it('does not take other network errors for certificate errors', () => {
    for (const name of [
      'net::ERR_NAME_NOT_RESOLVED',
      'net::ERR_INTERNET_DISCONNECTED',
      'net::ERR_CONNECTION_RESET',
      'net::ERR_SSL_PROTOCOL_ERROR',
      'net::ERR_TIMED_OUT',
      'net::ERR_FAILED',
      'NS_ERROR_UNKNOWN_HOST',
      'NS_ERROR_PROXY_FORBIDDEN',
    ])
      expect(isCertificateErrorName(name), name).toBe(false);
  });
});

describe('readNetError', () => {
  it('reads Firefox’s certificate sentences in each of its UI languages the table has', () => {
    for (const [language, sentences] of Object.entries(FIREFOX_CERTIFICATE_SENTENCES))
      for (const [name, sentence] of Object.entries(sentences))
        expect(readNetError(sentence), `${language} ${name}`).toBe('certificate');
    expect(readNetError(' Het certificaat wordt niet vertrouwd, omdat het zelfondertekend is.\n')).toBe('certificate');
  });

  it('takes error names for names, and another sentence for unread', () => {
    expect(readNetError('net::ERR_CERT_AUTHORITY_INVALID')).toBe('certificate');
    expect(readNetError('NS_ERROR_CONNECTION_REFUSED')).toBe('other');
    expect(readNetError('NS_ERROR_PROXY_FORBIDDEN')).toBe('other');
    expect(readNetError('net::ERR_SSL_PROTOCOL_ERROR')).toBe('other');
    // A TLS failure worded in a language the table lacks, or one that is not about the certificate.
    expect(
      readNetError('Das Zertifikat ist nicht vertrauenswürdig, weil es vom Aussteller selbst signiert wurde.'),
    ).toBe('unread');
    expect(readNetError('SSL received a record that exceeded the maximum permissible length.')).toBe('unread');
  });
});

describe('diagnoseFetchFailure', () => {
  it('reports the browser’s certificate error (Chromium’s name, Firefox’s sentence) as `certificate`, without probing', async () => {
    for (const report of [
      'net::ERR_CERT_AUTHORITY_INVALID',
      FIREFOX_CERTIFICATE_SENTENCES.fr.SEC_ERROR_UNKNOWN_ISSUER,
    ]) {
      const d = deps(report, true);
      expect(await diagnoseFetchFailure(d, 'kvk', KVK_URL, failed), report).toEqual({
        code: 'certificate',
        service: 'kvk',
        host: 'api.kvk.nl',
      });
      expect(d.probes).toBe(0);
    }
  });

  it('names the gateway host when an organisation’s own address has the bad certificate', async () => {
    const error = await diagnoseFetchFailure(
      deps('net::ERR_CERT_DATE_INVALID', true),
      'kbodata',
      'https://gw.example.com:8443/v1/x',
      failed,
    );
    expect(error).toEqual({ code: 'certificate', service: 'kbodata', host: 'gw.example.com:8443' });
  });

  it('a sentence it cannot read counts as no report: KVK is probed, another host is a network failure', async () => {
    const german = 'Das Zertifikat ist nicht vertrauenswürdig, weil es vom Aussteller selbst signiert wurde.';
    const d = deps(german, true);
    expect(await diagnoseFetchFailure(d, 'kvk', KVK_URL, failed)).toEqual({
      code: 'certificate',
      service: 'kvk',
      host: 'api.kvk.nl',
      inferred: true,
    });
    expect(d.probes).toBe(1);
    expect(await diagnoseFetchFailure(d, 'kbodata', 'https://api.kbodata.app/v1/x', failed)).toEqual({
      code: 'network',
      service: 'kbodata',
    });
  });

  it('reports any other browser error as `network`, even when the control service answers', async () => {
    const d = deps('net::ERR_INTERNET_DISCONNECTED', true);
    expect(await diagnoseFetchFailure(d, 'kvk', KVK_URL, failed)).toEqual({ code: 'network', service: 'kvk' });
    expect(d.probes).toBe(0);
  });

  it('without a browser report: KVK down while VIES answers is inferred to be the certificate', async () => {
    expect(await diagnoseFetchFailure(deps(undefined, true), 'kvk', KVK_URL, failed)).toEqual({
      code: 'certificate',
      service: 'kvk',
      host: 'api.kvk.nl',
      inferred: true,
    });
  });

  it('without a browser report: nothing answers → offline (`network`)', async () => {
    expect(await diagnoseFetchFailure(deps(undefined, false), 'kvk', KVK_URL, failed)).toEqual({
      code: 'network',
      service: 'kvk',
    });
  });

  it('never infers a certificate problem for a timeout, another service or an own address', async () => {
    const timeout = new DOMException('signal timed out', 'TimeoutError');
    const d = deps(undefined, true);
    expect(await diagnoseFetchFailure(d, 'kvk', KVK_URL, timeout)).toEqual({ code: 'network', service: 'kvk' });
    expect(await diagnoseFetchFailure(d, 'kbodata', 'https://api.kbodata.app/v1/x', failed)).toEqual({
      code: 'network',
      service: 'kbodata',
    });
    expect(await diagnoseFetchFailure(d, 'kvk', 'https://gw.example.com/kvk/v2/zoeken', failed)).toEqual({
      code: 'network',
      service: 'kvk',
    });
    expect(d.probes).toBe(0);
  });
});

describe('NetErrorLog', () => {
  it('matches a report to its URL once, and ignores other URLs', async () => {
    const log = new NetErrorLog();
    log.record('https://api.kvk.nl/api/v2/zoeken?kvkNummer=1', 'net::ERR_CERT_AUTHORITY_INVALID');
    expect(await log.take('https://api.kvk.nl/api/v2/zoeken?kvkNummer=2', 0)).toBeUndefined();
    expect(await log.take('https://API.kvk.nl/api/v2/zoeken?kvkNummer=1', 0)).toBe('net::ERR_CERT_AUTHORITY_INVALID');
    expect(await log.take('https://api.kvk.nl/api/v2/zoeken?kvkNummer=1', 0)).toBeUndefined();
  });

  it('waits for a report that arrives after fetch rejected', async () => {
    const log = new NetErrorLog();
    const taken = log.take(KVK_URL, 1_000);
    setTimeout(() => log.record(KVK_URL, 'net::ERR_CERT_AUTHORITY_INVALID'), 5);
    expect(await taken).toBe('net::ERR_CERT_AUTHORITY_INVALID');
  });

  it('gives up after the wait, and forgets stale reports', async () => {
    let now = 1_000_000;
    const log = new NetErrorLog(() => now);
    expect(await log.take(KVK_URL, 10)).toBeUndefined();
    log.record(KVK_URL, 'net::ERR_CERT_AUTHORITY_INVALID');
    now += NET_ERROR_MATCH_MS + 1;
    expect(await log.take(KVK_URL, 0)).toBeUndefined();
  });
});

describe('cachedProbe', () => {
  it('shares one probe within its lifetime, then probes again', async () => {
    let now = 0;
    const probe = vi.fn(async () => true);
    const cached = cachedProbe(probe, 30_000, () => now);
    await Promise.all([cached(), cached(), cached()]);
    expect(probe).toHaveBeenCalledTimes(1);
    now += 30_001;
    await cached();
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
