import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/ledger/open.js';
import { createOrderStore } from '../../src/ledger/orders.js';
import { createReportQueries, REPORT_SQL, type ReportQueries } from '../../src/ledger/report-queries.js';
import type { Order } from '../../src/model/index.js';
import { makeOrder } from '../support/orders.js';

const at = (day: string) => `${day}T00:00:00.000Z`;
const money = (amount: number, currency: string) => ({ amount, currency });

function order(channel: string, externalId: string, placedAt: string, overrides: Partial<Order> = {}): Order {
  return makeOrder({ channel, externalId, number: `#${externalId}`, placedAt, updatedAt: placedAt, ...overrides });
}

describe('ledger: the report queries', () => {
  let db: Database.Database;
  let report: ReportQueries;

  beforeEach(() => {
    // Given a ledger: woo sold on 23 and 24 November (one order cancelled), shop once late on the 24th.
    db = openDatabase(':memory:');
    const orders = createOrderStore(db);
    const commit = (channel: string, entries: [Order, string[]][]) => orders.commitPage({
      channel, orders: entries.map(([o, targets]) => ({ order: o, targets, moneyDifference: 0 })), rejected: [], checkpoint: { updatedAt: 'x', idsAtUpdatedAt: [] },
    });
    commit('woo', [
      [order('woo', 'a', '2026-11-23T10:00:00.000Z'), ['hooks', 'erp']],
      [order('woo', 'b', '2026-11-23T11:30:00.000Z', {
        fulfillmentStatus: 'cancelled', total: money(1000, 'EUR'),
        lines: [{ externalId: 'l1', sku: 'MUG', title: 'Mug', quantity: 9, unitPrice: money(900, 'EUR'), tax: money(0, 'EUR'), discount: money(0, 'EUR') }],
      }), ['hooks']],
      [order('woo', 'c', '2026-11-24T10:10:00.000Z', {
        currency: 'USD', subtotal: money(2000, 'USD'), shippingTotal: money(600, 'USD'), taxTotal: money(0, 'USD'), discountTotal: money(100, 'USD'), total: money(2500, 'USD'),
        lines: [{ externalId: 'l1', sku: null, title: 'Gift card', quantity: 1, unitPrice: money(2000, 'USD'), tax: money(0, 'USD'), discount: money(100, 'USD') }],
      }), ['hooks']],
    ]);
    commit('shop', [[order('shop', 'd', '2026-11-24T23:59:59.999Z', {
      currency: 'JPY', subtotal: money(12000, 'JPY'), shippingTotal: money(0, 'JPY'), taxTotal: money(0, 'JPY'), discountTotal: money(0, 'JPY'), total: money(12000, 'JPY'),
      lines: [{ externalId: 'l1', sku: 'TEE-BLK-M', title: 'Logo Tee', quantity: 4, unitPrice: money(3000, 'JPY'), tax: money(0, 'JPY'), discount: money(0, 'JPY') }],
    }), ['hooks']]]);
    report = createReportQueries(db);
  });
  afterEach(() => db.close());

  it('names the channels and finds each one\'s first order', () => {
    expect(report.channels()).toEqual(['shop', 'woo']);
    expect(report.firstPlacedAt('woo')).toBe('2026-11-23T10:00:00.000Z');
    expect(report.firstPlacedAt('nobody')).toBeNull();
  });

  it('counts every order but only sales as revenue, per day and currency, in [from, to)', () => {
    expect(report.sales('woo', at('2026-11-23'), at('2026-11-25'))).toEqual([
      { channel: 'woo', day: '2026-11-23', currency: 'EUR', orders: 2, revenue: 5318 },
      { channel: 'woo', day: '2026-11-24', currency: 'USD', orders: 1, revenue: 2500 },
    ]);
    expect(report.sales('woo', at('2026-11-24'), at('2026-11-24'))).toEqual([]);
    expect(report.sales('shop', at('2026-11-23'), at('2026-11-25'))).toEqual([{ channel: 'shop', day: '2026-11-24', currency: 'JPY', orders: 1, revenue: 12000 }]);
  });

  it('sums units and line revenue (less line discounts) per SKU of the orders that sold', () => {
    expect(report.skus('woo', at('2026-11-23'), at('2026-11-25'))).toEqual(expect.arrayContaining([
      { sku: 'TEE-BLK-M', currency: 'EUR', units: 2, revenue: 3990 },
      { sku: null, currency: 'USD', units: 1, revenue: 1900 },
    ]));
    expect(report.skus('woo', at('2026-11-23'), at('2026-11-25'))).toHaveLength(2); // the cancelled MUG is not a sale
  });

  it('counts orders per day and per hour of the day', () => {
    expect(report.dailyOrders('woo', at('2026-11-01'), at('2026-12-01'))).toEqual([{ day: '2026-11-23', orders: 2 }, { day: '2026-11-24', orders: 1 }]);
    const hours = report.ordersByHourOfDay('woo', at('2026-11-01'), at('2026-12-01'));
    expect(hours).toHaveLength(24);
    expect(hours[10]).toBe(2);
    expect(hours[11]).toBe(1);
    expect(hours.reduce((a, b) => a + b, 0)).toBe(3);
    expect(report.ordersByHourOfDay('shop', at('2026-11-01'), at('2026-12-01'))[23]).toBe(1);
  });

  it('counts a channel\'s deliveries to a target', () => {
    expect(report.deliveries('woo', 'hooks', at('2026-11-01'), at('2026-12-01'))).toBe(3);
    expect(report.deliveries('woo', 'erp', at('2026-11-01'), at('2026-12-01'))).toBe(1);
    expect(report.deliveries('woo', 'hooks', at('2026-11-24'), at('2026-12-01'))).toBe(1);
    expect(report.deliveries('shop', 'erp', at('2026-11-01'), at('2026-12-01'))).toBe(0);
  });

  it('searches indexes for every query over orders, lines and deliveries, never scanning them', () => {
    for (const [name, sql] of Object.entries(REPORT_SQL)) {
      if (name === 'channels') continue; // two small status tables
      const parameters = (sql.match(/\?/g) ?? []).map(() => 'x');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((step) => /^SCAN /.test(step)), `${name}: ${plan.join(' | ')}`).toEqual([]);
      expect(plan.some((step) => /orders_by_channel_placed/.test(step)), `${name}: ${plan.join(' | ')}`).toBe(true);
    }
  });
});
