// stdout carries results: aligned tables for people, one JSON document with --json.

export interface Output {
  json: boolean;
  write(text: string): void;
}

export const stdout: Output['write'] = (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n');

export function printJson(out: Output, value: unknown): void {
  out.write(JSON.stringify(value, null, 2));
}

export function printTable(out: Output, rows: Record<string, unknown>[], columns?: string[]): void {
  if (rows.length === 0) return;
  const keys = columns ?? Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => keys.map((key) => format(row[key])));
  const widths = keys.map((key, i) => Math.max(key.length, ...cells.map((line) => (line[i] ?? '').length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  out.write([line(keys), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n'));
}

function format(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
