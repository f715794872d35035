// The report as rows of text for the plain-table output (JSON prints the Report itself).
import { WEEKDAY_NAMES, weekdayOf } from './calendar.js';
import type { Report } from './build-report.js';
import { formatRevenue } from './sales.js';

type Row = Record<string, string | number>;

export interface ReportSection {
  title: string;
  rows: Row[];
}

export function reportSections(report: Report): ReportSection[] {
  const { forecast, headroom } = report;
  return [
    {
      title: `orders and revenue per channel per day, ${report.window.from} to ${report.window.to} (UTC; today so far)`,
      rows: report.daily.map((d) => ({ day: d.day, channel: d.channel, orders: d.orders, revenue: formatRevenue(d.revenue) })),
    },
    {
      title: `totals over ${report.window.days} days`,
      rows: report.totals.map((t) => ({ channel: t.channel, orders: t.orders, revenue: formatRevenue(t.revenue) })),
    },
    {
      title: `top SKUs over ${report.window.days} days (revenue before tax and shipping)`,
      rows: report.topSkus.map((s) => ({ sku: s.sku ?? '(no SKU)', units: s.units, revenue: formatRevenue(s.revenue) })),
    },
    {
      title: `forecast: orders per day (linear trend × day-of-week factors, fitted on up to ${forecast.historyDays} days)`,
      rows: forecast.channels.map((c) => ({
        channel: c.channel,
        model: c.method,
        history: `${c.historyDays} d`,
        ...Object.fromEntries(forecast.days.map((day, i) => [`${WEEKDAY_NAMES[weekdayOf(day)]} ${day.slice(5)}`, oneDecimal(c.orders[i] ?? 0)])),
        '7 days': oneDecimal(c.total),
        'peak hour': oneDecimal(c.peakHourOrders),
      })),
    },
    {
      title: 'API headroom at the forecast peak hour (requests per hour)',
      rows: headroom.limits.map((l) => ({
        kind: l.kind,
        name: l.name,
        connector: l.connector ?? '?',
        limit: l.limit ?? 'unknown',
        'per hour': l.limitPerHour === null ? 'unknown' : Math.round(l.limitPerHour),
        'peak-hour requests': l.peakHourRequests === null ? 'unknown' : oneDecimal(l.peakHourRequests),
        'binds at': l.headroom === null ? (l.verdict === 'unknown' ? 'unknown' : 'never') : `${multiple(l.headroom)} forecast`,
        verdict: l.verdict,
        note: l.note ?? '',
      })),
    },
  ];
}

export function assumptionLines(report: Report): string[] {
  const { pullsPerHour, requestsPerDelivery } = report.headroom;
  return [
    'assumptions:',
    `  channel: ${pullsPerHour} pulls an hour (--pulls-per-hour), each ≥ 1 request, ceil(orders per pull / page size) pages;`,
    '    not counted: overlap re-reads, token refreshes, follow-up requests for large orders, pushes back to the channel.',
    `  target: ${requestsPerDelivery} request per delivery; deliveries per order as in the ledger's history (routing and later updates).`,
    "  the channels' peak hours are added as if they coincided; limits are compared at their sustained hourly rate.",
    '  "binds at 3×" means: the limit is reached when orders run at 3 times the forecast (a promotion\'s uplift).',
  ];
}

const oneDecimal = (n: number): string => n.toFixed(1);

function multiple(n: number): string {
  if (n >= 1000) return `${Math.round(n).toLocaleString('en-US')}×`;
  return `${n >= 10 ? n.toFixed(0) : n.toFixed(1)}×`;
}
