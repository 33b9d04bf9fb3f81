import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callOptionsFrom, CHANGE_CHANNEL, channelOf, ENTRY_NAMES } from '../shared/contract';
import { ERROR_MESSAGES } from '../shared/errors';
import type { AppContext } from '../server/context';
import { invoke } from '../server/invoke';
import { APP_ORIGIN } from './app-protocol';

/** True when the message comes from our window's main frame at our origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow, devUrl: string | undefined): boolean {
  if (event.sender.id !== win.webContents.id) return false;
  const frameUrl = event.senderFrame?.url ?? '';
  const origin = frameUrl ? new URL(frameUrl).origin : '';
  return origin === APP_ORIGIN || (devUrl !== undefined && origin === new URL(devUrl).origin);
}

/** Registers every contract entry on IPC through the one wrapper. */
export function registerIpc(app: AppContext, win: BrowserWindow, devUrl: string | undefined): void {
  for (const name of ENTRY_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown, opts: unknown) => {
      if (!isTrustedSender(event, win, devUrl)) {
        return { error: { code: 'UNTRUSTED_SENDER', message: ERROR_MESSAGES.UNTRUSTED_SENDER } };
      }
      // The window's session token lives here in main (app.localCaller), never in the renderer.
      return invoke(app, name, input, { ...app.localCaller, ...callOptionsFrom(opts), credential: app.localCaller.credential });
    });
  }
  // The same change feed the office host streams to browsers, pushed to this window (one path for live screens).
  const stop = app.changes.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(CHANGE_CHANNEL, event);
  });
  win.on('closed', stop);
}
