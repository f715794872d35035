// Runs `ordersync` from source as a child process, the way cron would, and can SIGKILL it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../test/support/cli-entry.ts', import.meta.url));

export type Phase = 'startup' | 'pull' | 'stock' | 'push';

export interface ChildRun {
  /** Resolves when the child has exited (and been reaped). */
  done: Promise<ChildResult>;
  /** SIGKILL now; resolves once the child is gone. Answers false if it had already exited. */
  kill(): Promise<boolean>;
  /**
   * Where the run is: `pull` once the harness saw it call a channel (notePull); with stock
   * configured, `stock` once it logged that it reads on-hand levels and `push` once it logged the
   * stock push of every stock channel; without, `push` once it logged its pull results.
   */
  phase(): Phase;
  /** The harness saw this run call a channel's API. */
  notePull(): void;
  /** Resolves once the run reaches the phase (true), or has exited without reaching it (false). */
  reached(phase: Exclude<Phase, 'startup'>): Promise<boolean>;
  /** Milliseconds from spawn until its first call to a channel, if there was one. */
  firstPageAt(): number | undefined;
  /** Milliseconds from spawn until the pull step ended (the stock step began, with stock), if it has. */
  pullEndedAt(): number | undefined;
  /** Milliseconds from spawn until the stock step ended, if it has. */
  stockEndedAt(): number | undefined;
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
  /**
   * The channels a sync pushes stock to (0 or absent: the config has no `stock:`). Each logs one
   * `stock → <channel>: …` line when the stock push is over, so the last of them ends the phase.
   */
  stockChannels?: number;
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
  let stockEnded: number | undefined;
  let exited = false;
  const stockChannels = options.stockChannels ?? 0;
  const waiters: { phase: Exclude<Phase, 'startup'>; resolve(reached: boolean): void }[] = [];
  const order: Record<Phase, number> = { startup: 0, pull: 1, stock: 2, push: 3 };
  const enter = (next: Phase): void => {
    if (order[next] <= order[phase]) return;
    phase = next;
    wake();
  };
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
    if (stockChannels === 0) {
      // `channel X: N received, …` (info) is logged once the whole pull step is over.
      if (phase !== 'push' && /^channel .*: \d+ received/m.test(text)) {
        pullEnded = Date.now() - started;
        enter('push');
      }
      return;
    }
    // sync logs `stock: reading on-hand levels from …` as the stock step begins (after the pull
    // and the shipments), then `stock → <channel>: …` per channel once the stock push is over.
    if (order[phase] < order.stock && /^stock: reading on-hand/m.test(stderr)) {
      pullEnded = Date.now() - started;
      enter('stock');
    }
    if (phase === 'stock' && (stderr.match(/^stock → /gm)?.length ?? 0) >= stockChannels) {
      stockEnded = Date.now() - started;
      enter('push');
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
      firstPage = Date.now() - started;
      enter('pull');
    },
    reached: (wanted) => new Promise<boolean>((resolve) => {
      waiters.push({ phase: wanted, resolve });
      wake();
    }),
    firstPageAt: () => firstPage,
    pullEndedAt: () => pullEnded,
    stockEndedAt: () => stockEnded,
  };
}
