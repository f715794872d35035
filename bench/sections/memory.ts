// Item 3. Peak RSS of a whole pull (pullChannel into a fresh ledger file, each in a fresh
// process) of a small and a large store. The store is served by lib/lazy-woo.ts: the real
// WooCommerce mock's orders and wire protocol, generated per page, because the real mock filters
// and sorts every order on every request and cannot serve 1,000,000 orders in reasonable time.
import { join } from 'node:path';
import type { MockSpec } from '../mock-host.js';
import type { PullOutput } from '../pull-worker.js';
import type { Row } from '../lib/report.js';
import { log, withScratch } from '../lib/scratch.js';
import type { Sizes } from '../lib/sizes.js';
import { startWorker } from '../lib/worker.js';

const MIB = 2 ** 20;

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('memory', async (dir) => {
    const host = startWorker('mock-host.ts');
    try {
      const peaks: PullOutput[] = [];
      for (const orders of sizes.memoryOrders) {
        const mock = await host.call<{ url: string }>('start', { kind: 'lazy-woo', orders } satisfies MockSpec);
        const worker = startWorker('pull-worker.ts');
        const result = await worker.call<PullOutput>('pull', { kind: 'woocommerce', url: mock.url, ledger: join(dir, `pull-${orders}.db`) });
        await worker.stop();
        await host.call('close', mock.url);
        log(`memory: ${result.received} orders pulled in ${(result.ms / 1000).toFixed(1)} s, peak RSS ${(result.peakRssBytes / MIB).toFixed(0)} MiB`);
        peaks.push(result);
      }
      const [small, large] = peaks as [PullOutput, PullOutput];
      const [nSmall, nLarge] = sizes.memoryOrders.map((n) => n.toLocaleString('en-US'));
      return [{
        item: 3, name: `peak RSS, pull of ${nLarge} vs ${nSmall} orders`, figure: large.peakRssBytes / MIB, unit: 'MiB',
        limit: small.peakRssBytes / MIB, limitIs: `peak RSS pulling ${nSmall}`, target: { op: '<=', value: 1.25, words: '≤ 1.25×' },
        note: `WooCommerce protocol from bench/lib/lazy-woo.ts (the real mock filters and sorts all its orders for every page); `
          + `${nLarge} pulled at ${Math.round((large.received * 1000) / large.ms)} orders/s, ${nSmall} at ${Math.round((small.received * 1000) / small.ms)} orders/s`,
      }];
    } finally {
      await host.stop();
    }
  });
}
