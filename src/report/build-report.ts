// `ordersync report`: sales per channel per day, top SKUs, a 7-day forecast per channel and the
// rate-limit headroom it implies. Reads through a narrow source (the ledger's report queries),
// so everything here is arithmetic that a test can feed by hand.
import { addDays, dayOf, dayRange, daysBetween, startOf, WEEKDAY_NAMES, weekdayOf } from './calendar.js';
import { fitSeasonalModel, forecastAhead, peakHourShare, type ForecastMethod } from './forecast.js';
import { channelHeadroom, channelRequests, targetHeadroom, targetRequests, verdictOf, type HourlyLimit, type Verdict } from './headroom.js';
import { channelTotals, dailySales, topSkus, type DaySales, type SalesRow, type SkuRow, type TopSku } from './sales.js';
import type { Money } from '../model/index.js';

/** What the report reads; instants are ISO 8601 UTC, ranges are [from, to). */
export interface ReportSource {
  channels(): string[];
  firstPlacedAt(channel: string): string | null;
  sales(channel: string, from: string, to: string): SalesRow[];
  skus(channel: string, from: string, to: string): SkuRow[];
  dailyOrders(channel: string, from: string, to: string): { day: string; orders: number }[];
  ordersByHourOfDay(channel: string, from: string, to: string): number[];
  deliveries(channel: string, target: string, from: string, to: string): number;
}

export interface ChannelFacts {
  name: string;
  kind: string | null;
  /** Orders per request of its pull (the connector's `pageSize` setting); null when unknown. */
  pageSize: number | null;
  limit: HourlyLimit | undefined;
}

export interface TargetFacts {
  name: string;
  kind: string;
  limit: HourlyLimit;
}

export interface ReportOptions {
  now: number;
  /** Days of sales shown, today included. */
  days: number;
  top: number;
  pullsPerHour: number;
  /** Days of history the forecast fits at most (recent weeks say more than last year). */
  historyDays?: number;
  horizon?: number;
  requestsPerDelivery?: number;
}

export interface ChannelForecast {
  channel: string;
  method: ForecastMethod;
  historyFrom: string | null;
  historyDays: number;
  level: number;
  slope: number;
  weekdayFactors: Record<string, number>;
  residualSd: number;
  /** Expected orders on each forecast day. */
  orders: number[];
  total: number;
  peakHourShare: number;
  peakHourOrders: number;
}

export interface LimitHeadroom {
  kind: 'channel' | 'target';
  name: string;
  connector: string | null;
  limit: string | null;
  limitPerHour: number | null;
  peakHourRequests: number | null;
  /** The multiple of the forecast at which the limit binds; null when unbounded or unknown. */
  headroom: number | null;
  verdict: Verdict;
  note: string | null;
}

export interface Report {
  generatedAt: string;
  window: { from: string; to: string; days: number };
  daily: DaySales[];
  totals: { channel: string; orders: number; revenue: Money[] }[];
  topSkus: TopSku[];
  forecast: { historyDays: number; days: string[]; channels: ChannelForecast[] };
  headroom: { pullsPerHour: number; requestsPerDelivery: number; limits: LimitHeadroom[] };
}

export const DEFAULT_HISTORY_DAYS = 56;
export const FORECAST_HORIZON = 7;

