// One writing run at a time per ledger. The lock is a row naming its holder; a row left by a
// process that no longer exists on this host is taken over. Read-only commands never take it.
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { LockedError } from '../errors.js';
import { isoNow } from './time.js';

interface LockRow { pid: number; host: string; command: string; acquired_at: string }

export function createRunLock(db: Database.Database) {
  const read = db.prepare<[], LockRow>("SELECT pid, host, command, acquired_at FROM locks WHERE name = 'run'");
  const write = db.prepare("INSERT OR REPLACE INTO locks (name, pid, host, command, acquired_at) VALUES ('run', ?, ?, ?, ?)");
  const remove = db.prepare("DELETE FROM locks WHERE name = 'run' AND pid = ? AND host = ?");
  const host = hostname();

  const acquire = db.transaction((command: string, now: string): void => {
    const holder = read.get();
    if (holder && !(holder.pid === process.pid && holder.host === host) && isAlive(holder, host)) {
      throw new LockedError(`another ordersync run holds the ledger: pid ${holder.pid} on ${holder.host}, \`${holder.command}\`, since ${holder.acquired_at}`, {
        hint: 'wait for it to finish (cron will try again), or stop that process',
      });
    }
    write.run(process.pid, host, command, now);
  });

  return {
    acquire: (command: string, now: number = Date.now()): void => acquire.immediate(command, isoNow(now)),
    release: (): void => void remove.run(process.pid, host),
  };
}

function isAlive(holder: LockRow, host: string): boolean {
  if (holder.host !== host) return true; // another machine's process cannot be checked: assume it runs
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
