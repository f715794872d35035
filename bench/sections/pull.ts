// Items 1 and 4. Pull throughput: the real pull path (pullChannel into a ledger file, in its own
// process) against a bare fetch loop asking the same mock for the same pages. Incremental cost:
// a second pull with nothing changed, then one after `changes` orders changed, counted in the
// mock's requests and in the rows the ledger gained or changed.
import { join } from 'node:path';
import type { MockSpec } from '../mock-host.js';
import type { PullInput, PullOutput } from '../pull-worker.js';
import type { RawInput, RawOutput } from '../raw-worker.js';
import type { ChannelKind } from '../lib/channels.js';
import { pictureOf, writesBetween } from '../lib/ledger-diff.js';
import type { Row } from '../lib/report.js';
import { log, withScratch } from '../lib/scratch.js';
import type { Sizes } from '../lib/sizes.js';
import { startWorker, type Worker } from '../lib/worker.js';

// Shopify's cost bucket made large (mock option `bucket`) so the pull is not paced by it: the
// mock runs in another process, so the connector and the mock cannot share a fast clock.
const BIG_BUCKET = { maximumAvailable: 1e9, restoreRate: 1e9 };

const perSecond = (orders: number, ms: number): number => (orders * 1000) / ms;

async function mockState(url: string): Promise<{ requests: number }> {
  return (await (await fetch(`${url}/__mock/state`)).json()) as { requests: number };
}

async function once<T>(script: string, name: string, input: unknown): Promise<T> {
  const worker = startWorker(script);
  try {
    return await worker.call<T>(name, input);
  } finally {
    await worker.stop();
  }
}

interface Workers { host: Worker; raw: Worker; puller: Worker }

const rawLoop = (w: Workers, kind: ChannelKind, input: RawInput) => w.raw.call<RawOutput>(kind, input);
/** The measured pull runs in a fresh process, for its peak RSS; the others share one. */
const freshPull = (input: PullInput) => once<PullOutput>('pull-worker.ts', 'pull', input);
const pull = (w: Workers, input: PullInput) => w.puller.call<PullOutput>('pull', input);

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('pull', async (dir) => {
    const w: Workers = { host: startWorker('mock-host.ts'), raw: startWorker('raw-worker.ts'), puller: startWorker('pull-worker.ts') };
    try {
      const rows: Row[] = [];
      const incremental: Row[] = [];
      for (const kind of ['woocommerce', 'shopify'] as const) {
        rows.push(...await throughput(w, kind, sizes, dir, incremental));
      }
      return [...rows, ...incremental];
    } finally {
      await Promise.all([w.host.stop(), w.raw.stop(), w.puller.stop()]);
    }
  });
}

