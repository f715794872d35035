// Small text helpers shared by the status view and its plain-text form.

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  if (max === 0) return BARS[0]!.repeat(values.length);
  return values.map((v) => BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))]).join('');
}

/** "42 s ago", "7 min ago", "3 h ago", "2 d ago", or "never". */
export function age(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

export function isStale(lastSuccessAt: string | null, now: number, staleAfterMinutes: number): boolean {
  return !lastSuccessAt || now - Date.parse(lastSuccessAt) > staleAfterMinutes * 60_000;
}

export function clip(text: string | null, width: number): string {
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? line.slice(0, width - 1) + '…' : line;
}

/** Rows as aligned text lines: a header, a rule, then one line per row. */
export function formatTable(rows: readonly Record<string, unknown>[], columns?: string[]): string[] {
  if (rows.length === 0) return [];
  const keys = columns ?? Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => keys.map((key) => cellText(row[key])));
  const widths = keys.map((key, i) => Math.max(key.length, ...cells.map((line) => (line[i] ?? '').length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
