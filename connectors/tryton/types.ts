// Zod schemas of the Tryton 6.0 JSON-RPC shapes ordersync reads. Sources (Debian trytond 6.0.29):
// trytond/protocols/jsonrpc.py (envelope, typed values), trytond/exceptions.py (error args),
// trytond/modules/sale/sale.py (sale.sale / sale.line fields and states).
import { z } from 'zod';

/** `{"__class__": "Decimal", "decimal": "19.99"}`: Numeric fields travel as decimal text. */
export const TrytonDecimal = z.object({ __class__: z.literal('Decimal'), decimal: z.string() });
export type TrytonDecimal = z.infer<typeof TrytonDecimal>;

export const TrytonDate = z.object({ __class__: z.literal('date'), year: z.number(), month: z.number(), day: z.number() });
export type TrytonDate = z.infer<typeof TrytonDate>;

/** The envelope every `{id, method, params}` request gets back (HTTP 200 even for errors). */
export const TrytonEnvelope = z.union([
  z.object({ id: z.unknown(), result: z.unknown() }),
  z.object({ id: z.unknown(), error: z.unknown() }),
]);

// `error` is the exception's args: ["UserError", [message, description, domain]],
// ["UserWarning", [name, message, description]], ["LoginException", [name, message, type]],
// ["ConcurrencyException", message]; any other exception is [str(exc), traceback].
export const TrytonUserErrorArgs = z.tuple([z.literal('UserError'), z.tuple([z.string(), z.string().nullish()]).rest(z.unknown())]);
export const TrytonUserWarningArgs = z.tuple([z.literal('UserWarning'), z.tuple([z.string(), z.string(), z.string().nullish()])]);
export const TrytonLoginArgs = z.tuple([z.literal('LoginException'), z.tuple([z.string(), z.string()]).rest(z.unknown())]);
export const TrytonConcurrencyArgs = z.tuple([z.literal('ConcurrencyException'), z.string()]);
export const TrytonOtherErrorArgs = z.tuple([z.string(), z.unknown()]);

/** `common.db.login` → `[user_id, session]` (6.0; later versions append more items). */
export const TrytonLoginResult = z.tuple([z.number().int(), z.string()]).rest(z.unknown());

// sale.sale `state` selection (sale.py): the workflow ordersync drives and reads back.
export const TRYTON_SALE_STATES = ['draft', 'quotation', 'confirmed', 'processing', 'done', 'cancelled'] as const;
export type TrytonSaleState = (typeof TRYTON_SALE_STATES)[number];

export const TrytonSale = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  reference: z.string().nullable(),
  state: z.enum(TRYTON_SALE_STATES),
  currency: z.number().int(),
  party: z.number().int(),
});
export type TrytonSale = z.infer<typeof TrytonSale>;
export const TRYTON_SALE_FIELDS = ['number', 'reference', 'state', 'currency', 'party'];

export const TrytonSaleLine = z.object({
  id: z.number().int(),
  type: z.string(),
  sequence: z.number().int().nullable(),
  product: z.number().int().nullable(),
  quantity: z.number().nullable(),
  unit: z.number().int().nullable(),
  unit_price: TrytonDecimal.nullable(),
  description: z.string().nullable(),
});
export type TrytonSaleLine = z.infer<typeof TrytonSaleLine>;
export const TRYTON_SALE_LINE_FIELDS = ['type', 'sequence', 'product', 'quantity', 'unit', 'unit_price', 'description'];

// Booleans read back from SQLite databases as 0/1 (seen on trytond 6.0 with sqlite://).
const trytonBoolean = z.union([z.boolean(), z.number()]).transform((value) => Boolean(value));

export const TrytonProduct = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  salable: trytonBoolean.nullable(),
  sale_uom: z.number().int().nullable(),
  default_uom: z.number().int(),
});
export type TrytonProduct = z.infer<typeof TrytonProduct>;
export const TRYTON_PRODUCT_FIELDS = ['code', 'salable', 'sale_uom', 'default_uom'];

export const TrytonAddress = z.object({
  id: z.number().int(),
  street: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string().nullable(),
});
export type TrytonAddress = z.infer<typeof TrytonAddress>;
export const TRYTON_ADDRESS_FIELDS = ['street', 'postal_code', 'city'];

export const TrytonIds = z.array(z.number().int());
export const TrytonPartyRef = z.object({ id: z.number().int(), party: z.number().int() });
