// Item 5. Push utilization at a rate limit: deliveries per second to a webhook mock metered by a
// leaky bucket (lib/rate-limited.ts), measured over `pushSeconds` after `pushWarmupSeconds`,
// beside the limit a bare client measures on an identical mock in the same window (it offers
// ~10× the limit and counts what is admitted). Four pushes and two bare clients run at once, each
// against its own mock and ledger: at these rates they barely load the machine.
import { join } from 'node:path';
import type { MockSpec } from '../mock-host.js';
import { MOCK_WEBHOOK_PATH } from '../../connectors/webhook/mock.js';
import type { RateLimit } from '../../src/connector-kit/index.js';
import { openLedger } from '../../src/ledger/index.js';
import { pushTarget } from '../../src/push/push-target.js';
import { CLI_POLICY, fillLedger, mockState, signedEvent, webhookRuntime } from '../lib/push.js';
import { PER_SECOND_10, SHOPIFY_LEAKY_40, type LimiterOptions } from '../lib/rate-limited.js';
import type { Row } from '../lib/report.js';
import { log, withScratch } from '../lib/scratch.js';
import type { Sizes } from '../lib/sizes.js';
import { startWorker, type Worker } from '../lib/worker.js';

interface LimiterState { limiter: { admitted: number; refused: number } }

interface Window { from: number; to: number }

const HANG_GRACE_MS = 6_000; // the mocks ask for at most 2 s of Retry-After
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inWindow = (times: readonly number[], w: Window) => times.filter((t) => t >= w.from && t < w.to).length;

/** Offers requests every 10 ms until the window closes; answers when each admitted one came back. */
async function bareClient(url: string, until: number): Promise<number[]> {
  const admitted: number[] = [];
  for (let n = 0; Date.now() < until; n++) {
    const event = signedEvent(2_000_000 + n);
    const response = await fetch(`${url}${MOCK_WEBHOOK_PATH}`, { method: 'POST', body: event.body, headers: event.headers });
    await response.text();
    if (response.status !== 429) admitted.push(Date.now());
    await sleep(10);
  }
  return admitted;
}

async function timedPush(host: Worker, dir: string, name: string, limiter: LimiterOptions, rateLimit: Partial<RateLimit> | undefined, w: Window, stopAt: number) {
  const mock = await host.call<{ url: string }>('start', { kind: 'webhook', limiter } satisfies MockSpec);
  const file = join(dir, `${name}.db`);
  const ledger = openLedger(file);
  try {
    const target = webhookRuntime(mock.url, { rateLimit, stopAt });
    const started = Date.now();
    // A push that has not returned this long after its target stopped never will: report it.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => { timer = setTimeout(() => resolve('hung'), stopAt - Date.now() + HANG_GRACE_MS); });
    const result = await Promise.race([pushTarget(ledger, target.runtime, CLI_POLICY), hung]);
    clearTimeout(timer);
    const state = await mockState<LimiterState>(mock.url);
    const pending = ledger.deliveries.counts()[target.runtime.name]?.pending ?? 0;
    if (pending === 0) throw new Error(`${name}: the ledger ran out of deliveries before the window closed`);
    if (result === 'hung') log(`push rate: ${name}: pushTarget had not returned ${HANG_GRACE_MS / 1000} s after its target stopped`);
    const lastOkSeconds = ((target.okAt.at(-1) ?? started) - started) / 1000;
    return { delivered: inWindow(target.okAt, w), hung: result === 'hung', lastOkSeconds, ...state.limiter };
  } finally {
    ledger.close();
    await host.call('close', mock.url);
  }
}

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('push-rate', async (dir) => {
    const host = startWorker('mock-host.ts');
    try {
      const seconds = sizes.pushSeconds;
      const total = sizes.pushWarmupSeconds + seconds;
      // Enough deliveries that none of the pushes runs dry: more than any limit admits in the run.
      for (const name of ['configured-10', 'configured-leaky', 'unknown-10', 'unknown-leaky']) fillLedger(join(dir, `${name}.db`), 15 * total + 100);
      const bareMocks = await Promise.all([PER_SECOND_10, SHOPIFY_LEAKY_40].map((limiter) => host.call<{ url: string }>('start', { kind: 'webhook', limiter } satisfies MockSpec)));
      const start = Date.now() + 500;
      const w: Window = { from: start + sizes.pushWarmupSeconds * 1000, to: start + total * 1000 };
      await sleep(start - Date.now());
      log(`push rate: ${total} s of pushing at two limits, configured and unknown, at once`);
      const [bare10, bareLeaky, configured10, configuredLeaky, unknown10, unknownLeaky] = await Promise.all([
        bareClient(bareMocks[0]!.url, w.to),
        bareClient(bareMocks[1]!.url, w.to),
        timedPush(host, dir, 'configured-10', PER_SECOND_10, { intervalCap: 10, interval: 1_000 }, w, w.to),
        timedPush(host, dir, 'configured-leaky', SHOPIFY_LEAKY_40, { intervalCap: 2, interval: 1_000 }, w, w.to),
        timedPush(host, dir, 'unknown-10', PER_SECOND_10, undefined, w, w.to),
        timedPush(host, dir, 'unknown-leaky', SHOPIFY_LEAKY_40, undefined, w, w.to),
      ]);
      const limit10 = inWindow(bare10, w) / seconds;
      const limitLeaky = inWindow(bareLeaky, w) / seconds;
      const span = `${seconds} s after ${sizes.pushWarmupSeconds} s`;
      type Result = Awaited<ReturnType<typeof timedPush>>;
      const rows = (what: string, r: Result, limit: number, limitIs: string, configured: boolean): Row[] => {
        const share = r.refused / Math.max(1, r.admitted + r.refused);
        return [
          {
            item: 5, name: `${what}: delivered (${span})`, figure: r.delivered / seconds, unit: 'deliveries/s', limit, limitIs,
            target: { op: '>=', value: configured ? 0.95 : 0.85, words: configured ? '≥ 95%' : '≥ 85%' },
            note: r.hung ? `HUNG: last delivery ${r.lastOkSeconds.toFixed(1)} s into the ${total} s run; pushTarget never returned (its queue stayed paused after a 429)` : undefined,
          },
          configured
            ? { item: 5, name: `${what}: 429 answers`, figure: r.refused, unit: '429s', limit: 0, limitIs: 'none', target: { op: '<=', value: 0, of: 'figure', words: '0' }, note: `${r.admitted + r.refused} requests in the whole run` }
            : { item: 5, name: `${what}: 429 share of requests`, figure: share * 100, unit: '%', limit: 2, limitIs: 'the issue\'s ceiling', target: { op: '<', value: 1, words: '< 2%' }, note: `${r.refused} of ${r.admitted + r.refused} requests in the whole run` },
        ];
      };
      const limit10Is = 'admitted to a bare client, same window';
      const defaults = 'webhook defaults 4 × 20/s';
      return [
        ...rows('10 req/s, configured intervalCap 10/1 s', configured10, limit10, limit10Is, true),
        ...rows('leaky bucket 40 @ 2/s, configured intervalCap 2/1 s', configuredLeaky, limitLeaky, limit10Is, true),
        ...rows(`10 req/s, limit unknown (${defaults})`, unknown10, limit10, limit10Is, false),
        ...rows(`leaky bucket 40 @ 2/s, limit unknown (${defaults})`, unknownLeaky, limitLeaky, limit10Is, false),
      ];
    } finally {
      await host.stop();
    }
  });
}
