// Item 8 (issue 5, last bullet): "10,000 SKUs × 4 channels: the plan and the push finish within
// each mock's rate limits, using batch calls". A ledger gets on-hand levels for N SKUs through
// `stock pull`'s code (pullStockLevels from a CSV source); then `stock push`'s code
// (pushStockLevels: figures, plan, the channel's pushStock, recorded answers) runs against the
// WooCommerce, Shopify, Amazon and eBay mocks, in this process on the real clock with their own
// rate limiting. Each channel's time stands beside the rate-limit floor, the least time the
// API's documented limit allows for the calls it made; its write calls beside N ÷ the documented
// batch size; every 429 or THROTTLED is counted; then the plan runs again with nothing changed and
// must send nothing. The four channels push at once, each with its own pushStockLevels call on
// the one ledger (the CLI goes channel after channel): each is paced only by its own API.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import { EMPTY_POLICY } from '../../src/stock/policy.js';
import { pullStockLevels } from '../../src/stock/pull-stock.js';
import { pushStockLevels, type ChannelStockResult } from '../../src/stock/push-stock.js';
import type { Row } from '../lib/report.js';
import { log, withScratch } from '../lib/scratch.js';
import type { Sizes } from '../lib/sizes.js';
import { startStockChannel, type CallCounts, type StockChannel, type StockChannelKind } from '../lib/stock-channels.js';

const KINDS: readonly StockChannelKind[] = ['woocommerce', 'shopify', 'amazon', 'ebay'];
const count = (n: number): string => n.toLocaleString('en-US');

interface Pass { result: ChannelStockResult; seconds: number; calls: CallCounts }
interface Measured { channel: StockChannel; skus: number; first: Pass; again: Pass }

/** A CSV stock source of `skus`, each with some units on hand, read into the ledger as `stock pull` reads it. */
async function seed(ledger: Ledger, file: string, skus: readonly string[]): Promise<string> {
  writeFileSync(file, ['sku,location,on_hand', ...skus.map((sku, i) => `${sku},main,${1 + ((i * 37) % 100)}`)].join('\n'));
  return (await pullStockLevels(ledger, { kind: 'csv', file })).source;
}

const minus = (a: CallCounts, b: CallCounts): CallCounts => ({
  requests: a.requests - b.requests, reads: a.reads - b.reads, writes: a.writes - b.writes, throttled: a.throttled - b.throttled, cost: a.cost - b.cost,
});

async function pushOnce(ledger: Ledger, channel: StockChannel, source: string): Promise<Pass> {
  const before = await channel.counts();
  const began = performance.now();
  const report = await pushStockLevels(ledger, [channel.runtime], EMPTY_POLICY, source);
  const seconds = (performance.now() - began) / 1000;
  const result = report.channels[0];
  if (!result) throw new Error(`${channel.kind}: pushStockLevels reported no channel`);
  if (result.error) throw new Error(`${channel.kind}: ${result.error}`);
  return { result, seconds, calls: minus(await channel.counts(), before) };
}

