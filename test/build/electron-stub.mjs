// A stand-in for the `electron` module, so the built main bundle can be loaded by plain Node in a test:
// every export the bundle names exists; the single-instance lock is refused, so the program quits at once.
import { stdout } from 'node:process';

const noop = () => undefined;
export const app = {
  requestSingleInstanceLock: () => false,
  quit: () => stdout.write('electron-stub: quit\n'),
  whenReady: () => new Promise(noop),
  on: noop,
  exit: noop,
  relaunch: noop,
  getVersion: () => '0.0.0',
  getPath: () => '',
  isPackaged: false,
  commandLine: { appendSwitch: noop },
};
export class BrowserWindow {}
export const Menu = { setApplicationMenu: noop, buildFromTemplate: () => ({}) };
export const dialog = { showMessageBox: async () => ({ response: 0 }), showMessageBoxSync: () => 0, showSaveDialog: async () => ({ canceled: true }) };
export const ipcMain = { handle: noop, on: noop, removeHandler: noop };
export const net = {};
export const protocol = { registerSchemesAsPrivileged: noop, handle: noop };
export const shell = { openExternal: async () => undefined, openPath: async () => '', showItemInFolder: noop };
export default { app, BrowserWindow, Menu, dialog, ipcMain, net, protocol, shell };
