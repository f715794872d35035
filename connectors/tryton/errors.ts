// Tryton's error answers in words, and the delivery outcome each one implies.
import type { z } from 'zod';
import { HttpError, outcomeFromError, type DeliveryOutcome } from '../../src/connector-kit/index.js';
import {
  TrytonConcurrencyArgs, TrytonLoginArgs, TrytonOtherErrorArgs, TrytonUserErrorArgs, TrytonUserWarningArgs,
} from './types.js';

export type TrytonErrorKind =
  | 'user'        // UserError: validation, access rules, workflow checks — fix the data or Tryton
  | 'warning'     // UserWarning: Tryton wants a human to confirm something
  | 'login'       // LoginException / refused credentials
  | 'database'    // the configured database does not exist
  | 'concurrency' // ConcurrencyException: someone edited the record meanwhile
  | 'server'      // any other exception, reported as [str(exc), traceback]
  | 'protocol';   // an answer that is not a JSON-RPC envelope

export class TrytonError extends Error {
  constructor(readonly kind: TrytonErrorKind, message: string) {
    super(message);
    this.name = 'TrytonError';
  }
}

/** A result checked against its schema; an unexpected shape is a protocol error, not a crash. */
export function parseAnswer<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new TrytonError('protocol', `Tryton answered ${what} with an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Turns the `error` member of a Tryton envelope into a TrytonError with the server's own words. */
export function errorFromEnvelope(error: unknown, method: string): TrytonError {
  const user = TrytonUserErrorArgs.safeParse(error);
  if (user.success) {
    const [message, description] = user.data[1];
    return new TrytonError('user', `Tryton refused ${method}: ${message}${description ? ` (${description})` : ''}`);
  }
  const warning = TrytonUserWarningArgs.safeParse(error);
  if (warning.success) {
    const [name, message] = warning.data[1];
    return new TrytonError('warning', `needs manual action: Tryton asks a user to confirm warning "${name}" in ${method}: ${message}`);
  }
  const login = TrytonLoginArgs.safeParse(error);
  if (login.success) return new TrytonError('login', `Tryton asks for login parameter "${login.data[1][0]}": ${login.data[1][1]}`);
  const concurrency = TrytonConcurrencyArgs.safeParse(error);
  if (concurrency.success) return new TrytonError('concurrency', `Tryton reports a concurrent change in ${method}: ${concurrency.data[1]}`);
  const other = TrytonOtherErrorArgs.safeParse(error);
  if (other.success) {
    const message = other.data[0];
    // SQLite databases answer an unknown database name this way; PostgreSQL ones with HTTP 404.
    if (/^Database '.*' doesn't exist!$/.test(message)) return new TrytonError('database', `Tryton: ${message}`);
    return new TrytonError('server', `Tryton failed in ${method}: ${message.slice(0, 500)}`);
  }
  return new TrytonError('protocol', `Tryton answered ${method} with an unknown error shape: ${JSON.stringify(error).slice(0, 200)}`);
}

// Errors that go away by themselves: a locked SQLite file, a serialization failure, a timeout.
const TRANSIENT_SERVER = /database is locked|could not serialize|deadlock|timeout|connection/i;

/** The delivery outcome an error implies; expected failures never escape as throws. */
export function outcomeOf(error: unknown): DeliveryOutcome {
  if (error instanceof TrytonError) {
    switch (error.kind) {
      case 'login':
      case 'database':
        return { status: 'unauthorized', reason: error.message };
      case 'concurrency':
        return { status: 'retry', reason: error.message };
      case 'server':
        return TRANSIENT_SERVER.test(error.message) ? { status: 'retry', reason: error.message } : { status: 'rejected', reason: error.message };
      default:
        return { status: 'rejected', reason: error.message };
    }
  }
  // 403 from Tryton means "this method is not exposed over RPC" (or a refused CORS origin), not
  // bad credentials: dead-letter it rather than stopping the target.
  if (error instanceof HttpError && error.status === 403) return { status: 'rejected', reason: error.message };
  return outcomeFromError(error);
}
