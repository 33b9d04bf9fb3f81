import { createApp, type AppOptions } from '../server/app';
import { startBackupSchedule } from '../server/backup/schedule';
import type { AppContext } from '../server/context';
import { workerPdfService } from '../server/pdf-service';
import { startWeeklySnapshots } from '../server/plans/weekly-snapshot';
import { hostCertificate, type HostCertificate } from './certificate';
import { startOfficeHost, type OfficeHost } from './office-host';

/** Options of a hosted app: the base, where to listen, and the renderer to serve. */
export interface WebHostOptions extends AppOptions {
  rendererDir: string;
  port?: number;
  /** 127.0.0.1 (the default: tests and demos) or the office's address (0.0.0.0 for every one). */
  listen?: string;
  /** The e2e harness: a browser with this `sdelka_desk` cookie acts as the app's own desk (see the office host). */
  sharedDeskKey?: string;
}

/** A running host: where to open it, what desks paste to connect, and how to stop it. */
export interface WebHost {
  url: string;
  port: number;
  connection: string;
  certificate: HostCertificate;
  app: AppContext;
  office: OfficeHost;
  close(): Promise<void>;
}

/**
 * Opens the base with the start-up checks, runs the backups and the weekly jobs as the desktop does,
 * and serves the office over HTTPS (`npm run office`; `npm run web` is the same on 127.0.0.1).
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  // PDFs are rendered in a worker thread: the loop answering the desks never waits for one.
  const opened = await createApp({ ...opts, pdf: opts.pdf ?? workerPdfService(opts.resourcesDir) });
  if ('failure' in opened) throw new Error(opened.failure.message);
  const app = opened.app;
  // Sessions survive a restart: the desks come back without signing in, so the renderer warms now, as
  // their sign-in would have warmed it (else the first document after a restart holds every write up).
  if (app.sessions.list().length > 0) app.pdf.warm();
  const stopSchedule = startBackupSchedule(app);
  const stopSnapshots = startWeeklySnapshots(app);
  const certificate = await hostCertificate(opts.dataDir);
  const listen = opts.listen ?? '127.0.0.1';
  const office = await startOfficeHost({ app, certificate, rendererDir: opts.rendererDir, port: opts.port ?? 0, listen, sharedDeskKey: opts.sharedDeskKey });
  // Always serving while it runs: the headless host has no switch (stop it as a service instead).
  app.officeHost.info = {
    canServe: false,
    serving: true,
    address: office.url,
    port: office.port,
    connection: office.connection,
    fingerprint: certificate.fingerprintDisplay,
    problem: null,
  };
  return {
    url: office.url,
    port: office.port,
    connection: office.connection,
    certificate,
    app,
    office,
    async close() {
      await office.close();
      stopSchedule();
      stopSnapshots();
      await Promise.resolve(app.backup.running).catch(() => null);
      app.sessions.close();
      await app.store.close();
      await app.pdf.close();
    },
  };
}
