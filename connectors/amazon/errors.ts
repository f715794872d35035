// Reading an SP-API error answer: `{ errors: [{ code, message, details }] }` (the SP-API error
// model), and telling a Login with Amazon refusal (RFC 6749 §5.2) from an SP-API error.
import type { HttpError } from '../../src/connector-kit/index.js';

/** The first SP-API error as "code: message: details", if the body holds one. */
export function amazonErrorDetail(error: HttpError): string | undefined {
  try {
    const first = (JSON.parse(error.body) as { errors?: { code?: string; message?: string; details?: string }[] }).errors?.[0];
    return first ? [first.code, first.message, first.details].filter(Boolean).join(': ') : undefined;
  } catch {
    return undefined;
  }
}

/** An RFC 6749 §5.2 answer of the token endpoint (invalid_grant, invalid_client …), not an SP-API error. */
export function isOAuthRefusal(error: HttpError): boolean {
  try {
    return typeof (JSON.parse(error.body) as { error?: unknown }).error === 'string' && error.status >= 400 && error.status < 500 && error.status !== 429;
  } catch {
    return false;
  }
}
