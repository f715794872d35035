// The package as npm publishes it: `npm pack` (whose `prepare` script builds dist/), the tarball
// installed into an empty folder with its dependencies from the npm registry (better-sqlite3
// compiles there: a couple of minutes), then the installed bin run the way a user runs it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

// `npm run test:real` hands its children the repo's package and prefix (npm_package_*,
// npm_config_local_prefix, …): an npm started from here would take this repo for its project.
const INHERITED_FROM_NPM_RUN = /^(npm_package_|npm_lifecycle_|npm_config_(local_prefix|prefix|global_prefix)$|npm_command$|INIT_CWD$)/;

function run(command: string, args: string[], cwd: string): Promise<Result> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_FROM_NPM_RUN.test(key)));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

interface Packed {
  filename: string;
  files: { path: string }[];
}

describe('the npm package, installed in an empty folder', () => {
  let work: string;
  let app: string;
  let packed: Packed;
  // `--no`: never install a package of that name from the registry, only run the one installed
  // here; `--`: the options after it are ordersync's, not npx's own (`--help`, `--config`).
  const ordersync = (...args: string[]) => run('npx', ['--no', '--', 'ordersync', ...args], app);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ordersync-pack-'));
    if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) {
      const build = await run('npm', ['run', 'build'], root);
      expect(build.code, build.stderr).toBe(0);
    }
    const pack = await run('npm', ['pack', '--json', '--pack-destination', work], root);
    expect(pack.code, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0]!;

    app = join(work, 'app');
    mkdirSync(app);
    const started = Date.now();
    const install = await run('npm', ['install', '--no-audit', '--no-fund', join(work, packed.filename)], app);
    expect(install.code, `${install.stdout}\n${install.stderr}`).toBe(0);
    console.info(`${packed.filename} (${packed.files.length} files) installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, 900_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the bin, the built CLI and connectors, config.example.yml and the README, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([
      'package.json', 'README.md', 'config.example.yml', 'bin/ordersync.js',
      'dist/src/cli/main.js', 'dist/connectors/index.js', 'dist/src/connector-kit/index.js', 'dist/src/testing/index.js',
    ]));
    expect(paths.filter((p) => /^(src|connectors|test|scripts|bench)\//.test(p) || p.endsWith('.db'))).toEqual([]);
  });

  it('ships no compiled file whose source is gone (the build does not empty dist/ first)', () => {
    const orphans = packed.files.map((f) => f.path)
      .filter((p) => /^dist\/.*\.js$/.test(p))
      .filter((p) => !['.ts', '.tsx'].some((ext) => existsSync(join(root, p.replace(/^dist\//, '').replace(/\.js$/, ext)))));
    expect(orphans).toEqual([]);
  });

  it('npx ordersync --help lists the commands', async () => {
    const help = await ordersync('--help');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: ordersync [options] [command]');
    for (const command of ['pull', 'push', 'sync', 'status', 'report', 'mock', 'demo']) expect(help.stdout).toMatch(new RegExp(`\\n  ${command}\\b`));
  });

  it('npx ordersync demo starts the mocks, runs a full sync with the packaged config.example.yml, and prints the summary', async () => {
    const demo = await ordersync('demo');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/^channel\s+pages\s+received\s+created\s+updated/m);
    expect(demo.stdout).toMatch(/^woo\s+\d+\s+40\s+40\s/m);
    expect(demo.stdout).toMatch(/^target\s+delivered\s+retrying\s+dead\s+throttled/m);
    expect(demo.stdout).toMatch(/^hooks\s+\d+\s+0\s+0\s/m);
    expect(demo.stdout).toMatch(/^events: \d+ order\.created/m);
    // Amazon's share is what its North American marketplaces sold (config.example.yml), fewer than 40.
    expect(demo.stdout).toMatch(/^ledger: \d+ orders from amazon, .*40 orders from woo$/m);
    expect(demo.stdout).toMatch(/^stock\s+set\s+refused\s+retrying\s+unchanged\n[-\s]+\nwoo\s+8\s+0\s+0\s+0$/m);
    expect(existsSync(join(app, 'ordersync.db'))).toBe(true);

    // The same install reads the ledger back.
    const status = await ordersync('--config', 'node_modules/ordersync/config.example.yml', '--db', 'ordersync.db', 'status');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^woo\s+woocommerce\s+\d+ s ago/m);
    const report = await ordersync('--config', 'node_modules/ordersync/config.example.yml', '--db', 'ordersync.db', '--json', 'report');
    expect(report.code, report.stderr).toBe(0);
    expect((JSON.parse(report.stdout) as { forecast: { days: string[] } }).forecast.days).toHaveLength(7);
  }, 180_000);

  it('exports the connector kit to third-party connectors', async () => {
    const probe = await run(process.execPath, ['--input-type=module', '-e', "const kit = await import('ordersync'); console.log(typeof kit.defineChannel, typeof kit.defineTarget)"], app);
    expect(probe.code, probe.stderr).toBe(0);
    expect(probe.stdout.trim()).toBe('function function');
  });
});
