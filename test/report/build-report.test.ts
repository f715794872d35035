import { describe, expect, it } from 'vitest';
import { buildReport, type ReportSource } from '../../src/report/build-report.js';
import { reportSections } from '../../src/report/rows.js';

// Wednesday 25 November 2026, 13:00 UTC.
const NOW = Date.parse('2026-11-25T13:00:00.000Z');
const DAY = (day: string) => `${day}T00:00:00.000Z`;

/** A ledger by hand: woo sells 24 orders a day since 11 November, all between 10:00 and 11:00. */
function fakeSource(overrides: Partial<ReportSource> = {}): ReportSource & { calls: string[] } {
  const calls: string[] = [];
  const log = <T>(name: string, args: unknown[], value: T): T => { calls.push(`${name} ${args.join(' ')}`); return value; };
  return {
    calls,
    channels: () => ['legacy', 'woo'],
    firstPlacedAt: (channel) => (channel === 'woo' ? '2026-11-11T10:15:00.000Z' : null),
    sales: (...args) => log('sales', args, args[0] === 'woo' ? [{ channel: 'woo', day: '2026-11-24', currency: 'EUR', orders: 24, revenue: 48_000 }] : []),
    skus: (...args) => log('skus', args, args[0] === 'woo' ? [{ sku: 'TEE', currency: 'EUR', units: 30, revenue: 45_000 }] : []),
    dailyOrders: (...args) => log('dailyOrders', args, args[0] === 'woo'
      ? Array.from({ length: 14 }, (_, i) => ({ day: `2026-11-${String(11 + i).padStart(2, '0')}`, orders: 24 }))
      : []),
    ordersByHourOfDay: (...args) => log('ordersByHourOfDay', args, Array.from({ length: 24 }, (_, h) => (args[0] === 'woo' && h === 10 ? 336 : 0))),
    deliveries: (channel, target, ...range) => log('deliveries', [channel, target, ...range], channel === 'woo' && target === 'hooks' ? 672 : 0),
    ...overrides,
  };
}

const woo = { name: 'woo', kind: 'woocommerce', pageSize: 100, limit: { perHour: 36, text: '0.01/s' } };
const hooks = { name: 'hooks', kind: 'webhook', limit: { perHour: 72_000, text: '20 per 1 s' } };
const erp = { name: 'erp', kind: 'odoo', limit: { perHour: 36, text: '1 per 100 s' } };