export function buildReport(source: ReportSource, channels: readonly ChannelFacts[], targets: readonly TargetFacts[], options: ReportOptions): Report {
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
  const horizon = options.horizon ?? FORECAST_HORIZON;
  const requestsPerDelivery = options.requestsPerDelivery ?? 1;
  const today = dayOf(options.now);
  const tomorrow = startOf(addDays(today, 1));
  const salesDays = dayRange(addDays(today, 1 - options.days), options.days);
  const salesFrom = startOf(salesDays[0]!);

  const facts = [...channels];
  for (const name of source.channels()) if (!facts.some((c) => c.name === name)) facts.push({ name, kind: null, pageSize: null, limit: undefined });
  const names = facts.map((c) => c.name);
  const sales = names.flatMap((name) => source.sales(name, salesFrom, tomorrow));
  const skus = names.flatMap((name) => source.skus(name, salesFrom, tomorrow));

  const histories = facts.map((channel) => {
    // From the channel's first order (leading empty days are not a trend), at most historyDays back.
    const first = source.firstPlacedAt(channel.name)?.slice(0, 10) ?? today;
    const earliest = addDays(today, -historyDays);
    const from = first > earliest ? first : earliest;
    const length = Math.max(0, daysBetween(from, today));
    const counts = new Map(source.dailyOrders(channel.name, startOf(from), startOf(today)).map((r) => [r.day, r.orders]));
    return { channel, from: length > 0 ? from : null, series: dayRange(from, length).map((day) => counts.get(day) ?? 0) };
  });
  const forecasts = histories.map(({ channel, from, series }): ChannelForecast => {
    const model = fitSeasonalModel(series, from === null ? 0 : weekdayOf(from));
    const orders = forecastAhead(model, horizon);
    const share = peakHourShare(from === null ? Array<number>(24).fill(0) : source.ordersByHourOfDay(channel.name, startOf(from), startOf(today)));
    return {
      channel: channel.name, method: model.method, historyFrom: from, historyDays: model.days, level: model.level, slope: model.slope,
      weekdayFactors: Object.fromEntries(WEEKDAY_NAMES.map((name, d) => [name, model.weekday[d]!])), residualSd: model.residualSd,
      orders, total: orders.reduce((sum, n) => sum + n, 0), peakHourShare: share, peakHourOrders: Math.max(0, ...orders) * share,
    };
  });

  const peakOrders = Object.fromEntries(forecasts.map((f) => [f.channel, f.peakHourOrders]));
  const channelLimits = facts.map((channel): LimitHeadroom => {
    const orders = peakOrders[channel.name] ?? 0;
    const base = { kind: 'channel' as const, name: channel.name, connector: channel.kind, limit: channel.limit?.text ?? null, limitPerHour: channel.limit?.perHour ?? null };
    if (channel.pageSize === null) return { ...base, peakHourRequests: null, headroom: null, verdict: 'unknown', note: 'page size unknown' };
    const requests = channelRequests(orders, channel.pageSize, options.pullsPerHour);
    if (!channel.limit) return { ...base, peakHourRequests: requests, headroom: null, verdict: 'unknown', note: 'the connector publishes no request limit' };
    const headroom = channelHeadroom(orders, channel.pageSize, options.pullsPerHour, channel.limit.perHour);
    return { ...base, peakHourRequests: requests, headroom: finite(headroom), verdict: verdictOf(headroom), note: null };
  });

  const targetLimits = targets.map((target): LimitHeadroom => {
    const perOrder: Record<string, number> = {};
    let seen = 0;
    for (const { channel, from, series } of histories) {
      const orders = series.reduce((sum, n) => sum + n, 0);
      const deliveries = from === null || orders === 0 ? 0 : source.deliveries(channel.name, target.name, startOf(from), startOf(today));
      seen += deliveries;
      perOrder[channel.name] = orders > 0 ? deliveries / orders : 0;
    }
    const assumed = seen === 0;
    if (assumed) for (const name of names) perOrder[name] = 1;
    const requests = targetRequests(peakOrders, perOrder, requestsPerDelivery);
    const headroom = targetHeadroom(requests, target.limit.perHour);
    return {
      kind: 'target', name: target.name, connector: target.kind, limit: target.limit.text, limitPerHour: target.limit.perHour,
      peakHourRequests: requests, headroom: finite(headroom), verdict: verdictOf(headroom),
      note: assumed ? 'no deliveries in the history: one per order assumed' : null,
    };
  });

  return {
    generatedAt: new Date(options.now).toISOString(),
    window: { from: salesDays[0]!, to: today, days: options.days },
    daily: dailySales(sales, names, salesDays),
    totals: channelTotals(sales, names),
    topSkus: topSkus(skus, options.top),
    forecast: { historyDays, days: dayRange(today, horizon), channels: forecasts },
    headroom: { pullsPerHour: options.pullsPerHour, requestsPerDelivery, limits: [...channelLimits, ...targetLimits] },
  };
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
