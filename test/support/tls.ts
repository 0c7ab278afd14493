import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  /** PEM private key of the server certificate. */
  key: string;
  /**
   * PEM chain the servers send: the server certificate, then the throw-away CA
   * that signed it. Node clients may pass it as `ca` (the CA in it is trusted).
   */
  cert: string;
  /**
   * PEM of the throw-away CA alone: what a browser's certificate store imports
   * (Firefox refuses a self-signed CA certificate used as the server's own, so
   * the server's is a leaf signed by this one).
   */
  caCert: string;
  /** base64(sha256(DER SubjectPublicKeyInfo)) of the server certificate, the form Chromium's --ignore-certificate-errors-spki-list takes. */
  spkiHash: string;
}

/** Every host name the fake servers answer for, so one certificate covers them all. */
export const CERT_HOSTS = [
  'www.instagram.com',
  'instagram.com',
  'api.sociavault.com',
  '*.cdninstagram.com',
  '*.fbcdn.net',
  // Real fbcdn URLs sit deeper than one label, which no wildcard covers; this is the
  // one the scenarios use. (Chromium does not care: it accepts the key by SPKI pin.)
  'instagram.fsea1-1.fna.fbcdn.net',
  'localhost',
] as const;

/**
 * Makes a throw-away CA and a server certificate signed by it with `openssl`.
 * They are generated at test time rather than checked in, so no key material
 * ever lands in the repo, and both expire after two days. The files live in a
 * temp directory that is removed again unless `dir` is given.
 */
export function createTestCertificate(dir?: string): TestCertificate {
  const workDir = dir ?? mkdtempSync(join(tmpdir(), 'hl-e2e-tls-'));
  const file = (name: string) => join(workDir, name);
  const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
  // P-256 keeps generation fast (RSA-2048 can take a noticeable fraction of a second).
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl(
      'req', '-x509', ...newKey, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2',
      '-subj', '/CN=highlight-lookup e2e CA',
      '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl('req', '-new', ...newKey, '-keyout', file('key.pem'), '-out', file('leaf.csr'), '-subj', '/CN=highlight-lookup e2e');
    writeFileSync(
      file('leaf.ext'),
      [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=serverAuth',
        `subjectAltName=${san}`,
      ].join('\n'),
    );
    openssl(
      'x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-out', file('cert.pem'), '-days', '2', '-extfile', file('leaf.ext'),
    );
    const key = readFileSync(file('key.pem'), 'utf8');
    const leaf = readFileSync(file('cert.pem'), 'utf8');
    const caCert = readFileSync(file('ca.pem'), 'utf8');
    return { key, cert: leaf + caCert, caCert, spkiHash: spkiHashOf(leaf) };
  } finally {
    if (!dir) rmSync(workDir, { recursive: true, force: true });
  }
}

/** The SPKI pin Chromium compares against, computed from a PEM certificate (the first one of a chain). */
export function spkiHashOf(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
