// A real Medusa 2 server for the real-server tests, set up from scratch outside ordersync's own
// dependencies: an npm project in $ORDERSYNC_REAL_DIR/medusa/app (default /tmp/ordersync-real),
// reused while its pinned versions match, then `medusa db:migrate`, `medusa user`, `medusa start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, mustRun, tail } from './process.js';

// 2.21.2 is the version this connector was verified against; it wants Node ^20.19 || >=22.12.
export const MEDUSA_VERSION = '2.21.2';
const PACKAGE = {
  name: 'ordersync-real-medusa',
  private: true,
  version: '0.0.0',
  dependencies: {
    '@medusajs/medusa': MEDUSA_VERSION,
    '@medusajs/framework': MEDUSA_VERSION,
    '@medusajs/cli': MEDUSA_VERSION,
    '@swc/core': '1.13.5',
    pg: '8.16.3',
  },
};

// CommonJS so that no TypeScript loader is involved; the admin dashboard is not built.
const CONFIG = `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://127.0.0.1", adminCors: "http://127.0.0.1", authCors: "http://127.0.0.1",
      jwtSecret: process.env.JWT_SECRET, cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: { disable: true },
})
`;

export const ADMIN = { email: 'admin@ordersync.test', password: 'ordersync-real-test' };

export function realRoot(): string {
  return process.env.ORDERSYNC_REAL_DIR ?? '/tmp/ordersync-real';
}

/** Installs the pinned packages unless an earlier run left the same install behind. Returns the app folder. */
export async function installMedusa(root = realRoot()): Promise<{ app: string; cached: boolean }> {
  const app = join(root, 'medusa', 'app');
  mkdirSync(app, { recursive: true });
  const wanted = `${JSON.stringify(PACKAGE, null, 2)}\n`;
  const stamp = join(app, '.ordersync-installed');
  writeFileSync(join(app, 'medusa-config.js'), CONFIG);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(app, 'node_modules', '.bin', 'medusa'))) {
    return { app, cached: true };
  }
  writeFileSync(join(app, 'package.json'), wanted);
  await mustRun('npm install (Medusa)', 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app, env: { ...outsideNpmRun(), NODE_ENV: 'development' }, timeoutMs: 8 * 60_000,
  });
  writeFileSync(stamp, wanted);
  return { app, cached: false };
}

/**
 * The environment without what `npm run test:real` adds for its own project (npm_package_*,
 * npm_lifecycle_*, npm_config_local_prefix, INIT_CWD), so that nothing here can act on ordersync.
 */
function outsideNpmRun(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(package|lifecycle)_/.test(key) || key === 'npm_config_local_prefix' || key === 'INIT_CWD') delete env[key];
  }
  return env;
}

function medusaEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...outsideNpmRun(),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'ordersync-real-jwt-secret',
    COOKIE_SECRET: 'ordersync-real-cookie-secret',
    MEDUSA_DISABLE_TELEMETRY: 'true',
  };
}

const medusaBin = (app: string) => join(app, 'node_modules', '.bin', 'medusa');

export async function migrate(app: string, databaseUrl: string): Promise<void> {
  await mustRun('medusa db:migrate', medusaBin(app), ['db:migrate'], { cwd: app, env: medusaEnv(databaseUrl), timeoutMs: 5 * 60_000 });
}

export async function createAdmin(app: string, databaseUrl: string): Promise<void> {
  await mustRun('medusa user', medusaBin(app), ['user', '-e', ADMIN.email, '-p', ADMIN.password], { cwd: app, env: medusaEnv(databaseUrl), timeoutMs: 2 * 60_000 });
}

export interface RunningServer {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/** `medusa start` on 127.0.0.1 and a free port; resolves once /health answers 200. */
export async function startServer(app: string, databaseUrl: string, logFile: string): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'w');
  const child = spawn(medusaBin(app), ['start', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: app, env: medusaEnv(databaseUrl), stdio: ['ignore', log, log], detached: true,
  });
  closeSync(log);
  let exited: number | null | undefined;
  child.on('exit', (code) => { exited = code; });
  const stop = () => stopGroup(child);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) break;
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (healthy) return { url, logFile, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  const why = exited !== undefined ? `exited with code ${exited}` : 'did not answer /health within 120 s';
  throw new Error(`Medusa server ${why}:\n${tail(readFileSync(logFile, 'utf8'), 80)}`);
}

/** Ends the server's whole process group: SIGTERM, then SIGKILL after 15 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => { try { process.kill(-child.pid!, sig); } catch { /* already gone */ } };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}
