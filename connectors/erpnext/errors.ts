// Frappe's error answers decoded into reasons a merchant can act on, and into delivery outcomes.
import { HttpError, outcomeFromError, type DeliveryOutcome } from '../../src/connector-kit/index.js';
import { FrappeErrorBody } from './types.js';

export interface FrappeFailure {
  status: number;
  /** The exception class, e.g. ValidationError, LinkValidationError, DuplicateEntryError. */
  excType: string | null;
  /** What Frappe told the user (`_server_messages`), else the exception line. */
  messages: string[];
}

/** `_server_messages` is a JSON string holding a list of JSON strings, each a message object. */
export function decodeServerMessages(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const outer: unknown = JSON.parse(raw);
    if (!Array.isArray(outer)) return [];
    return outer.flatMap((entry) => {
      const inner = typeof entry === 'string' ? safeJson(entry) ?? entry : entry;
      const message = typeof inner === 'string' ? inner : (inner as { message?: unknown } | null)?.message;
      return typeof message === 'string' && message.trim() ? [plainText(message)] : [];
    });
  } catch {
    return [];
  }
}

/** Reads an error body, even one the shared client cut short (the traceback `exc` can be long). */
export function parseFrappeFailure(status: number, text: string): FrappeFailure {
  const parsed = FrappeErrorBody.safeParse(safeJson(text));
  if (parsed.success) {
    const body = parsed.data;
    const messages = decodeServerMessages(body._server_messages);
    if (messages.length === 0 && body._error_message) messages.push(plainText(body._error_message));
    if (messages.length === 0 && body.exception) messages.push(exceptionText(body.exception));
    if (messages.length === 0 && typeof body.message === 'string') messages.push(plainText(body.message));
    return { status, excType: body.exc_type ?? null, messages };
  }
  const excType = /"exc_type"\s*:\s*"(\w+)"/.exec(text)?.[1] ?? null;
  const exception = /"exception"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  const messages = exception ? [exceptionText(JSON.parse(exception) as string)] : text.trim() && !text.trim().startsWith('{') ? [plainText(text.slice(0, 200))] : [];
  return { status, excType, messages };
}

export function failureOf(error: unknown): FrappeFailure | undefined {
  return error instanceof HttpError && error.failure === 'status' ? parseFrappeFailure(error.status, error.body) : undefined;
}

// Exceptions that say "try again later" though Frappe answers them with 417 (ValidationError's code).
const TRANSIENT = new Set(['TimestampMismatchError', 'QueryDeadlockError', 'QueryTimeoutError', 'RateLimitExceededError', 'LockTimeoutError', 'DocumentLockedError']);

export function erpnextOutcome(error: unknown): DeliveryOutcome {
  const failure = failureOf(error);
  if (!failure || failure.status === 429 || failure.status >= 500) return outcomeFromError(error);
  const said = `ERPNext ${failure.excType ?? `HTTP ${failure.status}`}${failure.messages.length ? `: ${failure.messages.join(' / ')}` : ''}`;
  if (failure.status === 401) return { status: 'unauthorized', reason: `${said} — check apiKey and apiSecret` };
  if (failure.status === 403) return { status: 'unauthorized', reason: `${said} — give the API user a role that may create and submit Sales Orders and Customers` };
  if (failure.excType && TRANSIENT.has(failure.excType)) return { status: 'retry', reason: said };
  if (failure.excType === 'LinkValidationError') return { status: 'rejected', reason: `${said} — create the missing record (an Item per SKU) in ERPNext, then retry` };
  return { status: 'rejected', reason: said };
}

function exceptionText(exception: string): string {
  return plainText(exception.replace(/^[\w.]+(Error|Exception)\s*:\s*/, ''));
}

/** Frappe messages carry HTML (<b>, <br>, links): keep the words. */
function plainText(html: string): string {
  return html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
