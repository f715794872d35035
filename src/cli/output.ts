// stdout carries results: aligned tables for people, one JSON document with --json.
import { formatTable } from '../ui/format.js';

export interface Output {
  json: boolean;
  write(text: string): void;
}

export const stdout: Output['write'] = (text) => void process.stdout.write(text.endsWith('\n') ? text : text + '\n');

export function printJson(out: Output, value: unknown): void {
  out.write(JSON.stringify(value, null, 2));
}

export function printTable(out: Output, rows: Record<string, unknown>[], columns?: string[]): void {
  const lines = formatTable(rows, columns);
  if (lines.length > 0) out.write(lines.join('\n'));
}
