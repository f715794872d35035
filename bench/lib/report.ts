// One benchmark row: a measured figure beside its limit (measured in the same run, or the
// issue's absolute target), their ratio, and whether the target is met.
import { cpus, release, totalmem, type as osType } from 'node:os';

export interface Row {
  /** The issue's item number (1–7; 8 is issue 5's last bullet, the stock push at scale). */
  item: number;
  name: string;
  figure: number;
  unit: string;
  limit: number;
  /** What the limit is, in words ("bare fetch loop, same pages"). */
  limitIs: string;
  /**
   * How the row is judged: the ratio figure/limit (or, with `of: 'figure'`, the figure itself)
   * against `value`. Undefined for rows given for context only.
   */
  target?: { op: '>=' | '<=' | '>' | '<'; value: number; of?: 'ratio' | 'figure'; words: string };
  note?: string;
}

export function ratioOf(row: Row): number {
  return row.limit === 0 ? Number.NaN : row.figure / row.limit;
}

export function verdictOf(row: Row): 'ok' | 'MISS' | '—' {
  if (!row.target) return '—';
  const { op, value, of } = row.target;
  const r = of === 'figure' ? row.figure : ratioOf(row);
  const met = op === '>=' ? r >= value : op === '<=' ? r <= value : op === '>' ? r > value : r < value;
  return met ? 'ok' : 'MISS';
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const percent = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

function cells(row: Row): string[] {
  return [
    String(row.item), row.name, `${formatNumber(row.figure)} ${row.unit}`,
    `${formatNumber(row.limit)} ${row.unit} (${row.limitIs})`, percent(ratioOf(row)),
    row.target?.words ?? 'context', verdictOf(row),
  ];
}

const HEADER = ['#', 'measure', 'figure', 'limit', 'ratio', 'target', 'verdict'];

export function textTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}

export function describeMachine(): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'unknown CPU').trim();
  return `${osType()} ${release()}, ${cpu.length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}`;
}
