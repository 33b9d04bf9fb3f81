// The base, its backups and manifests hold password hashes and personal data: on Linux and macOS
// they are readable by their owner only (files 0600, folders 0700). Windows keeps its own ACLs.
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Whether file modes mean anything here. */
export const OWNER_ONLY_MODES = process.platform !== 'win32';

/** File systems without Unix modes (a FAT-formatted USB disk) refuse chmod: nothing to tighten there. */
function chmodIfSupported(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EROFS') throw e;
  }
}

/** Makes existing files owner-only (0600); missing ones are skipped. */
export function ownerOnlyFiles(...files: string[]): void {
  if (!OWNER_ONLY_MODES) return;
  for (const file of files) if (existsSync(file)) chmodIfSupported(file, 0o600);
}

/** Makes existing folders owner-only (0700); missing ones are skipped. */
export function ownerOnlyDirs(...dirs: string[]): void {
  if (!OWNER_ONLY_MODES) return;
  for (const dir of dirs) if (existsSync(dir)) chmodIfSupported(dir, 0o700);
}

/** Makes a folder and everything under it owner-only. */
export function ownerOnlyTree(root: string): void {
  if (!OWNER_ONLY_MODES || !existsSync(root)) return;
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) {
      chmodIfSupported(path, 0o700);
      for (const name of readdirSync(path)) visit(join(path, name));
    } else {
      chmodIfSupported(path, 0o600);
    }
  };
  visit(root);
}
