import { describe, expect, it } from 'vitest';
import { withBrowserError } from '../../utils/background/network-checks';

describe('withBrowserError', () => {
  const certificate = { code: 'certificate', service: 'kvk', host: 'api.kvk.nl' } as const;

  it('names the browser’s own error on a certificate failure it reported', () => {
    expect(withBrowserError(certificate, 'net::ERR_CERT_AUTHORITY_INVALID')).toEqual({
      ...certificate,
      detail: 'net::ERR_CERT_AUTHORITY_INVALID',
    });
    expect(withBrowserError(certificate, `  ${'x'.repeat(500)} `)).toMatchObject({ detail: 'x'.repeat(200) });
  });

  it('adds nothing to an inferred failure, to other errors, or without a report', () => {
    expect(withBrowserError({ ...certificate, inferred: true }, 'net::ERR_FAILED')).toEqual({
      ...certificate,
      inferred: true,
    });
    expect(withBrowserError({ code: 'network', service: 'kvk' }, 'net::ERR_CONNECTION_RESET')).toEqual({
      code: 'network',
      service: 'kvk',
    });
    expect(withBrowserError(certificate, undefined)).toEqual(certificate);
    expect(withBrowserError(certificate, ' ')).toEqual(certificate);
  });
});
