// Seed documents for the ERPNext mock: Items named by item code, and a few Customers.
import { intBetween, pick, seededRandom } from '../../src/mock/index.js';

/** The demo catalog (same SKUs as the WooCommerce mock's products). */
export const MOCK_ITEMS = [
  { item_code: 'TEE-BLK-M', item_name: 'Logo Tee - Black M', standard_rate: 19.95 },
  { item_code: 'TEE-WHT-L', item_name: 'Logo Tee - White L', standard_rate: 19.95 },
  { item_code: 'MUG-12OZ', item_name: 'Mug 12oz', standard_rate: 18.0 },
  { item_code: 'CAP-NAVY', item_name: 'Cap Navy', standard_rate: 24.5 },
  { item_code: 'BAG-TOTE', item_name: 'Tote Bag', standard_rate: 12.5 },
  { item_code: 'TEE-BLK-L', item_name: 'Logo Tee - Black L', standard_rate: 19.95 },
  { item_code: 'SOCK-3PK', item_name: 'Socks 3-pack', standard_rate: 14.01 },
  { item_code: 'POSTER-A2', item_name: 'Poster A2', standard_rate: 9.99 },
  { item_code: 'GIFT-WRAP', item_name: 'Gift wrapping', standard_rate: 3.0 },
] as const;

/** A customer every seed holds, so tests can see "found by email". */
export const MOCK_KNOWN_CUSTOMER = { name: 'Ada Lovelace', customer_name: 'Ada Lovelace', email_id: 'ada@example.com' } as const;

const FIRST = ['Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia'];
const LAST = ['Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman'];

export type Doc = Record<string, unknown> & { name: string; docstatus: 0 | 1 | 2 };

export function seedErpnext(seed: number): { items: Doc[]; customers: Doc[] } {
  const random = seededRandom(seed);
  const items = MOCK_ITEMS.map((item) => ({ ...item, name: item.item_code, docstatus: 0 as const }));
  const customers: Doc[] = [{ ...MOCK_KNOWN_CUSTOMER, customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories', docstatus: 0 }];
  const count = intBetween(random, 3, 6);
  for (let i = 0; i < count; i++) {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    if (customers.some((c) => c.name === name)) continue;
    customers.push({ name, customer_name: name, email_id: `${name.replace(' ', '.').toLowerCase()}@example.com`, customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories', docstatus: 0 });
  }
  return { items, customers };
}