describe('report: putting it together', () => {
  it('reads the sales window (today included) and the history (complete days since the first order)', () => {
    const source = fakeSource();
    buildReport(source, [woo], [hooks], { now: NOW, days: 3, top: 10, pullsPerHour: 12 });
    expect(source.calls).toContain(`sales woo ${DAY('2026-11-23')} ${DAY('2026-11-26')}`);
    expect(source.calls).toContain(`dailyOrders woo ${DAY('2026-11-11')} ${DAY('2026-11-25')}`);
    expect(source.calls).toContain(`ordersByHourOfDay woo ${DAY('2026-11-11')} ${DAY('2026-11-25')}`);
    expect(source.calls).toContain(`deliveries woo hooks ${DAY('2026-11-11')} ${DAY('2026-11-25')}`);
  });

  it('fits at most historyDays of history', () => {
    const source = fakeSource({ firstPlacedAt: () => '2020-01-01T00:00:00.000Z' });
    const report = buildReport(source, [woo], [], { now: NOW, days: 1, top: 10, pullsPerHour: 12, historyDays: 28 });
    expect(source.calls).toContain(`dailyOrders woo ${DAY('2026-10-28')} ${DAY('2026-11-25')}`);
    expect(report.forecast.channels[0]).toMatchObject({ historyFrom: '2026-10-28', historyDays: 28 });
  });

  it('forecasts each channel and measures every limit against the peak hour', () => {
    const report = buildReport(fakeSource(), [woo], [hooks, erp], { now: NOW, days: 3, top: 10, pullsPerHour: 12 });

    expect(report.window).toEqual({ from: '2026-11-23', to: '2026-11-25', days: 3 });
    expect(report.daily.filter((d) => d.channel === 'woo').map((d) => d.orders)).toEqual([0, 24, 0]);
    expect(report.topSkus).toEqual([{ sku: 'TEE', units: 30, revenue: [{ currency: 'EUR', amount: 45_000 }] }]);
    expect(report.forecast.days).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']);

    const [wooForecast, legacy] = report.forecast.channels;
    expect(wooForecast).toMatchObject({ channel: 'woo', method: 'trend+weekday', historyFrom: '2026-11-11', historyDays: 14 });
    wooForecast!.orders.forEach((n) => expect(n).toBeCloseTo(24, 9));
    expect(wooForecast!.total).toBeCloseTo(168, 9);
    // 336 orders at 10:00 plus one pseudo-order per hour: 337 / 360 of the day.
    expect(wooForecast!.peakHourShare).toBeCloseTo(337 / 360, 12);
    expect(wooForecast!.peakHourOrders).toBeCloseTo(24 * 337 / 360, 9);
    expect(legacy).toMatchObject({ channel: 'legacy', method: 'none', historyFrom: null, historyDays: 0, total: 0, peakHourOrders: 0 });

    const peak = 24 * 337 / 360;
    const [wooLimit, legacyLimit, hooksLimit, erpLimit] = report.headroom.limits;
    // 36 an hour over 12 pulls: 3 pages of 100 per pull before it binds.
    expect(wooLimit).toMatchObject({ kind: 'channel', name: 'woo', connector: 'woocommerce', limitPerHour: 36, peakHourRequests: 12, verdict: 'ok' });
    expect(wooLimit!.headroom).toBeCloseTo(3 * 12 * 100 / peak, 9);
    expect(legacyLimit).toMatchObject({ name: 'legacy', connector: null, peakHourRequests: null, headroom: null, verdict: 'unknown', note: 'page size unknown' });
    // hooks saw 2 deliveries per woo order in the history.
    expect(hooksLimit!.peakHourRequests).toBeCloseTo(2 * peak, 9);
    expect(hooksLimit!.headroom).toBeCloseTo(72_000 / (2 * peak), 9);
    expect(hooksLimit).toMatchObject({ verdict: 'ok', note: null });
    // erp saw none: one per order is assumed, and 36 an hour is not even 2× the peak.
    expect(erpLimit!.peakHourRequests).toBeCloseTo(peak, 9);
    expect(erpLimit).toMatchObject({ verdict: 'tight', note: 'no deliveries in the history: one per order assumed' });
  });

  it('says when a channel publishes no limit, and when a limit binds', () => {
    const tiny = { name: 'tiny', kind: 'webhook', limit: { perHour: 10, text: '10 per 1 h' } };
    const report = buildReport(fakeSource(), [{ ...woo, limit: undefined }], [tiny], { now: NOW, days: 1, top: 1, pullsPerHour: 12 });
    expect(report.headroom.limits[0]).toMatchObject({ name: 'woo', peakHourRequests: 12, headroom: null, verdict: 'unknown', note: 'the connector publishes no request limit' });
    // tiny has no deliveries in the history: one per order assumed.
    expect(report.headroom.limits[2]).toMatchObject({ name: 'tiny', verdict: 'binds' });
    expect(report.headroom.limits[2]!.headroom).toBeCloseTo(10 / (24 * 337 / 360), 9);

    const headroom = reportSections(report).find((s) => s.title.startsWith('API headroom'))!;
    expect(headroom.rows[0]).toMatchObject({ name: 'woo', limit: 'unknown', 'binds at': 'unknown' });
    expect(headroom.rows[2]).toMatchObject({ name: 'tiny', limit: '10 per 1 h', 'per hour': 10, 'binds at': '0.4× forecast', verdict: 'binds' });
  });
});
