import type { BrowserWindow, Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The window's remembered size, position and maximised state. */
export interface WindowState {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };

function stateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

/** Reads the remembered state, or the default one. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const parsed = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as Partial<WindowState>;
    const b = parsed.bounds;
    if (b && typeof b.width === 'number' && typeof b.height === 'number' && b.width >= 640 && b.height >= 480) {
      return { bounds: b, maximized: parsed.maximized === true };
    }
  } catch {
    // No or unreadable state file: the first start, or a hand-edited file. The default serves.
  }
  return DEFAULT_STATE;
}

/** Remembers the window's state whenever it closes. */
export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(stateFile(dataDir), JSON.stringify(state));
    } catch {
      // Losing the window position is harmless; never block closing on it.
    }
  });
}
