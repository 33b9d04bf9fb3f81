import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every file under a folder, as paths relative to it (empty when the folder is absent). */
export function walkFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

/** Hard-links `from` to `to` when allowed and possible, else copies it. */
export function linkOrCopy(from: string, to: string, allowLink: boolean): void {
  if (allowLink) {
    try {
      linkSync(from, to);
      return;
    } catch {
      // Another disk (EXDEV), a file system without hard links, or no permission: copy instead.
    }
  }
  copyFileSync(from, to);
}

/** How to mirror a folder of attachments. */
export interface MirrorOptions {
  /** Hard-link from `src` (same disk; attachments are content-addressed and never change in place). */
  linkFromSource: boolean;
  /** An older copy on the destination's disk to hard-link unchanged files from (new files are copied). */
  reuse?: string | null;
  onFile?: (done: number, total: number) => void;
}

/**
 * Puts every file of `src` into `dest` that is not there yet: by hard link where that is safe and
 * possible, otherwise by copying. Returns how many files `dest` holds from `src`.
 */
export function mirrorFiles(src: string, dest: string, opts: MirrorOptions): number {
  const files = walkFiles(src);
  files.forEach((rel, i) => {
    const to = join(dest, rel);
    if (!existsSync(to)) {
      mkdirSync(dirname(to), { recursive: true });
      const old = opts.reuse ? join(opts.reuse, rel) : null;
      if (old && existsSync(old)) linkOrCopy(old, to, true);
      else linkOrCopy(join(src, rel), to, opts.linkFromSource);
    }
    opts.onFile?.(i + 1, files.length);
  });
  return files.length;
}
