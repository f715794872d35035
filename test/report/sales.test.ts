import { describe, expect, it } from 'vitest';
import { channelTotals, dailySales, formatRevenue, topSkus, type SalesRow } from '../../src/report/sales.js';
import { addDays, dayRange, daysBetween, weekdayOf } from '../../src/report/calendar.js';

const rows: SalesRow[] = [
  { channel: 'woo', day: '2026-11-23', currency: 'EUR', orders: 2, revenue: 3998 },
  { channel: 'woo', day: '2026-11-23', currency: 'USD', orders: 1, revenue: 1500 },
  { channel: 'shop', day: '2026-11-24', currency: 'JPY', orders: 3, revenue: 12000 },
  { channel: 'woo', day: '2026-11-25', currency: 'EUR', orders: 1, revenue: 0 },
];

describe('sales per channel per day', () => {
  it('gives every channel a row on every day, zeros included, revenue per currency', () => {
    const days = dayRange('2026-11-23', 3);
    expect(dailySales(rows, ['woo', 'shop'], days)).toEqual([
      { day: '2026-11-23', channel: 'woo', orders: 3, revenue: [{ currency: 'EUR', amount: 3998 }, { currency: 'USD', amount: 1500 }] },
      { day: '2026-11-23', channel: 'shop', orders: 0, revenue: [] },
      { day: '2026-11-24', channel: 'woo', orders: 0, revenue: [] },
      { day: '2026-11-24', channel: 'shop', orders: 3, revenue: [{ currency: 'JPY', amount: 12000 }] },
      { day: '2026-11-25', channel: 'woo', orders: 1, revenue: [{ currency: 'EUR', amount: 0 }] },
      { day: '2026-11-25', channel: 'shop', orders: 0, revenue: [] },
    ]);
  });

  it('totals each channel over the window', () => {
    expect(channelTotals(rows, ['woo', 'shop', 'idle'])).toEqual([
      { channel: 'woo', orders: 4, revenue: [{ currency: 'EUR', amount: 3998 }, { currency: 'USD', amount: 1500 }] },
      { channel: 'shop', orders: 3, revenue: [{ currency: 'JPY', amount: 12000 }] },
      { channel: 'idle', orders: 0, revenue: [] },
    ]);
  });

  it('prints revenue with each currency\'s own decimals', () => {
    expect(formatRevenue([{ currency: 'EUR', amount: 3998 }, { currency: 'JPY', amount: 12000 }, { currency: 'KWD', amount: 1500 }]))
      .toBe('39.98 EUR, 12000 JPY, 1.500 KWD');
    expect(formatRevenue([])).toBe('—');
  });
});

describe('top SKUs', () => {
  it('ranks by units across currencies (ties by SKU), lines without a SKU together, and cuts at the limit', () => {
    const skus = [
      { sku: 'TEE', currency: 'EUR', units: 3, revenue: 5985 },
      { sku: 'TEE', currency: 'USD', units: 2, revenue: 4400 },
      { sku: 'MUG', currency: 'EUR', units: 5, revenue: 4500 },
      { sku: null, currency: 'EUR', units: 1, revenue: 100 },
      { sku: 'CAP', currency: 'EUR', units: 1, revenue: 900 },
    ];
    expect(topSkus(skus, 3)).toEqual([
      { sku: 'MUG', units: 5, revenue: [{ currency: 'EUR', amount: 4500 }] },
      { sku: 'TEE', units: 5, revenue: [{ currency: 'EUR', amount: 5985 }, { currency: 'USD', amount: 4400 }] },
      { sku: null, units: 1, revenue: [{ currency: 'EUR', amount: 100 }] },
    ]);
  });
});

describe('calendar (UTC days)', () => {
  it('counts and steps days across month ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-11', '2026-11-25')).toBe(14);
    expect(weekdayOf('2026-11-25')).toBe(3); // a Wednesday
  });
});
