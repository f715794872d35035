// The error answers the eBay mock gives, each as eBay documents or was seen to send it.
import { json, type MockResponse } from '../../src/mock/index.js';

interface EbayErrorDetail {
  errorId: number;
  domain: string;
  category: 'REQUEST' | 'APPLICATION' | 'BUSINESS';
  message: string;
  longMessage?: string;
  parameters?: { name: string; value: string }[];
}

/** The REST error body (spec components.schemas.Error, in `errors`). */
export function errorBody(detail: EbayErrorDetail): { errors: EbayErrorDetail[] } {
  return { errors: [{ ...detail, longMessage: detail.longMessage ?? detail.message }] };
}

export const ebayError = (status: number, detail: EbayErrorDetail): MockResponse => json(status, errorBody(detail));

// getOrders 400s: spec paths./order.get.responses.400.x-response-codes (domain API_FULFILLMENT, category REQUEST).
export function fulfillmentError(errorId: number, message: string, parameters: Record<string, string> = {}): MockResponse {
  return ebayError(400, {
    errorId, domain: 'API_FULFILLMENT', category: 'REQUEST', message,
    parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })),
  });
}

// 500 30500 "System error" (spec getOrders responses.500).
export const systemError = () => errorBody({ errorId: 30500, domain: 'API_FULFILLMENT', category: 'APPLICATION', message: 'System error' });

// Common errors, https://developer.ebay.com/develop/api/sell/error_codes: 400 1002/1003, 401 1001;
// the 1001 and 2001 bodies as captured from live answers (see README).
export const missingToken = () => ebayError(400, {
  errorId: 1002, domain: 'OAuth', category: 'REQUEST', message: 'Missing access token',
  longMessage: 'Access token is missing in the Authorization HTTP request header.',
});
export const badTokenType = (scheme: string) => ebayError(400, {
  errorId: 1003, domain: 'OAuth', category: 'REQUEST', message: `Token type in the Authorization header is invalid: ${scheme}`,
});
export const invalidTokenBody = () => errorBody({
  errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token',
  longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
});
// 403 1100 "Access denied" / "Insufficient permissions to fulfill the request." (common errors page;
// wording as commonly captured, UNCONFIRMED): a token without the scope the call requires.
export const insufficientScope = () => ebayError(403, {
  errorId: 1100, domain: 'ACCESS', category: 'REQUEST', message: 'Access denied',
  longMessage: 'Insufficient permissions to fulfill the request.',
});
export const throttledBody = () => errorBody({
  errorId: 2001, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests.',
  longMessage: 'The request limit has been reached for the resource.',
});
// UNCONFIRMED: the common-errors page lists 404s but the excerpt read did not show their ids.
export const notFoundBody = (message: string) => errorBody({ errorId: 2002, domain: 'ACCESS', category: 'REQUEST', message: 'Resource not found', longMessage: message });

/** OAuth token endpoint errors are RFC 6749 §5.2 bodies: `{error, error_description}`. */
export const oauthError = (status: number, error: string, description: string): MockResponse =>
  json(status, { error, error_description: description });
