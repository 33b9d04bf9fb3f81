import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../server/app';
import { startBackupSchedule } from '../server/backup/schedule';
import { workerPdfService } from '../server/pdf-service';
import { startWeeklySnapshots } from '../server/plans/weekly-snapshot';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { createBackupFromMenu, pickFolder, restoreFromMenu } from './backup-menu';
import { clearPdfTemp, electronDesktopActions } from './desktop-actions';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { deskConnection, deskConnector, forgetOffice, newDeskClient, registerDeskIpc, setUpOfficeServing } from './office';
import { resolveDataDir, resolveResourcesDir } from './paths';
import { devRendererUrl } from './renderer-url';
import { lockDownContents } from './security';
import { loadWindowState, trackWindowState } from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url));
// The Vite dev server, in a development build only: a packaged app ignores ELECTRON_RENDERER_URL.
const devUrl = devRendererUrl(process.env, app.isPackaged) ?? undefined;

// Russian UI of Chromium's own controls (date inputs, the PDF viewer, context menus) whatever the OS locale.
app.commandLine.appendSwitch('lang', 'ru-RU');
registerAppScheme();

function createWindow(dataDir: string): BrowserWindow {
  const state = loadWindowState(dataDir);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Сделка',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Chromium's PDF viewer shows document previews (blob: frames); Electron has no other plugin.
      plugins: true,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, dataDir);
  lockDownContents(win, (url) => url.startsWith(`${APP_ORIGIN}/`) || (devUrl !== undefined && url.startsWith(devUrl)));
  win.once('ready-to-show', () => win.show());
  return win;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const dataDir = resolveDataDir(process.argv, process.env);
  const resourcesDir = resolveResourcesDir();
  await clearPdfTemp();
  const connection = deskConnection(dataDir);
  if (connection) {
    await startDesk(dataDir, connection);
    return;
  }
  // PDFs render in a pool of worker threads (out/main/pdf-worker.js, built beside this bundle): the window never waits.
  const pdf = workerPdfService(resourcesDir, new URL('./pdf-worker.js', import.meta.url));
  const opened = await createApp({ dataDir, resourcesDir, version: app.getVersion(), pdf });
  if ('failure' in opened) {
    dialog.showErrorBox('Сделка не может открыть базу данных', opened.failure.message);
    app.quit();
    return;
  }
  serveRenderer(join(here, '../renderer'));
  const win = createWindow(dataDir);
  opened.app.pickFolder = (title) => pickFolder(win, title);
  opened.app.desktop = electronDesktopActions(win);
  Menu.setApplicationMenu(
    buildMenu(win, {
      version: app.getVersion(),
      dataDir,
      backup: {
        createBackup: () => void createBackupFromMenu(win, opened.app),
        restoreBackup: () => void restoreFromMenu(win, opened.app),
      },
    }),
  );
  // A daily copy at start when the newest is a day old, then checked hourly; the weekly full check too.
  const stopSchedule = startBackupSchedule(opened.app);
  // The forecast's weekly snapshot: taken at the first start of each ISO week (checked hourly too).
  const stopSnapshots = startWeeklySnapshots(opened.app);
  registerIpc(opened.app, win, devUrl);
  // Настройки → Офис: this computer may serve the office on the LAN (the switch is kept across restarts).
  const stopServing = await setUpOfficeServing(opened.app, dataDir, join(here, '../renderer'));
  opened.app.officeHost.connectDesk = deskConnector(dataDir, app.getVersion(), () => {
    app.relaunch();
    app.exit(0);
  });
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    stopSchedule();
    stopSnapshots();
    // A copy being made finishes first; closing the base removes the clean-shutdown marker.
    void stopServing()
      .then(() => opened.app.backup.running)
      .catch(() => null)
      .then(() => opened.app.sessions.close())
      .then(() => opened.app.store.close())
      .then(() => opened.app.pdf.close())
      .then(() => app.quit());
  });
  await win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

/** This computer is a desk of an office: no base here, every call goes to the office host. */
async function startDesk(dataDir: string, connection: string): Promise<void> {
  const desk = newDeskClient(connection, app.getVersion());
  const problem = await desk.connect();
  // Unreachable now is not fatal (calls retry and say «Нет связи…»); another contract or certificate is.
  if (problem && !problem.startsWith('Нет связи')) {
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Сделка',
      message: problem,
      buttons: ['Выйти', 'Отключиться от офиса'],
      defaultId: 0,
    });
    if (choice === 1) {
      forgetOffice(dataDir);
      app.relaunch();
    }
    app.exit(0);
    return;
  }
  serveRenderer(join(here, '../renderer'));
  const win = createWindow(dataDir);
  Menu.setApplicationMenu(buildMenu(win, { version: app.getVersion(), dataDir }));
  registerDeskIpc(desk, win, devUrl);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void desk.close().then(() => app.quit());
  });
  await win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

void start();
