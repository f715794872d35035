// Odoo's exceptions, as both protocols report them, turned into delivery outcomes.
import { outcomeFromError, type DeliveryOutcome } from '../../src/connector-kit/index.js';

/** An exception Odoo reported (`name` is its Python class, e.g. odoo.exceptions.UserError). */
export class OdooError extends Error {
  constructor(
    readonly exception: string,
    message: string,
    /** The JSON-2 HTTP status, or for JSON-RPC the status JSON-2 would have used (odoo/exceptions.py http_status). */
    readonly status: number,
  ) {
    super(message);
    this.name = 'OdooError';
  }
}

// odoo/exceptions.py (19.0): UserError 422, AccessDenied/AccessError 403, MissingError 404, LockError 409;
// ValidationError inherits UserError's 422. JSON-RPC answers HTTP 200 for all of them.
const STATUS_OF_EXCEPTION: Record<string, number> = {
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'odoo.exceptions.RedirectWarning': 422,
  'odoo.exceptions.AccessDenied': 401,
  'odoo.exceptions.AccessError': 403,
  'odoo.exceptions.MissingError': 404,
  'odoo.exceptions.LockError': 409,
  'odoo.exceptions.ConcurrencyError': 409,
  'psycopg2.errors.SerializationFailure': 409,
  'psycopg2.extensions.TransactionRollbackError': 409,
};

export function statusOfException(name: string): number {
  return STATUS_OF_EXCEPTION[name] ?? 500;
}

const short = (name: string): string => name.split('.').pop() ?? name;

export function odooOutcome(error: unknown): DeliveryOutcome {
  if (!(error instanceof OdooError)) return outcomeFromError(error);
  const said = `Odoo ${short(error.exception)}: ${error.message}`;
  if (error.status === 401 || error.exception === 'odoo.exceptions.AccessDenied') {
    return { status: 'unauthorized', reason: `${said} — check apiKey (keys expire after at most 3 months)${error.exception.startsWith('werkzeug') ? '' : ', database and login'}` };
  }
  if (error.status === 403) return { status: 'unauthorized', reason: `${said} — give the API user Sales rights (sale.order, res.partner, product.product)` };
  if (error.status === 409) return { status: 'retry', reason: `${said} (record locked by another transaction)` };
  if (error.status === 404) return { status: 'rejected', reason: `${said} — is the Sales app installed and the record still there?` };
  if (error.status >= 500) return { status: 'retry', reason: said };
  return { status: 'rejected', reason: said };
}
