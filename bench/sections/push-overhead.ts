// Item 6. Deliveries per second through the whole push path (claim from the ledger, p-queue,
// the webhook connector, HTTP, settle in the ledger) to a target with no limit, concurrency 16,
// beside a bare node:http loop posting the same signed events to the same mock at concurrency 16.
import { Agent, request } from 'node:http';
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

/** The same signed events posted by Node's own http client (keep-alive, nothing else): this machine's ceiling. */
async function bareLoop(url: string, requests: number): Promise<number> {
  const events = Array.from({ length: requests }, (_, i) => signedEvent(1_000_000 + i));
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (event: { body: string; headers: Record<string, string> }) => new Promise<void>((resolve, reject) => {
    const req = request(`${url}${MOCK_PATH}`, { method: 'POST', agent, headers: { ...event.headers, 'content-length': String(Buffer.byteLength(event.body)) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`webhook mock answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(event.body);
  });
  let next = 0;
  const began = performance.now();
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < events.length) await post(events[next++]!);
    }));
  } finally {
    agent.destroy();
  }
  return performance.now() - began;
}

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('push-overhead', async (dir) => {
    const host = startWorker('mock-host.ts');
    try {
      const n = sizes.overheadDeliveries;
      const pushOnce = async (round: number): Promise<number> => {
        const file = join(dir, `ledger-${round}.db`);
        fillLedger(file, n);
        const mock = await host.call<{ url: string }>('start', { kind: 'webhook' } satisfies MockSpec);
        const ledger = openLedger(file);
        try {
          const began = performance.now();
          const result = await pushTarget(ledger, webhookRuntime(mock.url, { rateLimit: UNLIMITED }).runtime, CLI_POLICY);
          if (result.done !== n) throw new Error(`pushed ${result.done} of ${n} (retried ${result.retried}, dead ${result.dead})`);
          return performance.now() - began;
        } finally {
          ledger.close();
        }
      };
      // The machine is shared: alternate the two and keep each one's best round, as item 2 does.
      const rounds = sizes.name === 'full' ? 2 : 1;
      let pushMs = Infinity;
      let bareMs = Infinity;
      for (let round = 0; round < rounds; round++) {
        pushMs = Math.min(pushMs, await pushOnce(round));
        const bareMock = await host.call<{ url: string }>('start', { kind: 'webhook' } satisfies MockSpec);
        bareMs = Math.min(bareMs, await bareLoop(bareMock.url, n));
        log(`push overhead: ${n} deliveries, best so far: push ${(pushMs / 1000).toFixed(1)} s, bare loop ${(bareMs / 1000).toFixed(1)} s`);
      }
      const rate = (n * 1000) / pushMs;
      const count = n.toLocaleString('en-US');
      return [
        {
          item: 6, name: `push ${count} deliveries, no limit, concurrency ${CONCURRENCY}`, figure: rate, unit: 'deliveries/s',
          limit: 2_000, limitIs: 'the issue\'s floor', target: { op: '>', value: 1, words: '> 2,000/s' },
          note: `best of ${rounds} rounds, alternating with the bare loop`,
        },
        {
          item: 6, name: 'push vs bare POST loop, same mock', figure: rate, unit: 'deliveries/s',
          limit: (n * 1000) / bareMs, limitIs: `bare node:http loop, concurrency ${CONCURRENCY}, same signed events`,
        },
      ];
    } finally {
      await host.stop();
    }
  });
}
