// Installs a throwaway Vendure 3 into a folder OUTSIDE the product's dependencies
// ($ORDERSYNC_REAL_DIR/vendure, default /tmp/ordersync-real/vendure), for test/real/vendure.test.ts.
//   node scripts/real/vendure/setup.mjs        → prints the install folder on its last line
// An existing install with the same pinned versions is reused (local runs); CI starts fresh.
//
// Versions, all checked on Node 20.20:
// - @vendure/core 3.7.3 (latest 3.x when written). Its @graphql-tools/* 12.x pull
//   @whatwg-node/promise-helpers 2.x and @whatwg-node/disposablestack 0.1.x, which declare
//   node >= 22.15; they are overridden to promise-helpers 1.3.2 (the same exports, node >= 16)
//   and disposablestack 0.0.6 (node >= 18).
// - sql.js 1.13.0: SQLite compiled to WebAssembly (TypeORM's `sqljs` driver), so nothing is
//   compiled at install time (better-sqlite3 would need a native build; v13 crashes on Node 20).
// - bcrypt 6 (a Vendure dependency) ships prebuilt binaries in its npm package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const VENDURE_PACKAGE = {
  name: 'ordersync-real-vendure',
  private: true,
  description: 'Throwaway Vendure server for ordersync real-server tests; safe to delete.',
  dependencies: { '@vendure/core': '3.7.3', 'sql.js': '1.13.0' },
  overrides: { '@whatwg-node/promise-helpers': '1.3.2', '@whatwg-node/disposablestack': '0.0.6' },
};

export function vendureInstallDir() {
  const root = process.env.ORDERSYNC_REAL_DIR ?? path.join(os.tmpdir(), 'ordersync-real');
  return path.join(root, 'vendure');
}

export function ensureVendureInstall(dir = vendureInstallDir()) {
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.stringify(VENDURE_PACKAGE, null, 2) + '\n';
  const manifestFile = path.join(dir, 'package.json');
  const installed = existsSync(path.join(dir, 'node_modules', '@vendure', 'core', 'package.json'))
    && existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') === manifest;
  if (installed) return { dir, reused: true };
  writeFileSync(manifestFile, manifest);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return { dir, reused: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const { dir, reused } = ensureVendureInstall();
  console.error(`vendure install ${reused ? 'reused' : 'done'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(dir);
}
