// Every error a user can meet, with a stable code, the exit code of DESIGN.md and a hint.
// Services throw these; src/cli/main.ts is the one place that renders them.

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  needsHuman: 3,
  locked: 75,
} as const;

export interface ErrorDetails {
  hint?: string;
  cause?: unknown;
}

export class OrdersyncError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(code: string, message: string, exitCode: number, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hint = details.hint;
  }
}

/** The configuration (file, environment, flags) is wrong: the user can fix it. */
export class ConfigError extends OrdersyncError {
  readonly problems: string[];
  constructor(message: string, details: ErrorDetails & { problems?: string[] } = {}) {
    super('config_invalid', message, EXIT.usage, details);
    this.problems = details.problems ?? [];
  }
}

/** Bad command-line usage. */
export class UsageError extends OrdersyncError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('bad_usage', message, EXIT.usage, details);
  }
}

/** A channel (marketplace) failed in a way the run cannot work around. */
export class ChannelError extends OrdersyncError {
  readonly channel: string;
  constructor(channel: string, code: string, message: string, details: ErrorDetails = {}) {
    super(code, `channel ${channel}: ${message}`, EXIT.failed, details);
    this.channel = channel;
  }
}

/** A target (ERP, WMS, carrier, webhook) failed in a way the run cannot work around. */
export class TargetError extends OrdersyncError {
  readonly target: string;
  constructor(target: string, code: string, message: string, details: ErrorDetails = {}) {
    super(code, `target ${target}: ${message}`, EXIT.failed, details);
    this.target = target;
  }
}

/** The ledger file cannot be used (not SQLite, newer schema, corrupt). */
export class LedgerError extends OrdersyncError {
  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(code, message, EXIT.failed, details);
  }
}

/** Another ordersync run holds the ledger's write lock: cron will try again. */
export class LockedError extends OrdersyncError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ledger_locked', message, EXIT.locked, details);
  }
}

export function isOrdersyncError(error: unknown): error is OrdersyncError {
  return error instanceof OrdersyncError;
}
