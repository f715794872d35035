// UTC calendar days as 'YYYY-MM-DD' text: the ledger keeps instants in ISO 8601 UTC, so a day
// here is a UTC day (a merchant in another time zone sees their evening split across two days).

const DAY_MS = 86_400_000;

/** The UTC day of an instant in milliseconds. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00.000Z`).getUTCDay();
}

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `count` consecutive days starting at `first`. */
export function dayRange(first: string, count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(first, i));
}

/** The first instant of a day, as the ledger writes instants (for `placed_at >= …` bounds). */
export function startOf(day: string): string {
  return `${day}T00:00:00.000Z`;
}
