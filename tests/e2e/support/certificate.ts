import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
}

/** Makes a throwaway self-signed certificate for the given host names (valid two days), with openssl. */
export function makeCertificate(hosts: readonly string[]): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'cl-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=company-lens-fixture',
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certPath, 'utf8');
  return { key: readFileSync(keyPath, 'utf8'), cert, spki: spkiHash(cert) };
}

/**
 * Makes a certificate for `hosts` issued by a throwaway CA no browser knows, as a TLS-inspecting company proxy or an
 * antivirus "web shield" presents one (the server sends the leaf only, its issuer stays unknown).
 */
export function makeIssuedCertificate(hosts: readonly string[]): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'cl-ca-'));
  const path = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Inspecting proxy CA',
  ]);
  run(['req', ...ec, '-keyout', path('key.pem'), '-out', path('leaf.csr'), '-subj', `/CN=${hosts[0]}`]);
  writeFileSync(path('leaf.ext'), `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}\n`);
  run(['x509', '-req', '-in', path('leaf.csr'), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial',
    '-days', '2', '-extfile', path('leaf.ext'), '-out', path('cert.pem')]); // prettier-ignore
  const cert = readFileSync(path('cert.pem'), 'utf8');
  return { key: readFileSync(path('key.pem'), 'utf8'), cert, spki: spkiHash(cert) };
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo. */
function spkiHash(cert: string): string {
  const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}
