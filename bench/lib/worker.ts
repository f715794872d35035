// Runs benchmark steps in child Node processes: each gets a fresh heap (so peak RSS means
// something) and, on a multi-core machine, a core of its own (mocks stand in for remote servers).
// The parent calls named handlers over the IPC channel; the child answers with JSON.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { boundHeapGrowth } from '../../src/cli/heap.js';

type Handler = (input: never) => unknown;

interface Call { id: number; name: string; input: unknown }
type Answer = { id: number; result: unknown } | { id: number; error: string };

export interface Worker {
  call<T>(name: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
  readonly pid: number;
}

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Starts `bench/<script>` in a child process that serves its handlers (see `serveHandlers`). */
export function startWorker(script: string, options: { execArgv?: string[] } = {}): Worker {
  const child: ChildProcess = fork(`${BENCH_DIR}${script}`, [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let exited: Error | undefined;
  child.on('message', (message: Answer) => {
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if ('error' in message) pending.reject(new Error(`${script}: ${message.error}`));
    else pending.resolve(message.result);
  });
  child.on('exit', (code, signal) => {
    exited = new Error(`${script} exited (${signal ?? code}) before answering`);
    for (const pending of waiting.values()) pending.reject(exited);
    waiting.clear();
  });
  return {
    pid: child.pid ?? -1,
    call<T>(name: string, input?: unknown): Promise<T> {
      if (exited) return Promise.reject(exited);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, name, input } satisfies Call);
      });
    },
    stop: () => new Promise<void>((resolve) => {
      if (exited || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    }),
  };
}

/** In the child: answers calls with these handlers, and exits when the parent disconnects. */
export function serveHandlers(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('run this file through startWorker (bench/lib/worker.ts)');
  boundHeapGrowth(); // each child's heap as bin/ordersync.js sets up ordersync's
  process.on('message', (call: Call) => {
    const handler = handlers[call.name];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler "${call.name}"`);
        return (handler as (input: unknown) => unknown)(call.input);
      })
      .then((result) => process.send!({ id: call.id, result: result ?? null } satisfies Answer))
      .catch((error: unknown) => process.send!({ id: call.id, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies Answer));
  });
  process.on('disconnect', () => process.exit(0));
}

/** This process's peak resident set so far, in bytes (VmHWM where /proc has it). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
