import { ipcMain, type BrowserWindow } from 'electron';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { callOptionsFrom, CHANGE_CHANNEL, channelOf, ENTRY_NAMES } from '../shared/contract';
import { ERROR_MESSAGES } from '../shared/errors';
import type { OfficeInfo } from '../shared/api/office';
import { hostCertificate } from '../host/certificate';
import { startOfficeHost, type OfficeHost } from '../host/office-host';
import type { AppContext } from '../server/context';
import { DeskClient } from '../server/office/desk-client';
import { isTrustedSender } from './ipc';

/** The desk's connection (a file in the data folder): present means «this computer is a desk of that office». */
function deskFile(dataDir: string): string {
  return join(dataDir, 'office-desk.json');
}

/** The serving switch, kept so the office is served again after a restart. */
function serveFile(dataDir: string): string {
  return join(dataDir, 'office-serve.json');
}

/** The connection string this computer is a desk of, or null (single computer or office host). */
export function deskConnection(dataDir: string): string | null {
  if (!existsSync(deskFile(dataDir))) return null;
  try {
    const v = JSON.parse(readFileSync(deskFile(dataDir), 'utf8')) as { connection?: unknown };
    return typeof v.connection === 'string' ? v.connection : null;
  } catch {
    return null;
  }
}

/** Forgets the office: the next start opens this computer's own base. */
export function forgetOffice(dataDir: string): void {
  rmSync(deskFile(dataDir), { force: true });
}

/** A desk client for this computer. */
export function newDeskClient(connection: string, version: string): DeskClient {
  return new DeskClient({ connection, computer: hostname(), version });
}

/**
 * The set-up screen's «Подключиться к офису»: checks the host (pinned certificate, same contract),
 * saves the connection and restarts as a desk. Returns a Russian reason when it cannot.
 */
export function deskConnector(dataDir: string, version: string, restart: () => void): (connection: string) => Promise<string | null> {
  return async (connection) => {
    let desk: DeskClient;
    try {
      desk = newDeskClient(connection, version);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    const problem = await desk.connect();
    await desk.close();
    if (problem) return problem;
    writeFileSync(deskFile(dataDir), JSON.stringify({ connection }), { mode: 0o600 });
    setTimeout(restart, 1500);
    return null;
  };
}

/**
 * Desk mode: every contract call of the window goes to the office host; the token stays here in main.
 * The host's pushed changes reach the window on the same channel as in single-computer mode.
 */
export function registerDeskIpc(desk: DeskClient, win: BrowserWindow, devUrl: string | undefined): void {
  for (const name of ENTRY_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown, opts: unknown) => {
      if (!isTrustedSender(event, win, devUrl)) {
        return { error: { code: 'UNTRUSTED_SENDER', message: ERROR_MESSAGES.UNTRUSTED_SENDER } };
      }
      return desk.call(name, input, callOptionsFrom(opts));
    });
  }
  const stop = desk.subscribeChanges((event) => {
    if (!win.isDestroyed()) win.webContents.send(CHANGE_CHANNEL, event);
  });
  win.on('closed', stop);
}

/**
 * The desktop app as the office's host: Настройки → Офис switches serving the LAN on and off; the
 * choice is kept so the office is served again after a restart.
 */
export async function setUpOfficeServing(app: AppContext, dataDir: string, rendererDir: string): Promise<() => Promise<void>> {
  let running: OfficeHost | null = null;
  const off: OfficeInfo = { canServe: true, serving: false, address: null, port: null, connection: null, fingerprint: null, problem: null };
  app.officeHost.info = off;
  const serve = async (on: boolean, port?: number): Promise<OfficeInfo> => {
    if (running) {
      await running.close();
      running = null;
    }
    if (!on) {
      rmSync(serveFile(dataDir), { force: true });
      app.officeHost.info = off;
      return off;
    }
    const chosen = port ?? 8443;
    try {
      const certificate = await hostCertificate(dataDir);
      running = await startOfficeHost({ app, certificate, rendererDir, port: chosen, listen: '0.0.0.0' });
      writeFileSync(serveFile(dataDir), JSON.stringify({ port: chosen }), { mode: 0o600 });
      app.officeHost.info = { canServe: true, serving: true, address: running.url, port: running.port, connection: running.connection, fingerprint: certificate.fingerprintDisplay, problem: null };
    } catch (e) {
      app.officeHost.info = { ...off, problem: `Не удалось начать обслуживание офиса на порту ${chosen}: ${e instanceof Error ? e.message : String(e)}` };
    }
    return app.officeHost.info;
  };
  app.officeHost.serve = serve;
  if (existsSync(serveFile(dataDir))) {
    try {
      const kept = JSON.parse(readFileSync(serveFile(dataDir), 'utf8')) as { port?: unknown };
      await serve(true, typeof kept.port === 'number' ? kept.port : undefined);
    } catch {
      app.log('Настройка обслуживания офиса не прочитана');
    }
  }
  return async () => {
    if (running) await running.close();
  };
}
