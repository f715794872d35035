// Logs go to stderr as plain lines, with every configured secret masked. Written by hand
// rather than with pino because secrets are masked by value (not by field path) and the
// reader is an operator at a terminal or in a cron mail, not a log shipper.
import type { LogFields, Logger } from '../connector-kit/index.js';
import { redact } from '../http/index.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface CliLogger extends Logger {
  addSecrets(secrets: readonly string[]): void;
  readonly level: LogLevel;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line + '\n')): CliLogger {
  const secrets: string[] = [];
  const emit = (at: LogLevel) => (message: string, fields?: LogFields) => {
    if (RANK[at] < RANK[level]) return;
    const tail = fields ? Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}=${String(v)}`).join('') : '';
    const prefix = at === 'info' ? '' : `${at}: `;
    write(redact(`${prefix}${message}${tail}`, secrets));
  };
  return {
    level,
    debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'),
    addSecrets: (more) => void secrets.push(...more),
  };
}
