// Finding the records a sale points at: currency, products by code (= SKU), the party by e-mail
// or name (created when absent) and its addresses. Search params: [domain, offset, limit, order].
import { z } from 'zod';
import type { Address, Order } from '../../src/connector-kit/index.js';
import type { TrytonClient } from './client.js';
import { TrytonError, parseAnswer as parse } from './errors.js';
import { addressKey, addressValues, partyName, type SaleParties } from './mapping.js';
import {
  TRYTON_ADDRESS_FIELDS, TRYTON_PRODUCT_FIELDS, TrytonAddress, TrytonIds, TrytonPartyRef, TrytonProduct,
} from './types.js';

const BY_ID = [['id', 'ASC']];

/** currency.currency by ISO code; a missing one is a setup task for the merchant. */
export async function findCurrency(client: TrytonClient, code: string): Promise<number> {
  const ids = parse(TrytonIds, await client.model('currency.currency', 'search', [[['code', '=', code]], 0, 1, BY_ID]), 'currency search');
  if (ids[0] === undefined) throw new TrytonError('user', `needs manual action: currency ${code} does not exist in Tryton; create it (Currency › Currencies) and retry`);
  return ids[0];
}

/** product.product by code, for all SKUs of the order in one call. */
export async function findProducts(client: TrytonClient, skus: readonly string[]): Promise<Map<string, TrytonProduct>> {
  const unique = [...new Set(skus)];
  if (unique.length === 0) return new Map();
  const rows = parse(z.array(TrytonProduct), await client.model('product.product', 'search_read',
    [[['code', 'in', unique]], 0, null, BY_ID, TRYTON_PRODUCT_FIELDS]), 'product search');
  const bySku = new Map<string, TrytonProduct>();
  for (const row of rows) if (row.code !== null && !bySku.has(row.code)) bySku.set(row.code, row);
  return bySku;
}

async function findCountry(client: TrytonClient, code: string | null): Promise<number | null> {
  if (!code) return null;
  const ids = parse(TrytonIds, await client.model('country.country', 'search', [[['code', '=', code]], 0, 1, BY_ID]), 'country search');
  return ids[0] ?? null; // countries are optional data in Tryton (trytond_import_countries)
}

async function findParty(client: TrytonClient, order: Order): Promise<number | null> {
  const email = order.customer.email?.trim();
  if (email) {
    const rows = parse(z.array(TrytonPartyRef), await client.model('party.contact_mechanism', 'search_read',
      [[['type', '=', 'email'], ['value', '=', email]], 0, 1, BY_ID, ['party']]), 'contact search');
    return rows[0]?.party ?? null;
  }
  const name = order.customer.name?.trim();
  if (!name) return null;
  const ids = parse(TrytonIds, await client.model('party.party', 'search', [[['name', '=', name]], 0, 1, BY_ID]), 'party search');
  return ids[0] ?? null;
}

async function createParty(client: TrytonClient, order: Order): Promise<number> {
  const mechanisms = [
    ...(order.customer.email ? [{ type: 'email', value: order.customer.email.trim() }] : []),
    ...(order.customer.phone ? [{ type: 'phone', value: order.customer.phone.trim() }] : []),
  ];
  // No addresses here: they are added below like for an existing party, so both paths match.
  const values = { name: partyName(order), addresses: [], contact_mechanisms: mechanisms.length > 0 ? [['create', mechanisms]] : [] };
  try {
    const ids = parse(TrytonIds.length(1), await client.model('party.party', 'create', [[values]]), 'party create');
    return ids[0]!;
  } catch (error) {
    // We set no code: Tryton numbers parties from a sequence, and two deliveries creating parties
    // at once can draw the same number (seen on trytond 6.0 with SQLite). Try again later.
    if (error instanceof TrytonError && error.kind === 'user' && /must be unique/i.test(error.message)) {
      throw new TrytonError('concurrency', error.message);
    }
    throw error;
  }
}

/** The party's address at the same place, or a new one on that party. */
async function ensureAddress(client: TrytonClient, party: number, known: TrytonAddress[], address: Address | null): Promise<number> {
  if (!address) {
    if (known[0]) return known[0].id;
    const ids = parse(TrytonIds, await client.model('party.address', 'create', [[{ party }]]), 'address create');
    known.push({ id: ids[0]!, street: null, postal_code: null, city: null });
    return ids[0]!;
  }
  const draft = addressValues(address, null);
  const key = addressKey(draft.street as string | null, draft.postal_code as string | null, draft.city as string | null);
  const same = known.find((row) => addressKey(row.street, row.postal_code, row.city) === key);
  if (same) return same.id;
  const values: Record<string, unknown> = { ...draft, country: await findCountry(client, address.countryCode) };
  const ids = parse(TrytonIds.length(1), await client.model('party.address', 'create', [[{ ...values, party }]]), 'address create');
  known.push({ id: ids[0]!, street: values.street as string | null, postal_code: values.postal_code as string | null, city: values.city as string | null });
  return ids[0]!;
}

/** The party (found by e-mail, else by exact name, else created) and its invoice/shipment addresses. */
export async function resolveParties(client: TrytonClient, order: Order): Promise<SaleParties> {
  const party = (await findParty(client, order)) ?? (await createParty(client, order));
  const known = parse(z.array(TrytonAddress), await client.model('party.address', 'search_read',
    [[['party', '=', party]], 0, null, BY_ID, TRYTON_ADDRESS_FIELDS]), 'address search');
  const shipmentAddress = await ensureAddress(client, party, known, order.shippingAddress ?? order.billingAddress);
  const invoiceAddress = await ensureAddress(client, party, known, order.billingAddress ?? order.shippingAddress);
  return { party, invoiceAddress, shipmentAddress };
}
