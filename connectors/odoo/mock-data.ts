// Seed records for the Odoo mock: a product catalog, countries and a few customers.
import { intBetween, pick, seededRandom } from '../../src/mock/index.js';
import type { Row } from './mock-domain.js';

/** The demo catalog (same SKUs as the WooCommerce mock's products), keyed by Internal Reference. */
export const MOCK_PRODUCTS = [
  { id: 101, default_code: 'TEE-BLK-M', name: 'Logo Tee - Black M', list_price: 19.95 },
  { id: 102, default_code: 'TEE-WHT-L', name: 'Logo Tee - White L', list_price: 19.95 },
  { id: 103, default_code: 'MUG-12OZ', name: 'Mug 12oz', list_price: 18.0 },
  { id: 104, default_code: 'CAP-NAVY', name: 'Cap Navy', list_price: 24.5 },
  { id: 105, default_code: 'BAG-TOTE', name: 'Tote Bag', list_price: 12.5 },
  { id: 106, default_code: 'TEE-BLK-L', name: 'Logo Tee - Black L', list_price: 19.95 },
  { id: 107, default_code: 'SOCK-3PK', name: 'Socks 3-pack', list_price: 14.01 },
  { id: 108, default_code: 'POSTER-A2', name: 'Poster A2', list_price: 9.99 },
  { id: 109, default_code: 'GIFT-WRAP', name: 'Gift wrapping', list_price: 3.0 },
  { id: 190, default_code: 'SHIP', name: 'Shipping', list_price: 0 },
  { id: 191, default_code: 'CHARGE', name: 'Other charges', list_price: 0 },
] as const;

/**
 * Products of type service: they hold no stock, so the stock source leaves them out. Everything
 * else is the catalogue every channel mock lists (config.example.yml pushes stock to all of them).
 */
export const MOCK_SERVICE_CODES: readonly string[] = ['SHIP', 'CHARGE', 'GIFT-WRAP'];

/** A customer every seed holds, so tests can see "found by email". */
export const MOCK_KNOWN_PARTNER = { id: 7, name: 'Ada Lovelace', email: 'ada@example.com' } as const;

const COUNTRIES = ['US', 'DE', 'FR', 'NL', 'CZ', 'GB', 'BE'];
const FIRST = ['Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia'];
const LAST = ['Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman'];

export interface OdooSeed {
  products: Row[];
  countries: Row[];
  partners: Row[];
}

export function seedOdoo(seed: number): OdooSeed {
  const random = seededRandom(seed);
  const countries = COUNTRIES.map((code, i) => ({ id: 20 + i, code, name: code }));
  const partners: Row[] = [{ ...MOCK_KNOWN_PARTNER, ref: false, country_id: 21, phone: false }];
  const count = intBetween(random, 3, 6);
  for (let id = 8; id < 8 + count; id++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    partners.push({ id, name: `${first} ${last}`, email: `${first}.${last}.${id}@example.com`.toLowerCase(), ref: false, country_id: pick(random, countries).id, phone: false });
  }
  return { products: MOCK_PRODUCTS.map((p) => ({ ...p })), countries, partners };
}
