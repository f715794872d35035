// Each error shape trytond 6.0 answers (protocols/jsonrpc.py, exceptions.py) → delivery outcome.
import { describe, expect, it } from 'vitest';
import { TrytonError, errorFromEnvelope, outcomeOf } from '../../../connectors/tryton/errors.js';
import { HttpError } from '../../../src/connector-kit/index.js';

const M = 'model.sale.sale.create';

describe('errorFromEnvelope + outcomeOf', () => {
  it('UserError → rejected with the message and description', () => {
    const error = errorFromEnvelope(['UserError', ['A value is required for field "Party" in "Sale".', 'Pick one', null]], M);
    expect(error.kind).toBe('user');
    expect(outcomeOf(error)).toEqual({ status: 'rejected', reason: `Tryton refused ${M}: A value is required for field "Party" in "Sale". (Pick one)` });
  });

  it('UserError with a domain payload keeps only the words', () => {
    const error = errorFromEnvelope(['UserError', ['The value for field "Unit" in "Sale Line" is not valid according to its domain.', '', [[['category', '=', 1]], { category: {} }]]], M);
    expect(outcomeOf(error)).toEqual({ status: 'rejected', reason: `Tryton refused ${M}: The value for field "Unit" in "Sale Line" is not valid according to its domain.` });
  });

  it('UserWarning → rejected as "needs manual action"', () => {
    const outcome = outcomeOf(errorFromEnvelope(['UserWarning', ['sale_quote_1', 'Sale 1 has no lines.', '']], M));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^needs manual action: .*"sale_quote_1"/) });
  });

  it('LoginException → unauthorized', () => {
    expect(outcomeOf(errorFromEnvelope(['LoginException', ['password', 'Password for admin', 'password']], 'common.db.login')))
      .toMatchObject({ status: 'unauthorized', reason: expect.stringContaining('Password for admin') });
  });

  it('ConcurrencyException → retry', () => {
    expect(outcomeOf(errorFromEnvelope(['ConcurrencyException', 'Records were modified in the meanwhile'], M)).status).toBe('retry');
  });

  it('an unknown database (SQLite form) → unauthorized, so the target stops instead of dead-lettering everything', () => {
    expect(outcomeOf(errorFromEnvelope(["Database '/var/lib/tryton/nope.sqlite' doesn't exist!", ''], 'common.db.login')).status).toBe('unauthorized');
  });

  it('other exceptions → rejected, unless they are a lock or timeout', () => {
    expect(outcomeOf(errorFromEnvelope(["'nosuch'", ''], M))).toEqual({ status: 'rejected', reason: `Tryton failed in ${M}: 'nosuch'` });
    expect(outcomeOf(errorFromEnvelope(['Missing context argument', ''], M)).status).toBe('rejected');
    expect(outcomeOf(errorFromEnvelope(['database is locked', ''], M)).status).toBe('retry');
  });

  it('an unknown error shape is a protocol error', () => {
    expect(errorFromEnvelope({ weird: true }, M).kind).toBe('protocol');
  });
});

describe('HTTP-level answers', () => {
  const http = (status: number, retryAfterMs?: number) => new HttpError('status', `HTTP ${status}`, status, retryAfterMs, '');
  it.each([
    [401, 'unauthorized'], [403, 'rejected'], [404, 'rejected'], [400, 'rejected'], [429, 'retry'], [500, 'retry'], [503, 'retry'],
  ])('HTTP %i → %s', (status, expected) => {
    expect(outcomeOf(http(status)).status).toBe(expected);
  });

  it('keeps the wait of a throttled login', () => {
    expect(outcomeOf(http(429, 300_000))).toMatchObject({ status: 'retry', retryAfterMs: 300_000 });
  });

  it('network and timeout failures → retry', () => {
    expect(outcomeOf(new HttpError('timeout', 'no answer', 0, undefined, '')).status).toBe('retry');
    expect(outcomeOf(new HttpError('network', 'ECONNREFUSED', 0, undefined, '')).status).toBe('retry');
  });

  it('a plain error is rejected with its message', () => {
    expect(outcomeOf(new TrytonError('protocol', 'odd answer'))).toEqual({ status: 'rejected', reason: 'odd answer' });
  });
});
