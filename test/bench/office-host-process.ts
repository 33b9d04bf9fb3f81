import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO } from '../helpers/temp-app';

/** The headless office host (`npm run office`) running in its own process, as in an office. */
export interface HostProcess {
  connection: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `src/host/office-cli.ts` on 127.0.0.1 with a free port over `dataDir` and waits for its
 * «Подключение:» line. `nodeArgs` go before the script (e.g. `--cpu-prof` to profile the host).
 */
export async function startHostProcess(dataDir: string, nodeArgs: string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/host/office-cli.ts', `--data-dir=${dataDir}`, '--port=0', '--listen=127.0.0.1'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const connection = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      if (line.startsWith('Подключение: ')) resolve(line.slice('Подключение: '.length).trim());
    });
    child.on('exit', (code) => reject(new Error(`the office host stopped (${code}): ${stderr}`)));
  });
  return {
    connection,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
