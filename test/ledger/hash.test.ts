import { describe, expect, it } from 'vitest';
import { contentHash, normalizedWithHash } from '../../src/ledger/hash.js';
import type { Order } from '../../src/model/index.js';
import { makeOrder } from '../../bench/lib/orders.js';

const at = (ms: number) => ({ channel: 'woo', placedAt: ms, updatedAt: ms + 30_000 });

describe('ledger: the content hash from the stored text', () => {
  it('equals contentHash, and the stored text is the order without raw', () => {
    for (let n = 1; n <= 50; n++) {
      const order = makeOrder(n, at(1_700_000_000_000 + n));
      const { normalized, hash } = normalizedWithHash(order);
      expect(hash).toBe(contentHash(order));
      const { raw: _raw, ...withoutRaw } = order;
      expect(normalized).toBe(JSON.stringify(withoutRaw));
    }
  });

  it('ignores updatedAt wherever it stands, and only the top-level one', () => {
    const base = makeOrder(7, at(1_700_000_000_000));
    const { updatedAt, ...rest } = base;
    const first = { updatedAt, ...rest } as Order;
    const last = { ...rest, updatedAt } as Order;
    // A nested member of the same name and value before the top-level one must stay in the hash.
    const { customer, ...restOfIt } = rest;
    const nested = { customer: { ...customer, updatedAt }, ...restOfIt, updatedAt } as unknown as Order;
    const tricky = { ...rest, number: `"updatedAt":${JSON.stringify(updatedAt)}`, updatedAt } as Order;
    for (const order of [first, last, nested, tricky]) expect(normalizedWithHash(order).hash).toBe(contentHash(order));
    expect(normalizedWithHash(first).hash).toBe(normalizedWithHash(last).hash);
    expect(normalizedWithHash({ ...base, updatedAt: '2030-01-01T00:00:00.000Z' }).hash).toBe(contentHash(base));
    expect(normalizedWithHash(nested).hash).not.toBe(contentHash(base));
  });
});
