// Each channel's last pull and each target's last success or pause, written by the engines
// and read by the status view from another process.
import type Database from 'better-sqlite3';
import { isoNow } from './time.js';

export function createHealthStore(db: Database.Database) {
  const pullOk = db.prepare(`INSERT INTO channel_status (channel, last_pull_at, last_success_at) VALUES (?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET last_pull_at = excluded.last_pull_at, last_success_at = excluded.last_success_at`);
  const pullFailed = db.prepare(`INSERT INTO channel_status (channel, last_pull_at, last_error, last_error_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET last_pull_at = excluded.last_pull_at, last_error = excluded.last_error, last_error_at = excluded.last_error_at`);
  const targetOk = db.prepare(`INSERT INTO target_status (target, last_success_at) VALUES (?, ?)
    ON CONFLICT (target) DO UPDATE SET last_success_at = excluded.last_success_at`);
  const targetPaused = db.prepare(`INSERT INTO target_status (target, paused_until) VALUES (?, ?)
    ON CONFLICT (target) DO UPDATE SET paused_until = excluded.paused_until`);
  const targetFailed = db.prepare(`INSERT INTO target_status (target, last_error, last_error_at) VALUES (?, ?, ?)
    ON CONFLICT (target) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`);
  return {
    channelPulled(channel: string, error: string | null, now: number = Date.now()): void {
      if (error === null) pullOk.run(channel, isoNow(now), isoNow(now));
      else pullFailed.run(channel, isoNow(now), error.slice(0, 2_000), isoNow(now));
    },
    targetDelivered: (target: string, now: number = Date.now()): void => void targetOk.run(target, isoNow(now)),
    targetPaused: (target: string, until: number | null): void => void targetPaused.run(target, until === null ? null : isoNow(until)),
    targetFailed: (target: string, error: string, now: number = Date.now()): void => void targetFailed.run(target, error.slice(0, 2_000), isoNow(now)),
  };
}

export type HealthStore = ReturnType<typeof createHealthStore>;
