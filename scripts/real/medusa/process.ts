// Small process helpers for the real-server setup: run a command to completion with its output
// captured, find a free loopback port, and time named stages.
import { spawn, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a command, resolving with its exit code and combined output (last 200 kB). */
export function run(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const append = (chunk: Buffer) => { output = (output + chunk.toString('utf8')).slice(-200_000); };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (error) => { if (timer) clearTimeout(timer); reject(error); });
    child.on('close', (code) => { if (timer) clearTimeout(timer); resolve({ code, output }); });
  });
}

/** Like run, but a non-zero exit is an error carrying the command's output tail. */
export async function mustRun(label: string, command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${label} failed (exit ${result.code}):\n${tail(result.output, 60)}`);
  return result.output;
}

export function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Records how long each named stage took, for the summary the test prints. */
export class Stages {
  readonly done: { name: string; ms: number }[] = [];

  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.done.push({ name, ms: Date.now() - started });
    }
  }

  summary(): string {
    const total = this.done.reduce((sum, s) => sum + s.ms, 0);
    return [...this.done.map((s) => `  ${s.name.padEnd(40)} ${(s.ms / 1000).toFixed(1).padStart(6)} s`), `  ${'total'.padEnd(40)} ${(total / 1000).toFixed(1).padStart(6)} s`].join('\n');
  }
}
