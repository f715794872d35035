// Orders per day ahead, from a channel's daily history: a multiplicative seasonal model
//
//     orders(t) ≈ max(0, level + slope · t) · weekday[dow(t)]        t = days since the first day
//
// with one factor per day of the week (mean 1: 1.4 means "that weekday sells 40% above the trend").
// It is fitted by alternating least squares, the backfitting of classical decomposition:
//   1. deseasonalise: z(t) = orders(t) / weekday[dow(t)]           (all factors start at 1)
//   2. trend: ordinary least squares of z on t gives level and slope
//   3. factors: weekday[d] = Σ orders on weekday d / Σ trend on weekday d, rescaled to mean 1
//   4. repeat until the factors move by less than 1e-12 (or 200 rounds).
// A series that is exactly (a + b·t)·s[dow] is a fixed point, so the fit recovers a, b and s.
// Short histories fit less: under MIN_DAYS_FOR_WEEKDAY days (each weekday seen twice) no
// weekday factors; under MIN_DAYS_FOR_TREND days (one week) no slope, only the mean.
// The trend is clamped at zero, never forecasting negative orders.

export const MIN_DAYS_FOR_TREND = 7;
export const MIN_DAYS_FOR_WEEKDAY = 14;
const MAX_ROUNDS = 200;
const CONVERGED = 1e-12;

export type ForecastMethod = 'none' | 'mean' | 'trend' | 'trend+weekday';

export interface SeasonalModel {
  method: ForecastMethod;
  /** Days of history fitted; t = 0 is the first of them. */
  days: number;
  /** Weekday of t = 0 (0 = Sunday, as Date.getUTCDay). */
  firstWeekday: number;
  /** The trend's value at t = 0, in orders per day. */
  level: number;
  /** Orders per day gained (or lost) each day. */
  slope: number;
  /** Indexed by weekday (0 = Sunday); mean 1. */
  weekday: number[];
  /** Standard deviation of the fit's residuals, in orders per day (0 when nothing is left to estimate it). */
  residualSd: number;
}

const FLAT = (): number[] => Array<number>(7).fill(1);

export function fitSeasonalModel(counts: readonly number[], firstWeekday: number): SeasonalModel {
  const days = counts.length;
  const base = { days, firstWeekday, weekday: FLAT(), residualSd: 0 };
  if (days === 0) return { ...base, method: 'none', level: 0, slope: 0 };
  if (days < MIN_DAYS_FOR_TREND) {
    return withResidual({ ...base, method: 'mean', level: mean(counts), slope: 0 }, counts, 1);
  }
  const weekdayOf = (t: number) => (firstWeekday + t) % 7;
  const points = counts.map((y, t) => ({ t, y }));
  if (days < MIN_DAYS_FOR_WEEKDAY) {
    return withResidual({ ...base, method: 'trend', ...leastSquares(points) }, counts, 2);
  }

  let weekday = FLAT();
  let trend = leastSquares(points);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // A weekday whose factor is 0 (a shop closed on Sundays) says nothing about the trend.
    const deseasonalised = points.filter((p) => weekday[weekdayOf(p.t)]! > 0).map((p) => ({ t: p.t, y: p.y / weekday[weekdayOf(p.t)]! }));
    trend = leastSquares(deseasonalised);
    const sold = Array<number>(7).fill(0);
    const expected = Array<number>(7).fill(0);
    for (const { t, y } of points) {
      sold[weekdayOf(t)]! += y;
      expected[weekdayOf(t)]! += Math.max(0, trend.level + trend.slope * t);
    }
    const next = normalise(sold.map((s, d) => (expected[d]! > 0 ? s / expected[d]! : 1)));
    const moved = Math.max(...next.map((f, d) => Math.abs(f - weekday[d]!)));
    weekday = next;
    if (moved < CONVERGED) break;
  }
  return withResidual({ ...base, method: 'trend+weekday', ...trend, weekday }, counts, 8);
}

/** The model's orders for day t (t may lie past the history: that is the forecast). */
export function predict(model: SeasonalModel, t: number): number {
  if (model.method === 'none') return 0;
  return Math.max(0, model.level + model.slope * t) * model.weekday[(model.firstWeekday + t) % 7]!;
}

/** The `horizon` days that follow the history. */
export function forecastAhead(model: SeasonalModel, horizon: number): number[] {
  return Array.from({ length: horizon }, (_, k) => predict(model, model.days + k));
}

/**
 * The share of a day's orders that falls in its busiest hour, from orders per hour of the day.
 * One pseudo-order is added to every hour (a flat prior) so that a thin history does not make a
 * single order's hour look like the whole day; with no history the answer is 1/24.
 */
export function peakHourShare(perHourOfDay: readonly number[], pseudoOrdersPerHour = 1): number {
  if (perHourOfDay.length !== 24) throw new Error(`bug: expected 24 hourly counts, got ${perHourOfDay.length}`);
  const total = perHourOfDay.reduce((sum, n) => sum + n, 0) + 24 * pseudoOrdersPerHour;
  if (total === 0) return 1 / 24;
  return Math.max(...perHourOfDay.map((n) => (n + pseudoOrdersPerHour) / total));
}

/** Ordinary least squares of y on t: y ≈ level + slope · t. One point or none: a flat line. */
export function leastSquares(points: readonly { t: number; y: number }[]): { level: number; slope: number } {
  if (points.length === 0) return { level: 0, slope: 0 };
  const tMean = mean(points.map((p) => p.t));
  const yMean = mean(points.map((p) => p.y));
  let covariance = 0;
  let variance = 0;
  for (const { t, y } of points) {
    covariance += (t - tMean) * (y - yMean);
    variance += (t - tMean) ** 2;
  }
  const slope = variance > 0 ? covariance / variance : 0;
  return { level: yMean - slope * tMean, slope };
}

function withResidual(model: SeasonalModel, counts: readonly number[], parameters: number): SeasonalModel {
  const squares = counts.reduce((sum, y, t) => sum + (y - predict(model, t)) ** 2, 0);
  const freedom = counts.length - parameters;
  return { ...model, residualSd: freedom > 0 ? Math.sqrt(squares / freedom) : 0 };
}

function normalise(factors: number[]): number[] {
  const average = mean(factors);
  return average > 0 ? factors.map((f) => f / average) : FLAT();
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
