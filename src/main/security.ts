import { dialog, shell, type BrowserWindow, type WebContents } from 'electron';
import { isExternalHttpUrl } from './external-url';

/** Navigation away and new windows are denied; http(s) links open in the browser after confirmation. */
export function lockDownContents(win: BrowserWindow, appUrl: (url: string) => boolean): void {
  const contents: WebContents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!appUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!appUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpUrl(url)) {
      void dialog
        .showMessageBox(win, {
          type: 'question',
          buttons: ['Открыть', 'Отмена'],
          defaultId: 1,
          cancelId: 1,
          message: 'Открыть ссылку в браузере?',
          detail: url,
        })
        .then(({ response }) => {
          if (response === 0) void shell.openExternal(url);
        });
    }
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}
