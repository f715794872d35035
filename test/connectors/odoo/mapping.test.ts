import { describe, expect, it } from 'vitest';
import { parseJson2Error } from '../../../connectors/odoo/client.js';
import { OdooError, odooOutcome } from '../../../connectors/odoo/errors.js';
import { discountPercent, likeExactly, sameLines, stanceOfState, toOdooAmount, toOdooDatetime } from '../../../connectors/odoo/mapping.js';
import { HttpError } from '../../../src/connector-kit/index.js';

describe('sale.order state → what a delivery may do', () => {
  it.each([
    ['draft', 'quotation'], // Quotation
    ['sent', 'quotation'], // Quotation Sent
    ['sale', 'confirmed'], // Sales Order
    ['cancel', 'cancelled'], // Cancelled
    ['done', 'confirmed'], // Locked (Odoo ≤ 16)
    ['to_approve', 'confirmed'], // a custom state from a module: hands off
  ])('%s → %s', (state, stance) => {
    expect(stanceOfState(state)).toBe(stance);
  });
});

describe('money and dates in Odoo\'s units', () => {
  it.each([
    [{ amount: 1999, currency: 'EUR' }, 19.99],
    [{ amount: 30, currency: 'EUR' }, 0.3],
    [{ amount: 1000, currency: 'JPY' }, 1000],
    [{ amount: 1234, currency: 'KWD' }, 1.234],
    [{ amount: 123456789, currency: 'USD' }, 1234567.89],
  ])('%o → %d (through the decimal text)', (money, expected) => {
    expect(toOdooAmount(money)).toBe(expected);
    expect(String(toOdooAmount(money))).toBe(String(expected));
  });

  it('writes naive UTC datetimes', () => {
    expect(toOdooDatetime('2025-03-14T14:22:31.120Z')).toBe('2025-03-14 14:22:31');
  });

  it('turns a line discount into Odoo\'s percentage', () => {
    expect(discountPercent(2450, 245)).toBe(10);
    expect(discountPercent(3000, 1000)).toBe(33.33);
    expect(discountPercent(0, 0)).toBe(0);
  });

  it('escapes LIKE wildcards so an email matches only itself', () => {
    expect(likeExactly('a_b%c@example.com')).toBe('a\\_b\\%c@example.com');
  });

  it('compares lines regardless of order and ignores section/note lines', () => {
    const desired = [{ productId: 1, name: 'a', quantity: 2, priceUnit: 19.95, discount: 0 }, { productId: 2, name: 'b', quantity: 1, priceUnit: 5, discount: 10 }];
    const existing = [
      { id: 9, product_id: [2, 'b'] as [number, string], product_uom_qty: 1, price_unit: 5, discount: 10 },
      { id: 8, product_id: false as const, product_uom_qty: 0, price_unit: 0, discount: 0, display_type: 'line_note' },
      { id: 7, product_id: [1, 'a'] as [number, string], product_uom_qty: 2, price_unit: 19.95, discount: 0, display_type: false as const },
    ];
    expect(sameLines(desired, existing)).toBe(true);
    expect(sameLines(desired, existing.slice(0, 2))).toBe(false);
  });
});

describe('Odoo errors → outcomes', () => {
  it.each([
    ['werkzeug.exceptions.Unauthorized', 401, 'unauthorized'],
    ['odoo.exceptions.AccessDenied', 403, 'unauthorized'],
    ['odoo.exceptions.AccessError', 403, 'unauthorized'],
    ['odoo.exceptions.UserError', 422, 'rejected'],
    ['odoo.exceptions.ValidationError', 422, 'rejected'],
    ['werkzeug.exceptions.UnprocessableEntity', 422, 'rejected'],
    ['odoo.exceptions.MissingError', 404, 'rejected'],
    ['odoo.exceptions.LockError', 409, 'retry'],
    ['builtins.KeyError', 500, 'retry'],
  ])('%s (%d) → %s', (name, status, outcome) => {
    expect(odooOutcome(new OdooError(name, 'said', status)).status).toBe(outcome);
  });

  it('leaves transport failures to the shared mapping', () => {
    expect(odooOutcome(new HttpError('timeout', 'no answer', 0, undefined, '')).status).toBe('retry');
  });

  it('reads name and message from a body cut short in its traceback', () => {
    const body = JSON.stringify({ name: 'odoo.exceptions.ValidationError', message: 'Field "x"\nis "bad"', arguments: [], context: {}, debug: 'T'.repeat(5000) }).slice(0, 4000);
    expect(parseJson2Error(body)).toEqual({ name: 'odoo.exceptions.ValidationError', message: 'Field "x"\nis "bad"' });
    expect(parseJson2Error('<html>502</html>')).toBeUndefined();
  });
});
