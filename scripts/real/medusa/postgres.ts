// A throwaway PostgreSQL cluster from Debian's packages, on 127.0.0.1 and a free port, in a
// temporary folder. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, mustRun, run, tail } from './process.js';

export interface Cluster {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export async function startCluster(bin: string, database: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ordersync-pg-'));
  chmodSync(dir, 0o755);
  if (asRoot) chownSync(dir, ...postgresIds());
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  // As root, run the server binaries as the postgres user (runuser, from util-linux).
  const exec = (tool: string, args: string[]) => (asRoot
    ? mustRun(tool, 'runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { cwd: dir, timeoutMs: 120_000 })
    : mustRun(tool, join(bin, tool), args, { cwd: dir, timeoutMs: 120_000 }));
  const port = await freePort();
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  try {
    await exec('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- postgres.log ---\n${existsSync(log) ? tail(readFileSync(log, 'utf8'), 40) : '(none)'}`);
  }
  await exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    dir,
    async stop() {
      const args = ['-D', data, '-m', 'fast', '-w', 'stop'];
      if (asRoot) await run('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { timeoutMs: 60_000 });
      else await run(join(bin, 'pg_ctl'), args, { timeoutMs: 60_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = (line ?? '').split(':');
  if (!uid || !gid) throw new Error(`there is no postgres user to run PostgreSQL as (running as ${userInfo().username})`);
  return [Number(uid), Number(gid)];
}
