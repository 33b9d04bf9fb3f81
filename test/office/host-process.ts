import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO } from '../helpers/temp-app';

const OFFICE_CLI = join(REPO, 'src', 'host', 'office-cli.ts');

/** A free TCP port on 127.0.0.1 (the host is restarted on the same one after each kill). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The headless office host as `npm run office` runs it (`node --import tsx src/host/office-cli.ts`),
 * a real process on 127.0.0.1 that a test can SIGKILL and start again on the same data folder and port.
 */
export class HostProcess {
  /** The connection string the host printed at its last start. */
  connection = '';
  private child: ChildProcess | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  /** Starts the host and waits for its «Подключение:» line; returns how long the start took (ms). */
  async start(): Promise<number> {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', OFFICE_CLI, `--data-dir=${this.dataDir}`, `--port=${this.port}`, '--listen=127.0.0.1'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // A test stopped by its timeout must not leave a host running: the child goes with this process.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('close', () => process.off('exit', orphan));
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const exited = once(child, 'close').then(() => null);
    const ready = new Promise<string>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const line = /^Подключение: (\S+)$/m.exec(out);
        if (line) resolve(line[1] ?? '');
      });
    });
    const connection = await Promise.race([ready, exited]);
    if (connection === null) throw new Error(`the office host did not start (exit ${child.exitCode}): ${out.slice(-500)} ${err.slice(-1500)}`);
    this.connection = connection;
    return performance.now() - started;
  }

  /** Kills the host with SIGKILL (no clean-up of any kind) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = once(child, 'close');
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }

  /** Stops the host as a service manager would (SIGTERM: it closes the base), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = once(child, 'close');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
    this.child = null;
  }
}
