// Brings a real Medusa 2 server up from nothing (install → PostgreSQL → migrate → admin user →
// start → catalog), timing each stage, and takes it all down again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller, loginAdmin, type MedusaCaller } from './api.js';
import { createSecretKey, seedCatalog, type Catalog } from './catalog.js';
import { findPostgresBin, startCluster, type Cluster } from './postgres.js';
import { Stages, tail } from './process.js';
import { ADMIN, createAdmin, installMedusa, migrate, startServer, type RunningServer } from './server.js';

export interface RealMedusa {
  url: string;
  /** Admin API caller authenticated with the admin user's JWT. */
  admin: MedusaCaller;
  /** A secret API key for the connector. */
  secretKey: string;
  catalog: Catalog;
  logFile: string;
  stages: Stages;
  stop(): Promise<void>;
}

export { findPostgresBin, ADMIN };

export async function setUpMedusa(stages = new Stages()): Promise<RealMedusa> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const runDir = mkdtempSync(join(tmpdir(), 'ordersync-medusa-run-'));
  let cluster: Cluster | undefined;
  let server: RunningServer | undefined;
  const stop = async () => {
    await stages.time('stop server', async () => server?.stop());
    await stages.time('stop PostgreSQL, clean up', async () => {
      await cluster?.stop();
      rmSync(runDir, { recursive: true, force: true });
    });
  };
  try {
    const { app, cached } = await stages.time('npm install Medusa', () => installMedusa());
    if (cached) stages.done.at(-1)!.name = 'npm install Medusa (cached)';
    cluster = await stages.time('start PostgreSQL', () => startCluster(bin, 'medusa'));
    await stages.time('medusa db:migrate', () => migrate(app, cluster!.url));
    await stages.time('medusa user (admin)', () => createAdmin(app, cluster!.url));
    const logFile = join(runDir, 'medusa.log');
    server = await stages.time('medusa start → /health', () => startServer(app, cluster!.url, logFile));
    const url = server.url;
    const token = await loginAdmin(url, ADMIN.email, ADMIN.password);
    const admin = createCaller(url, { authorization: `Bearer ${token}` });
    const catalog = await stages.time('catalog via admin API', () => seedCatalog(admin));
    const secretKey = await createSecretKey(admin);
    return { url, admin, secretKey, catalog, logFile, stages, stop };
  } catch (error) {
    const log = server ? `\n--- medusa.log ---\n${tail(readFileSync(server.logFile, 'utf8'), 60)}` : '';
    await stop().catch(() => undefined);
    throw new Error(`${(error as Error).message}${log}`, { cause: error });
  }
}
