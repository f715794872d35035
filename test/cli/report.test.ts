import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Report } from '../../src/report/build-report.js';
import { runCli } from '../support/cli.js';

// The channels config.example.yml names, in its order (the demo pulls each of them).
const CHANNELS = Object.keys((parse(readFileSync('config.example.yml', 'utf8')) as { channels: Record<string, unknown> }).channels);

describe('ordersync report on a ledger the demo filled', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ordersync-report-')), 'ledger.db');
  const report = (...args: string[]) => runCli(['--config', 'config.example.yml', '--db', db, 'report', ...args]);
  const reportJson = async (...args: string[]): Promise<Report> => {
    const result = await report('--json', ...args);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Report;
  };

  let amazonHeld = 0;

  beforeAll(async () => {
    const demo = await runCli(['--db', db, 'demo']);
    // 3: done, but some deliveries are dead (needs a human); the ledger is filled either way.
    expect([0, 3], demo.stderr).toContain(demo.code);
    amazonHeld = Number(/(\d+) orders from amazon/.exec(demo.stdout)?.[1] ?? 0);
  }, 120_000);

  it('prints sales, top SKUs, the forecast and the headroom as plain tables', async () => {
    const result = await report('--days', '7');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/orders and revenue per channel per day, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
    expect(result.stdout).toMatch(/\nday\s+channel\s+orders\s+revenue\n/);
    expect(result.stdout).toMatch(/\d+\.\d\d (EUR|USD)/);
    expect(result.stdout).toMatch(/top SKUs over 7 days[^\n]*\nsku\s+units\s+revenue\n/);
    expect(result.stdout).toMatch(/forecast: orders per day[^\n]*\nchannel\s+model\s+history\s+\w{3} \d\d-\d\d/);
    for (const channel of CHANNELS) expect(result.stdout).toMatch(new RegExp(`\\n${channel}\\s+(trend\\+weekday|trend|mean|none)\\s+\\d+ d`));
    expect(result.stdout).toMatch(/target\s+hooks\s+webhook\s+200 per 1 s\s+720000\s+[\d.]+\s+[\d,.]+× forecast\s+ok/);
    expect(result.stdout).toMatch(/target\s+erp\s+odoo\s+10 per 1 s\s+36000/);
    expect(result.stdout).toMatch(/channel\s+woo\s+woocommerce\s+unknown\s+unknown\s+12\.0\s+unknown\s+unknown\s+the connector publishes no request limit/);
    expect(result.stdout).toContain('assumptions:');
  }, 60_000);

  it('--json holds every order of the window, with money in minor units per currency', async () => {
    const doc = await reportJson('--days', '90');
    expect(Object.keys(doc).sort()).toEqual(['daily', 'forecast', 'generatedAt', 'headroom', 'topSkus', 'totals', 'window']);
    expect(doc.window.days).toBe(90);
    expect(doc.daily).toHaveLength(90 * CHANNELS.length);
    // The demo's mocks start with 40 orders each, all placed within the last weeks; Amazon's
    // channel reads the North American marketplaces only (config.example.yml), so fewer of its.
    const held = (channel: string) => (channel === 'amazon' ? amazonHeld : 40);
    expect(amazonHeld).toBeGreaterThan(0);
    expect(Object.fromEntries(doc.totals.map((t) => [t.channel, t.orders]))).toEqual(Object.fromEntries(CHANNELS.map((c) => [c, held(c)])));
    for (const channel of CHANNELS) {
      expect(doc.daily.filter((d) => d.channel === channel).reduce((sum, d) => sum + d.orders, 0)).toBe(held(channel));
    }
    for (const money of [...doc.daily, ...doc.totals, ...doc.topSkus].flatMap((row) => row.revenue)) {
      expect(Number.isInteger(money.amount)).toBe(true);
      expect(money.currency).toMatch(/^[A-Z]{3}$/);
    }
    expect(doc.topSkus.length).toBeGreaterThan(0);
    expect(doc.topSkus.length).toBeLessThanOrEqual(10);
    expect(doc.topSkus.map((s) => s.units)).toEqual([...doc.topSkus.map((s) => s.units)].sort((a, b) => b - a));
  }, 60_000);

  it('--json forecasts 7 days per channel and measures each limit', async () => {
    const doc = await reportJson('--top', '3', '--pulls-per-hour', '60');
    expect(doc.topSkus).toHaveLength(3);
    expect(doc.forecast.days).toHaveLength(7);
    expect(doc.forecast.channels.map((c) => c.channel)).toEqual(CHANNELS);
    for (const channel of doc.forecast.channels) {
      expect(channel.orders).toHaveLength(7);
      for (const n of channel.orders) expect(n).toBeGreaterThanOrEqual(0);
      expect(channel.total).toBeGreaterThan(0);
      expect(Object.values(channel.weekdayFactors).reduce((a, b) => a + b, 0)).toBeCloseTo(7, 9);
    }
    expect(doc.headroom.pullsPerHour).toBe(60);
    const limits = Object.fromEntries(doc.headroom.limits.map((l) => [`${l.kind} ${l.name}`, l]));
    expect(limits['channel woo']).toMatchObject({ connector: 'woocommerce', limit: null, peakHourRequests: 60, verdict: 'unknown' });
    expect(limits['target hooks']).toMatchObject({ connector: 'webhook', limit: '200 per 1 s', limitPerHour: 720_000, verdict: 'ok', note: null });
    expect(limits['target erp']).toMatchObject({ connector: 'odoo', limitPerHour: 36_000, verdict: 'ok' });
    expect(limits['target hooks']!.peakHourRequests).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a bad --days with exit code 2', async () => {
    const result = await report('--days', 'soon');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--days: "soon" is not a positive whole number');
  });
});
