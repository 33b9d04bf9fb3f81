import type { BackupProgress } from '../../shared/api/backup';

/** What the backup service remembers while the program runs (shared by every call's context). */
export interface BackupState {
  /** The backup being made, if any: a second request waits for nothing and is refused. */
  running: Promise<unknown> | null;
  progress: BackupProgress | null;
  lastError: string | null;
  secondDirProblem: string | null;
  /** Backup folders picked in the native menu dialog, by id (`external-1` → path). Never from the renderer. */
  externals: Map<string, string>;
}

/** A fresh state for a newly opened app. */
export function newBackupState(): BackupState {
  return { running: null, progress: null, lastError: null, secondDirProblem: null, externals: new Map() };
}

/** Registers a folder (or a `.sqlite` file) picked in main's native dialog; returns the id the API uses. */
export function registerExternalBackup(state: BackupState, path: string): string {
  const id = `external-${state.externals.size + 1}`;
  state.externals.set(id, path);
  return id;
}
