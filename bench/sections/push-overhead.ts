// Item 6. Deliveries per second through the whole push path (claim from the ledger, p-queue,
// the webhook connector, HTTP, settle in the ledger) to a target with no limit, concurrency 16,
// beside a bare fetch loop posting the same signed events to the same mock at concurrency 16.
import { join } from 'node:path';
import type { MockSpec } from '../mock-host.js';
import { openLedger } from '../../src/ledger/index.js';
import { pushTarget } from '../../src/push/push-target.js';
import { CLI_POLICY, fillLedger, MOCK_PATH, signedEvent, webhookRuntime } from '../lib/push.js';
import type { Row } from '../lib/report.js';
import { log, withScratch } from '../lib/scratch.js';
import type { Sizes } from '../lib/sizes.js';
import { startWorker } from '../lib/worker.js';

const CONCURRENCY = 16;
// "Unlimited" as config can say it: the interval cap far above what is reachable.
const UNLIMITED = { concurrency: CONCURRENCY, intervalCap: 1_000_000, interval: 1_000 };

async function bareLoop(url: string, requests: number): Promise<number> {
  const events = Array.from({ length: requests }, (_, i) => signedEvent(1_000_000 + i));
  let next = 0;
  const began = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < events.length) {
      const event = events[next++]!;
      const response = await fetch(`${url}${MOCK_PATH}`, { method: 'POST', body: event.body, headers: event.headers });
      await response.text();
      if (response.status !== 201) throw new Error(`webhook mock answered ${response.status}`);
    }
  }));
  return performance.now() - began;
}

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('push-overhead', async (dir) => {
    const host = startWorker('mock-host.ts');
    try {
      const n = sizes.overheadDeliveries;
      const file = join(dir, 'ledger.db');
      fillLedger(file, n);
      const mock = await host.call<{ url: string }>('start', { kind: 'webhook' } satisfies MockSpec);
      const ledger = openLedger(file);
      let pushMs: number;
      let done: number;
      try {
        const began = performance.now();
        const result = await pushTarget(ledger, webhookRuntime(mock.url, { rateLimit: UNLIMITED }).runtime, CLI_POLICY);
        pushMs = performance.now() - began;
        done = result.done;
        if (result.done !== n) throw new Error(`pushed ${result.done} of ${n} (retried ${result.retried}, dead ${result.dead})`);
      } finally {
        ledger.close();
      }
      const bareMock = await host.call<{ url: string }>('start', { kind: 'webhook' } satisfies MockSpec);
      const bareMs = await bareLoop(bareMock.url, n);
      log(`push overhead: ${done} deliveries in ${(pushMs / 1000).toFixed(1)} s; bare loop ${(bareMs / 1000).toFixed(1)} s`);
      const rate = (done * 1000) / pushMs;
      const count = n.toLocaleString('en-US');
      return [
        {
          item: 6, name: `push ${count} deliveries, no limit, concurrency ${CONCURRENCY}`, figure: rate, unit: 'deliveries/s',
          limit: 2_000, limitIs: 'the issue\'s floor', target: { op: '>', value: 1, words: '> 2,000/s' },
        },
        {
          item: 6, name: 'push vs bare POST loop, same mock', figure: rate, unit: 'deliveries/s',
          limit: (n * 1000) / bareMs, limitIs: `bare fetch loop, concurrency ${CONCURRENCY}, same signed events`,
        },
      ];
    } finally {
      await host.stop();
    }
  });
}
