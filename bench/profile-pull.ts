// Profiles ordersync's pull path against replayed pages (so the mock's own cost is out of the
// picture): records a channel's pages with the bare loop, replays them, and pulls them in a
// child run with --cpu-prof. Then summarizes the profile.
//   node --import tsx bench/profile-pull.ts [woocommerce|shopify] [orders] [profile dir]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MockSpec } from './mock-host.js';
import type { ChannelKind } from './lib/channels.js';
import { log, withScratch } from './lib/scratch.js';
import { startWorker } from './lib/worker.js';

const kind = (process.argv[2] ?? 'woocommerce') as ChannelKind;
const orders = Number(process.argv[3] ?? 20_000);
const profileDir = process.argv[4] ?? join(process.cwd(), '.bench-profiles');

await withScratch('profile', async (dir) => {
  const host = startWorker('mock-host.ts');
  try {
    const spec: MockSpec = kind === 'woocommerce' ? { kind, orders } : { kind, orders, bucket: { maximumAvailable: 1e9, restoreRate: 1e9 } };
    const mock = await host.call<{ url: string }>('start', spec);
    const recording = join(dir, 'pages.jsonl');
    const raw = startWorker('raw-worker.ts');
    await raw.call(kind, { url: mock.url, record: recording });
    await raw.stop();
    const replay = await host.call<{ url: string }>('start', { kind: 'replay', file: recording } satisfies MockSpec);
    const puller = startWorker('pull-worker.ts', { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
    const result = await puller.call<{ ms: number; received: number }>('pull', { kind, url: replay.url, ledger: join(dir, 'ledger.db') });
    await puller.stop();
    log(`pulled ${result.received} replayed orders in ${(result.ms / 1000).toFixed(1)} s; profiles in ${profileDir}: ${readdirSync(profileDir).join(', ')}`);
  } finally {
    await host.stop();
  }
});
