// What every command that touches the ledger shares: config, logger, ledger, run lock, run record.
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../config/load.js';
import { openLedger, type Ledger, type RunOutcome } from '../ledger/index.js';
import { createLogger, type CliLogger, type LogLevel } from './logger.js';
import { stdout, type Output } from './output.js';
import { createProgressBoard, type ProgressBoard } from '../ui/progress.js';

export interface GlobalOptions {
  config?: string;
  db?: string;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
}

export interface Session {
  config: Config;
  log: CliLogger;
  progress: ProgressBoard;
  out: Output;
  options: GlobalOptions;
}

export function loggerFor(options: GlobalOptions, progress?: ProgressBoard): CliLogger {
  const level: LogLevel = options.verbose ? 'debug' : options.quiet ? 'warn' : 'info';
  return createLogger(level, progress ? (line) => progress.print(line) : undefined);
}

export async function openSession(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Promise<Session> {
  const progress = createProgressBoard(process.stderr, Boolean(process.stderr.isTTY) && !options.quiet && !options.json);
  const log = loggerFor(options, progress);
  const config = await loadConfig({ file: options.config, env });
  log.addSecrets(config.secrets);
  for (const warning of config.warnings) log.warn(warning);
  if (options.db) config.database = resolve(options.db);
  return { config, log, progress, out: { json: options.json ?? false, write: stdout }, options };
}

export interface RunReport {
  outcome: RunOutcome;
  counts: Record<string, unknown>;
}

/** Opens the ledger, takes the run lock, records the run, and always releases both. */
export async function withLedgerRun<T extends RunReport>(session: Session, command: string, work: (ledger: Ledger) => Promise<T>): Promise<T> {
  const ledger = openLedger(session.config.database);
  try {
    ledger.lock.acquire(command);
    const runId = ledger.runs.start(command);
    try {
      const report = await work(ledger);
      ledger.runs.finish(runId, report.outcome, report.counts);
      return report;
    } catch (error) {
      ledger.runs.finish(runId, 'failed', {}, error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      ledger.lock.release();
    }
  } finally {
    ledger.close();
  }
}
