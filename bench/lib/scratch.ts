// A scratch folder per benchmark section (ledgers, recordings), removed when the section ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withScratch<T>(label: string, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `ordersync-bench-${label}-`));
  try {
    return await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);
