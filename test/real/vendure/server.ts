// Installs (or reuses) Vendure outside the product's dependencies and runs it as a child
// process on 127.0.0.1 with a free port. A server that does not come up fails with its log.
import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCRIPTS = path.join(ROOT, 'scripts/real/vendure');
const START_TIMEOUT_MS = 180_000; // a busy 2-core CI machine can take a while to boot Nest

export const SUPERADMIN = { username: 'superadmin', password: 'superadmin-ordersync' };

export interface RunningVendure {
  url: string;
  adminApi: string;
  shopApi: string;
  log(): string;
  stop(): Promise<void>;
}

/** Runs scripts/real/vendure/setup.mjs (npm install into the temporary folder, unless cached). */
export function installVendure(): string {
  const out = execFileSync(process.execPath, [path.join(SCRIPTS, 'setup.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 240_000 });
  const dir = out.trim().split('\n').pop();
  if (!dir) throw new Error('setup.mjs printed no install folder');
  return dir;
}

export async function startVendure(installDir: string): Promise<RunningVendure> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(SCRIPTS, 'server.mjs')], {
    env: { ...process.env, VENDURE_DIR: installDir, VENDURE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await Promise.race([
    waitFor(() => log.includes(`VENDURE_READY ${port}`), START_TIMEOUT_MS),
    exited.then(() => false),
  ]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`Vendure did not start on 127.0.0.1:${port}. Its log:\n${log}`);
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    adminApi: `${url}/admin-api`,
    shopApi: `${url}/shop-api`,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}
