import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { attachmentsDir } from '../backup/layout';

/** A scan's place in the attachments folder, by content: `scans/ab/<sha256>.<ext>`. */
export function scanPath(sha256: string, ext: string): string {
  return `scans/${sha256.slice(0, 2)}/${sha256}.${ext}`;
}

/** The SHA-256 of some bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function absolute(dataDir: string, rel: string): string {
  const root = attachmentsDir(dataDir);
  const full = normalize(join(root, rel));
  // Paths come from our own table, but a damaged or edited base must not read outside the folder.
  if (!full.startsWith(root + sep)) throw new Error(`scan path outside the attachments folder: ${rel}`);
  return full;
}

/**
 * Puts the bytes at `rel` under `<dataDir>/files/` unless a file is already there (content-addressed
 * files never change in place, so backups may hard-link them). Written to a temporary name and renamed,
 * so a crash never leaves half a scan under the final name. Returns true when it wrote a new file.
 */
export function storeScanFile(dataDir: string, rel: string, bytes: Uint8Array): boolean {
  const full = absolute(dataDir, rel);
  if (existsSync(full)) return false;
  mkdirSync(dirname(full), { recursive: true, mode: 0o700 });
  const tmp = `${full}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, bytes, { flush: true, mode: 0o600 });
  renameSync(tmp, full);
  return true;
}

/** Removes a file written by a failed attach. */
export function removeScanFile(dataDir: string, rel: string): void {
  rmSync(absolute(dataDir, rel), { force: true });
}

/** The bytes of a stored scan, or null when the file is missing. */
export function readScanFile(dataDir: string, rel: string): Buffer | null {
  const full = absolute(dataDir, rel);
  return existsSync(full) ? readFileSync(full) : null;
}
