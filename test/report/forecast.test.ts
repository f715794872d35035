import { describe, expect, it } from 'vitest';
import { fitSeasonalModel, forecastAhead, leastSquares, peakHourShare, predict } from '../../src/report/forecast.js';

const MONDAY = 1;
const SUNDAY = 0;

describe('forecast: the seasonal model (linear trend × day-of-week factors)', () => {
  it('recovers the level, slope and weekday factors of an exact synthetic series, and forecasts it', () => {
    // Given 4 weeks that start on a Monday: trend 10 + 0.5·t, Sundays at half, Fridays +20%, Saturdays +30%.
    const factors = [0.5, 1, 1, 1, 1, 1.2, 1.3]; // Sun … Sat, mean 1
    const series = Array.from({ length: 28 }, (_, t) => (10 + 0.5 * t) * factors[(MONDAY + t) % 7]!);

    const model = fitSeasonalModel(series, MONDAY);

    expect(model.method).toBe('trend+weekday');
    expect(model.days).toBe(28);
    expect(model.level).toBeCloseTo(10, 9);
    expect(model.slope).toBeCloseTo(0.5, 9);
    model.weekday.forEach((f, d) => expect(f).toBeCloseTo(factors[d]!, 9));
    expect(model.residualSd).toBeCloseTo(0, 9);
    // Then the next week (t = 28 … 34, Monday to Sunday) is the trend times each day's factor.
    const ahead = forecastAhead(model, 7);
    [24, 24.5, 25, 25.5, 26 * 1.2, 26.5 * 1.3, 27 * 0.5].forEach((expected, k) => expect(ahead[k]).toBeCloseTo(expected, 9));
  });

  it('gives a flat series factors of 1, no slope and its own value ahead', () => {
    const model = fitSeasonalModel(Array<number>(21).fill(5), SUNDAY);
    expect(model).toMatchObject({ method: 'trend+weekday', level: 5, slope: 0, residualSd: 0 });
    expect(model.weekday).toEqual(Array<number>(7).fill(1));
    expect(forecastAhead(model, 3)).toEqual([5, 5, 5]);
  });

  it('copes with a weekday that never sells (a shop closed on Sundays)', () => {
    const series = Array.from({ length: 28 }, (_, t) => ((MONDAY + t) % 7 === SUNDAY ? 0 : 12));
    const model = fitSeasonalModel(series, MONDAY);
    expect(model.weekday[SUNDAY]).toBe(0);
    for (let d = 1; d < 7; d++) expect(model.weekday[d]).toBeCloseTo(7 / 6, 9);
    expect(model.level).toBeCloseTo(12 * 6 / 7, 9);
    expect(model.slope).toBeCloseTo(0, 9);
    expect(forecastAhead(model, 7).map((n) => Math.round(n * 1e9) / 1e9)).toEqual([12, 12, 12, 12, 12, 12, 0]);
  });

  it('fits only a trend on one to two weeks of history', () => {
    const model = fitSeasonalModel(Array.from({ length: 10 }, (_, t) => 2 + 3 * t), MONDAY);
    expect(model.method).toBe('trend');
    expect(model.level).toBeCloseTo(2, 12);
    expect(model.slope).toBeCloseTo(3, 12);
    expect(model.weekday).toEqual(Array<number>(7).fill(1));
    expect(forecastAhead(model, 2)).toEqual([32, 35]);
  });

  it('fits a noisy trend by least squares, value by value', () => {
    // 2 + 3t with +1, −1, +1, … added: Σ(t − 4.5)·e = −5 and Σ(t − 4.5)² = 82.5.
    const series = Array.from({ length: 10 }, (_, t) => 2 + 3 * t + (t % 2 === 0 ? 1 : -1));
    const model = fitSeasonalModel(series, MONDAY);
    expect(model.slope).toBeCloseTo(3 - 5 / 82.5, 12);
    expect(model.level).toBeCloseTo(15.5 - (3 - 5 / 82.5) * 4.5, 12);
    const squares = series.reduce((sum, y, t) => sum + (y - predict(model, t)) ** 2, 0);
    expect(model.residualSd).toBeCloseTo(Math.sqrt(squares / 8), 12);
  });

  it('falls back to the mean under a week of history, and to nothing without history', () => {
    const model = fitSeasonalModel([3, 5, 4], MONDAY);
    expect(model).toMatchObject({ method: 'mean', level: 4, slope: 0, residualSd: 1 });
    expect(forecastAhead(model, 2)).toEqual([4, 4]);
    const none = fitSeasonalModel([], MONDAY);
    expect(none.method).toBe('none');
    expect(forecastAhead(none, 3)).toEqual([0, 0, 0]);
  });

  it('never forecasts negative orders when the trend falls through zero', () => {
    const model = fitSeasonalModel(Array.from({ length: 10 }, (_, t) => 20 - 2 * t), MONDAY);
    expect(forecastAhead(model, 3).map((n) => Math.abs(n))).toEqual([0, 0, 0]);
  });

  it('least squares of one point, or of none, is a flat line', () => {
    expect(leastSquares([])).toEqual({ level: 0, slope: 0 });
    expect(leastSquares([{ t: 4, y: 7 }])).toEqual({ level: 7, slope: 0 });
  });
});

describe('forecast: the peak hour', () => {
  const hours = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);

  it('is the busiest hour\'s share of the day, shrunk towards flat by one pseudo-order per hour', () => {
    expect(peakHourShare(hours({ 9: 24 }))).toBeCloseTo(25 / 48, 12);
    expect(peakHourShare(hours({ 3: 6, 4: 2 }), 0)).toBe(0.75);
    expect(peakHourShare(hours({ 10: 600, 11: 300, 20: 100 }))).toBeCloseTo(601 / 1024, 12);
  });

  it('is 1/24 without history', () => {
    expect(peakHourShare(hours({}))).toBeCloseTo(1 / 24, 12);
    expect(peakHourShare(hours({}), 0)).toBeCloseTo(1 / 24, 12);
  });

  it('refuses anything but 24 hours', () => {
    expect(() => peakHourShare([1, 2, 3])).toThrow(/24 hourly counts/);
  });
});
