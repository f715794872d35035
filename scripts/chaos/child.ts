// Runs `ordersync` from source as a child process, the way cron would, and can SIGKILL it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../test/support/cli-entry.ts', import.meta.url));

export type Phase = 'startup' | 'pull' | 'push';

export interface ChildRun {
  /** Resolves when the child has exited (and been reaped). */
  done: Promise<ChildResult>;
  /** SIGKILL now; resolves once the child is gone. Answers false if it had already exited. */
  kill(): Promise<boolean>;
  /** Where the run is: `pull` once the harness saw it call a channel (notePull), `push` once it logged its pull results. */
  phase(): Phase;
  /** The harness saw this run call a channel's API. */
  notePull(): void;
  /** Resolves once the run reaches the phase (true), or has exited without reaching it (false). */
  reached(phase: 'pull' | 'push'): Promise<boolean>;
  /** Milliseconds from spawn until its first call to a channel, if there was one. */
  firstPageAt(): number | undefined;
  /** Milliseconds from spawn until the pull step ended, if it has. */
  pullEndedAt(): number | undefined;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface ChildOptions {
  config: string;
  db: string;
  env: Record<string, string>;
  args?: string[];
}

/** `node --import tsx test/support/cli-entry.ts --config … --db … [args]`, cwd = the repository. */
export function startCli(options: ChildOptions): ChildRun {
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--config', options.config, '--db', options.db, ...(options.args ?? ['sync'])], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let phase: Phase = 'startup';
  let firstPage: number | undefined;
  let pullEnded: number | undefined;
  let exited = false;
  const waiters: { phase: 'pull' | 'push'; resolve(reached: boolean): void }[] = [];
  const order: Record<Phase, number> = { startup: 0, pull: 1, push: 2 };
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (order[phase] >= order[waiter.phase] || exited) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(order[phase] >= order[waiter.phase]);
      }
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const text = stderr.slice(-8_192); // a line may arrive split over two chunks
    // `channel X: N received, …` (info) is logged once the whole pull step is over.
    if (phase !== 'push' && /^channel .*: \d+ received/m.test(text)) {
      phase = 'push';
      pullEnded = Date.now() - started;
      wake();
    }
  });
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      exited = true;
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
      wake();
    });
  });
  return {
    done,
    async kill() {
      if (exited || child.exitCode !== null) {
        await done;
        return false;
      }
      child.kill('SIGKILL');
      const result = await done;
      return result.signal === 'SIGKILL';
    },
    phase: () => phase,
    notePull() {
      if (phase !== 'startup' || exited) return;
      phase = 'pull';
      firstPage = Date.now() - started;
      wake();
    },
    reached: (wanted) => new Promise<boolean>((resolve) => {
      waiters.push({ phase: wanted, resolve });
      wake();
    }),
    firstPageAt: () => firstPage,
    pullEndedAt: () => pullEnded,
  };
}
