import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  /** PEM private key. */
  key: string;
  /** PEM self-signed certificate; also usable as the `ca` to trust in Node clients. */
  cert: string;
  /** base64(sha256(DER SubjectPublicKeyInfo)), the form Chromium's --ignore-certificate-errors-spki-list takes. */
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
 * Makes a throw-away self-signed certificate with `openssl`. It is generated at
 * test time rather than checked in, so no key material ever lands in the repo.
 * The files live in a temp directory that is removed again unless `dir` is given.
 */
export function createTestCertificate(dir?: string): TestCertificate {
  const workDir = dir ?? mkdtempSync(join(tmpdir(), 'hl-e2e-tls-'));
  const keyPath = join(workDir, 'key.pem');
  const certPath = join(workDir, 'cert.pem');
  const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
  try {
    // P-256 keeps generation fast (RSA-2048 can take a noticeable fraction of a second).
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-nodes',
        '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-keyout', keyPath, '-out', certPath,
        '-days', '2',
        '-subj', '/CN=highlight-lookup e2e',
        '-addext', `subjectAltName=${san}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const key = readFileSync(keyPath, 'utf8');
    const cert = readFileSync(certPath, 'utf8');
    return { key, cert, spkiHash: spkiHashOf(cert) };
  } finally {
    if (!dir) rmSync(workDir, { recursive: true, force: true });
  }
}

/** The SPKI pin Chromium compares against, computed from a PEM certificate. */
export function spkiHashOf(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
