// Each command run is recorded for the status view: command, start, end, counts, outcome.
import type Database from 'better-sqlite3';
import { isoNow } from './time.js';

export type RunOutcome = 'ok' | 'failed' | 'needs_attention';

export interface RunRecord {
  id: number;
  command: string;
  startedAt: string;
  endedAt: string | null;
  outcome: RunOutcome | null;
  counts: Record<string, unknown>;
  error: string | null;
}

export function createRunStore(db: Database.Database) {
  const insert = db.prepare('INSERT INTO runs (command, started_at) VALUES (?, ?)');
  const finish = db.prepare('UPDATE runs SET ended_at = ?, outcome = ?, counts = ?, error = ? WHERE id = ?');
  const recent = db.prepare<[number], { id: number; command: string; started_at: string; ended_at: string | null; outcome: RunOutcome | null; counts: string; error: string | null }>(
    'SELECT * FROM runs ORDER BY id DESC LIMIT ?');
  return {
    start: (command: string, now: number = Date.now()): number => Number(insert.run(command, isoNow(now)).lastInsertRowid),
    finish(id: number, outcome: RunOutcome, counts: Record<string, unknown>, error: string | null = null, now: number = Date.now()): void {
      finish.run(isoNow(now), outcome, JSON.stringify(counts), error, id);
    },
    recent: (limit: number): RunRecord[] => recent.all(limit).map((row) => ({
      id: row.id, command: row.command, startedAt: row.started_at, endedAt: row.ended_at,
      outcome: row.outcome, counts: JSON.parse(row.counts) as Record<string, unknown>, error: row.error,
    })),
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