async function throughput(w: Workers, kind: ChannelKind, sizes: Sizes, dir: string, incremental: Row[]): Promise<Row[]> {
  const n = sizes.pullOrders;
  const spec: MockSpec = kind === 'woocommerce' ? { kind, orders: n } : { kind, orders: n, bucket: BIG_BUCKET };
  const mock = await w.host.call<{ url: string; startMs: number }>('start', spec);
  log(`${kind}: mock with ${n} orders ready in ${(mock.startMs / 1000).toFixed(1)} s at ${mock.url}`);
  const recording = join(dir, `${kind}.jsonl`);
  const raw = await rawLoop(w, kind, { url: mock.url, record: recording });
  log(`${kind}: bare loop ${raw.orders} orders in ${raw.requests} requests, ${(raw.ms / 1000).toFixed(1)} s`);
  const ledger = join(dir, `${kind}.db`);
  const pulled = await freshPull({ kind, url: mock.url, ledger });
  log(`${kind}: pull ${pulled.received} orders in ${pulled.pages} pages, ${(pulled.ms / 1000).toFixed(1)} s, peak RSS ${(pulled.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);

  const replay = await w.host.call<{ url: string }>('start', { kind: 'replay', file: recording } satisfies MockSpec);
  const rawReplay = await rawLoop(w, kind, { url: replay.url });
  const pulledReplay = await pull(w, { kind, url: replay.url, ledger: join(dir, `${kind}-replay.db`) });
  await w.host.call('close', replay.url);
  log(`${kind}: replayed, bare ${(rawReplay.ms / 1000).toFixed(1)} s, pull ${(pulledReplay.ms / 1000).toFixed(1)} s`);

  incremental.push(...await incrementalCost(w, kind, mock.url, ledger, sizes.changes));
  await w.host.call('close', mock.url);

  const orders = n.toLocaleString('en-US');
  return [
    {
      item: 1, name: `pull ${kind}, ${orders} orders (mock)`, figure: perSecond(pulled.received, pulled.ms), unit: 'orders/s',
      limit: perSecond(raw.orders, raw.ms), limitIs: 'bare fetch loop, same pages, same mock',
      target: { op: '>=', value: 0.5, words: '≥ 50%' },
      note: `${pulled.received} orders in ${pulled.pages} pages; bare loop ${raw.requests} requests, ${(raw.bytes / 2 ** 20).toFixed(0)} MiB; pull's peak RSS ${(pulled.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
    },
    {
      item: 1, name: `pull ${kind}, ${orders} orders (replayed pages)`, figure: perSecond(pulledReplay.received, pulledReplay.ms), unit: 'orders/s',
      limit: perSecond(rawReplay.orders, rawReplay.ms), limitIs: 'bare fetch loop, same recorded pages',
      note: 'the same responses served again from memory: the channel costs ~nothing, so this is ordersync\'s own ceiling',
    },
  ];
}

async function incrementalCost(w: Workers, kind: ChannelKind, url: string, ledger: string, changes: number): Promise<Row[]> {
  const measurePull = async () => {
    const before = pictureOf(ledger);
    const requestsBefore = (await mockState(url)).requests;
    const result = await pull(w, { kind, url, ledger });
    const requests = (await mockState(url)).requests - requestsBefore;
    return { result, requests, writes: writesBetween(before, pictureOf(ledger)) };
  };
  const idle = await measurePull();
  await fetch(`${url}/__mock/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ change: changes }) });
  const changed = await measurePull();
  log(`${kind}: idle pull ${idle.requests} requests, ${idle.result.received} received; after ${changes} changes ${changed.requests} requests, ${changed.result.received} received, ${changed.result.updated + changed.result.cancelled} updated`);
  const rowsWritten = (w: typeof idle.writes) => w.ordersWritten + w.ordersAdded + w.events + w.deliveries + w.quarantined;
  return [
    {
      item: 4, name: `${kind}: requests, pull with nothing changed`, figure: idle.requests, unit: 'requests', limit: 1, limitIs: 'one request',
      target: { op: '<=', value: 1, words: '≤ 1 request' }, note: `${idle.result.received} orders re-read in the overlap window`,
    },
    {
      item: 4, name: `${kind}: ledger rows written, nothing changed`, figure: rowsWritten(idle.writes), unit: 'rows', limit: 0, limitIs: 'none',
      target: { op: '<=', value: 0, of: 'figure', words: '0 rows' }, note: 'orders, events, deliveries, quarantine (the cursor and the pull time are bookkeeping)',
    },
    {
      item: 4, name: `${kind}: orders read after ${changes} changes`, figure: changed.result.received, unit: 'orders', limit: changes, limitIs: 'orders changed',
      target: { op: '<=', value: 1.5, words: '≤ 1.5× changes' }, note: `${changed.requests} requests`,
    },
    {
      item: 4, name: `${kind}: orders written after ${changes} changes`, figure: changed.writes.ordersWritten + changed.writes.ordersAdded, unit: 'orders', limit: changes, limitIs: 'orders changed',
      target: { op: '<=', value: 1, words: '= changes' },
      note: `${changed.writes.events} events, ${changed.writes.deliveries} deliveries`,
    },
  ];
}
