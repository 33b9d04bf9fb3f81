import { app, BrowserWindow, dialog, shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DesktopActions, DesktopFile } from '../server/desktop-actions';

/** Where PDFs opened or printed from the app are written (emptied at every start). */
function tempFolder(): string {
  return join(app.getPath('temp'), 'sdelka-pdf');
}

/** Empties the folder of PDFs handed to the system viewer during an earlier run. */
export async function clearPdfTemp(): Promise<void> {
  await rm(tempFolder(), { recursive: true, force: true });
}

async function tempCopy(file: DesktopFile): Promise<string> {
  const dir = join(tempFolder(), randomUUID());
  await mkdir(dir, { recursive: true });
  const path = join(dir, file.fileName);
  await writeFile(path, file.bytes);
  return path;
}

/** A window with Chromium's PDF viewer showing one file; it never navigates or opens anything else. */
async function pdfWindow(parent: BrowserWindow, path: string, title: string): Promise<BrowserWindow> {
  const w = new BrowserWindow({
    parent,
    width: 900,
    height: 1000,
    title,
    autoHideMenuBar: true,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, plugins: true },
  });
  const url = pathToFileURL(path).href;
  w.webContents.on('will-navigate', (event, to) => {
    if (to !== url) event.preventDefault();
  });
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  w.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  await w.loadURL(url);
  return w;
}

/**
 * Save as…, print and open for the desktop program. The path of «Save as…» is always chosen here in
 * the native dialog, never sent by the window.
 */
export function electronDesktopActions(win: BrowserWindow): DesktopActions {
  return {
    async saveAs(file) {
      const res = await dialog.showSaveDialog(win, {
        title: 'Сохранить PDF',
        defaultPath: join(app.getPath('documents'), file.fileName),
        filters: [{ name: 'Документ PDF', extensions: ['pdf'] }],
      });
      if (res.canceled || !res.filePath) return { saved: false };
      await writeFile(res.filePath, file.bytes);
      return { saved: true };
    },
    async print(file) {
      // The document opens in its own viewer window and the system print dialog comes up over it; if the
      // platform's printing of PDF pages fails, the viewer's own print button is still there.
      const w = await pdfWindow(win, await tempCopy(file), file.fileName);
      return new Promise((resolve) => {
        w.webContents.print({ silent: false, printBackground: true }, (success) => resolve({ printed: success }));
      });
    },
    async open(file) {
      const problem = await shell.openPath(await tempCopy(file));
      return { opened: problem === '' };
    },
  };
}
