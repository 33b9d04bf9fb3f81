import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKind } from '../../shared/api/backup';
import { listKind } from './layout';

/** How many backups of each kind are kept: 7 daily, 4 weekly, 12 monthly; the rest generously. */
export const KEEP: Record<BackupKind, number> = {
  daily: 7,
  weekly: 4,
  monthly: 12,
  manual: 30,
  'before-migration': 10,
  'before-restore': 10,
};

/** Removes unfinished folders (`.tmp-…`, left by a crash) of one kind; call only when no backup is running. */
export function removeUnfinished(root: string, kind: BackupKind): void {
  const dir = join(root, kind);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.startsWith('.tmp-')) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Deletes the oldest backups of a kind beyond what KEEP allows; returns the ids removed. */
export function rotate(root: string, location: 'primary' | 'second', kind: BackupKind): string[] {
  const extra = listKind(root, location, kind).slice(KEEP[kind]);
  for (const s of extra) rmSync(s.dir, { recursive: true, force: true });
  return extra.map((s) => s.info.id);
}