function channelRows(m: Measured, sizes: Sizes): Row[] {
  const { channel, skus, first } = m;
  const { calls, result } = first;
  const floor = channel.floorSeconds(calls);
  const other = calls.requests - calls.reads - calls.writes - calls.throttled;
  const unset = result.ok < skus ? ` ONLY ${count(result.ok)} of ${count(skus)} set (${result.retry} retry, ${result.rejected} rejected).` : '';
  const scale = channel.kind === 'amazon' && skus < sizes.stockSkus
    ? ` Amazon is pushed ${count(skus)} SKUs, not ${count(sizes.stockSkus)}: one PATCH a SKU at ${count(sizes.stockSkus)} SKUs would take ≥ ${(channel.floorSeconds({ ...calls, writes: sizes.stockSkus }) / 60).toFixed(0)} min.`
    : '';
  const standard = sizes.stockShopifyBucket.restoreRate === 50
    ? '' : `; at the long-published Standard bucket (1,000 restoring 50/s) they would need ≥ ${count(Math.round(Math.max(0, (calls.cost - 1_000) / 50)))} s`;
  const cost = channel.kind === 'shopify' ? ` ${count(calls.cost)} points of actual cost (${(calls.cost / skus).toFixed(1)} a SKU)${standard}.` : '';
  const note = `${channel.limitWords}. ${count(calls.requests)} calls for ${count(skus)} SKUs = ${(calls.requests / skus).toFixed(3)} a SKU: `
    + `${count(calls.reads)} reads, ${count(calls.writes)} writes, ${calls.throttled} answered 429/THROTTLED, ${other} token.${unset}${cost}${scale}`;
  const name = `stock push ${channel.kind}, ${count(skus)} SKUs`;
  return [
    {
      item: 8, name: `${name}: time`, figure: first.seconds, unit: 's', limit: floor,
      limitIs: floor > 0 ? 'rate-limit floor of the calls made' : 'the rate limits require no wait: floor 0',
      target: floor > 0 ? { op: '<=', value: 1.5, words: '≤ 1.5× floor' } : undefined, note,
    },
    {
      item: 8, name: `${name}: write calls`, figure: calls.writes, unit: 'calls', limit: Math.ceil(skus / channel.batch),
      limitIs: `${count(skus)} SKUs ÷ ${channel.batch} a call`, target: { op: '<=', value: 1, words: 'full batches' },
      note: channel.batchSource,
    },
  ];
}

export async function run(sizes: Sizes): Promise<Row[]> {
  return withScratch('stock', async (dir) => {
    const skus = Array.from({ length: sizes.stockSkus }, (_, i) => `BENCH-${String(i + 1).padStart(5, '0')}`);
    const amazonSkus = skus.slice(0, sizes.stockAmazonSkus);
    const ledger = openLedger(join(dir, 'ledger.db'));
    const channels: StockChannel[] = [];
    try {
      const source = await seed(ledger, join(dir, 'stock.csv'), skus);
      const amazonSource = await seed(ledger, join(dir, 'stock-amazon.csv'), amazonSkus);
      for (const kind of KINDS) channels.push(await startStockChannel(kind, kind === 'amazon' ? amazonSkus : skus, sizes.stockShopifyBucket));
      const sourceOf = (c: StockChannel) => (c.kind === 'amazon' ? amazonSource : source);
      log(`stock: pushing ${count(skus.length)} SKUs (Amazon ${count(amazonSkus.length)}) to four channels at once`);
      const first = await Promise.all(channels.map((c) => pushOnce(ledger, c, sourceOf(c))));
      for (const [i, c] of channels.entries()) log(`stock: ${c.kind}: ${first[i]!.result.ok} set in ${first[i]!.seconds.toFixed(1)} s, ${first[i]!.calls.requests} calls`);
      const again = await Promise.all(channels.map((c) => pushOnce(ledger, c, sourceOf(c))));
      const measured: Measured[] = channels.map((channel, i) => ({
        channel, skus: channel.kind === 'amazon' ? amazonSkus.length : skus.length, first: first[i]!, again: again[i]!,
      }));
      const throttled = measured.reduce((n, m) => n + m.first.calls.throttled + m.again.calls.throttled, 0);
      const rerunCalls = measured.reduce((n, m) => n + m.again.calls.requests, 0);
      return [
        ...measured.flatMap((m) => channelRows(m, sizes)),
        {
          item: 8, name: 'stock push, 4 channels: 429 / THROTTLED answers', figure: throttled, unit: 'answers', limit: 0, limitIs: 'none',
          target: { op: '<=', value: 0, of: 'figure', words: '0' },
          note: measured.map((m) => `${m.channel.kind} ${m.first.calls.throttled}`).join(', '),
        },
        {
          item: 8, name: 'stock push again, nothing changed: calls', figure: rerunCalls, unit: 'calls', limit: 0, limitIs: 'none',
          target: { op: '<=', value: 0, of: 'figure', words: '0' },
          note: measured.map((m) => `${m.channel.kind}: ${m.again.result.planned} planned, ${count(m.again.result.unchanged)} unchanged, ${m.again.calls.requests} calls, ${(m.again.seconds * 1000).toFixed(0)} ms`).join('; '),
        },
      ];
    } finally {
      await Promise.all(channels.map((c) => c.mock.close()));
      ledger.close();
    }
  });
}
