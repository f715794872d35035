// The run summary's stock part (sync and demo with `stock:`): a table per channel, oversold SKUs
// and stock errors, in text and in JSON.
import { describe, expect, it } from 'vitest';
import { printSummary, type RunSummary } from '../../src/cli/summary.js';
import type { StockPushReport } from '../../src/stock/push-stock.js';

const channel = (name: string, counts: Partial<StockPushReport['channels'][number]> = {}) => ({
  channel: name, planned: 8, unchanged: 0, ok: 8, rejected: 0, retry: 0, error: null, ...counts,
});

function summaryWithStock(): RunSummary {
  const push: StockPushReport = {
    plan: [], figures: new Map(), outcomes: new Map(),
    channels: [channel('woo'), channel('amazon', { ok: 6, rejected: 1, retry: 1, error: 'channel amazon: stock push failed: HTTP 503' })],
    oversold: [{ sku: 'MUG-12OZ', short: 2 }],
  };
  return { events: { 'stock.changed': 8 }, seconds: 1.5, stock: { push, error: null } };
}

function print(json: boolean, summary: RunSummary): string {
  const lines: string[] = [];
  printSummary({ json, write: (text) => void lines.push(text) }, summary);
  return lines.join('\n');
}

describe('the run summary with stock', () => {
  it('prints set, refused, retrying and unchanged per channel, then the oversold SKUs', () => {
    const text = print(false, summaryWithStock());
    expect(text).toMatch(/^stock\s+set\s+refused\s+retrying\s+unchanged$/m);
    expect(text).toMatch(/^woo\s+8\s+0\s+0\s+0$/m);
    expect(text).toMatch(/^amazon\s+6\s+1\s+1\s+0$/m);
    expect(text).toMatch(/^oversold: MUG-12OZ \(short 2\)$/m);
  });

  it('--json carries the same figures and the stock errors', () => {
    const doc = JSON.parse(print(true, summaryWithStock())) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(doc.stock.channels).toEqual([
      { stock: 'woo', set: 8, refused: 0, retrying: 0, unchanged: 0 },
      { stock: 'amazon', set: 6, refused: 1, retrying: 1, unchanged: 0 },
    ]);
    expect(doc.stock.oversold).toEqual([{ sku: 'MUG-12OZ', short: 2 }]);
    expect(doc.errors).toEqual(['channel amazon: stock push failed: HTTP 503']);
  });

  it('says nothing of stock when the config has none', () => {
    expect(print(false, { seconds: 1 })).not.toMatch(/stock/);
    expect(JSON.parse(print(true, { seconds: 1 }))).not.toHaveProperty('stock');
  });
});
