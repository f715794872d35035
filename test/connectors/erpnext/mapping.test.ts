import { describe, expect, it } from 'vitest';
import { decodeServerMessages, erpnextOutcome, parseFrappeFailure } from '../../../connectors/erpnext/errors.js';
import { poNumber, sameItems, stanceOf, toFrappeAmount, toFrappeDate } from '../../../connectors/erpnext/mapping.js';
import { HttpError } from '../../../src/connector-kit/index.js';

describe('Sales Order docstatus/status → what a delivery may do', () => {
  it.each([
    [0, 'Draft', 'draft'],
    [1, 'On Hold', 'submitted'],
    [1, 'To Deliver and Bill', 'submitted'],
    [1, 'To Bill', 'submitted'],
    [1, 'To Deliver', 'submitted'],
    [1, 'To Pay', 'submitted'],
    [1, 'Completed', 'closed'],
    [1, 'Closed', 'closed'],
    [2, 'Cancelled', 'cancelled'],
  ] as const)('docstatus %d, status %s → %s', (docstatus, status, stance) => {
    expect(stanceOf({ docstatus, status })).toBe(stance);
  });
});

describe('values in ERPNext\'s units', () => {
  it.each([
    [{ amount: 1999, currency: 'EUR' }, 19.99],
    [{ amount: 30, currency: 'EUR' }, 0.3],
    [{ amount: 1000, currency: 'JPY' }, 1000],
    [{ amount: 1234, currency: 'KWD' }, 1.234],
  ])('%o → %d', (money, expected) => {
    expect(toFrappeAmount(money)).toBe(expected);
  });

  it('writes dates and keeps po_no within 140 characters', () => {
    expect(toFrappeDate('2025-03-14T23:59:59Z')).toBe('2025-03-14');
    expect(toFrappeDate('2025-02-27T10:00:00Z', 3)).toBe('2025-03-02');
    expect(poNumber({ channel: 'shop', externalId: 'x'.repeat(200) })).toHaveLength(140);
  });

  it('compares items regardless of order', () => {
    const desired = [{ item_code: 'A', qty: 2, rate: 19.95, delivery_date: 'd' }, { item_code: 'B', qty: 1, rate: 5, delivery_date: 'd' }];
    expect(sameItems(desired, [{ item_code: 'B', qty: 1, rate: 5 }, { item_code: 'A', qty: 2, rate: 19.95 }])).toBe(true);
    expect(sameItems(desired, [{ item_code: 'A', qty: 2, rate: 19.95 }])).toBe(false);
  });
});

describe('Frappe error bodies', () => {
  const body = (excType: string, message: string): string => JSON.stringify({
    exc_type: excType, exception: `frappe.exceptions.${excType}: ${message}`, exc: '["Traceback…"]',
    _server_messages: JSON.stringify([JSON.stringify({ message, title: 'Message', indicator: 'red', raise_exception: 1 })]),
  });
  const httpError = (status: number, text: string, retryAfterMs?: number) => new HttpError('status', `HTTP ${status}`, status, retryAfterMs, text);

  it('decodes _server_messages (a JSON list of JSON strings) and drops HTML', () => {
    const raw = JSON.stringify([JSON.stringify({ message: 'Row #1: <b>Item Code</b> is mandatory<br>fix it' }), JSON.stringify('plain')]);
    expect(decodeServerMessages(raw)).toEqual(['Row #1: Item Code is mandatory fix it', 'plain']);
    expect(decodeServerMessages('not json')).toEqual([]);
  });

  it('falls back to the exception line when the body was cut inside the traceback', () => {
    const long = JSON.stringify({ exc_type: 'MandatoryError', exception: 'frappe.exceptions.MandatoryError: Error: Value missing for Sales Order: Customer', exc: JSON.stringify(['T'.repeat(5000)]), _server_messages: '[]' }).slice(0, 4000);
    expect(parseFrappeFailure(417, long)).toEqual({ status: 417, excType: 'MandatoryError', messages: ['Error: Value missing for Sales Order: Customer'] });
  });

  it.each([
    [401, 'AuthenticationError', 'unauthorized'],
    [403, 'PermissionError', 'unauthorized'],
    [404, 'DoesNotExistError', 'rejected'],
    [409, 'DuplicateEntryError', 'rejected'],
    [417, 'ValidationError', 'rejected'],
    [417, 'MandatoryError', 'rejected'],
    [417, 'LinkValidationError', 'rejected'],
    [417, 'TimestampMismatchError', 'retry'],
    [417, 'QueryDeadlockError', 'retry'],
    [417, 'RateLimitExceededError', 'retry'],
    [500, 'Exception', 'retry'],
  ])('%d %s → %s', (status, excType, outcome) => {
    expect(erpnextOutcome(httpError(status, body(excType, 'said'))).status).toBe(outcome);
  });

  it('a 409 reason names the exception and Frappe\'s message', () => {
    expect(erpnextOutcome(httpError(409, body('DuplicateEntryError', 'Sales Order SAL-ORD-2025-00001 already exists')))).toEqual({
      status: 'rejected', reason: 'ERPNext DuplicateEntryError: Sales Order SAL-ORD-2025-00001 already exists',
    });
  });

  it('a plain-text 429 keeps the wait from Retry-After', () => {
    expect(erpnextOutcome(httpError(429, 'Too Many Requests', 30_000))).toMatchObject({ status: 'retry', retryAfterMs: 30_000 });
  });
});
