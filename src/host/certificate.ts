import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** The host's TLS certificate and key, and the certificate's SHA-256 fingerprint. */
export interface HostCertificate {
  cert: string;
  key: string;
  /** Lower-case hex without colons (the connection string's form). */
  fingerprint: string;
  /** Upper-case pairs with colons, as browsers show it. */
  fingerprintDisplay: string;
}

/** The fingerprint of a PEM certificate: hex without colons, lower case. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/** `aabb…` → `AA:BB:…`. */
export function displayFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{2}/g) ?? []).join(':');
}

/**
 * The certificate kept in the data folder (owner-only files), made on the first start: self-signed,
 * EC P-256, ten years. Desks pin its fingerprint, so its names matter only to browsers.
 */
export async function hostCertificate(dataDir: string, now: Date = new Date()): Promise<HostCertificate> {
  const certFile = join(dataDir, 'office-cert.pem');
  const keyFile = join(dataDir, 'office-key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    const until = new Date(now);
    until.setFullYear(until.getFullYear() + 10);
    const made = await generate([{ name: 'commonName', value: `Сделка — ${hostname()}` }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - 24 * 3600_000),
      notAfterDate: until,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 2, value: hostname() }, { type: 7, ip: '127.0.0.1' }] },
      ],
    });
    writeFileSync(keyFile, made.private, { mode: 0o600 });
    writeFileSync(certFile, made.cert, { mode: 0o600 });
  }
  chmodSync(keyFile, 0o600);
  chmodSync(certFile, 0o600);
  const cert = readFileSync(certFile, 'utf8');
  const fingerprint = fingerprintOf(cert);
  return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint, fingerprintDisplay: displayFingerprint(fingerprint) };
}
