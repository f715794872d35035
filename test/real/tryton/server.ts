// Starts a real trytond 6.0 on 127.0.0.1 with a fresh SQLite database in a temporary directory,
// and stops it again. The database is made by scripts/real/tryton/create-database.sh.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scripts/real/tryton/create-database.sh');

export interface TrytonServer {
  url: string;
  database: string;
  username: string;
  password: string;
  /** What trytond and trytond-admin printed so far (for failure reports). */
  log(): string;
  stop(): Promise<void>;
}

/** Why the real test cannot run here, or null when trytond is installed. */
export function trytondMissing(): string | null {
  for (const command of ['trytond', 'trytond-admin']) {
    if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
      return `${command} is not installed (apt-get install tryton-server tryton-modules-sale)`;
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function startTrytonServer(options: { database?: string; password?: string; startTimeoutMs?: number } = {}): Promise<TrytonServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-tryton-'));
  const database = options.database ?? 'ordersync_test';
  const password = options.password ?? `admin-${Math.random().toString(36).slice(2)}`;
  const port = await freePort();
  let output = '';
  let child: ChildProcess | undefined;

  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const created = spawnSync('sh', [SCRIPT, dir, database, String(port), password], { encoding: 'utf8', timeout: 120_000 });
    output += created.stdout + created.stderr;
    if (created.status !== 0) throw new Error(`creating the Tryton database failed (exit ${created.status})`);

    child = spawn('trytond', ['-c', join(dir, 'trytond.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 30_000);
    return { url, database, username: 'admin', password, log: () => output, stop };
  } catch (error) {
    const log = output;
    await stop();
    throw new Error(`${(error as Error).message}\n--- Tryton log ---\n${log}`);
  }
}

// trytond answers common.server.version on POST / once it listens.
async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`trytond exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 0, method: 'common.server.version', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`trytond did not answer on ${url} within ${timeoutMs / 1000}s`);
}
