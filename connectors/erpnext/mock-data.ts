// Seed documents for the ERPNext mock: Items named by item code, and a few Customers.
import { intBetween, pick, seededRandom } from '../../src/mock/index.js';

/** The demo catalog (same SKUs as the WooCommerce mock's products). */
export const MOCK_ITEMS = [
  { item_code: 'TEE-BLK-M', item_name: 'Logo Tee - Black M', standard_rate: 19.95, valuation_rate: 7.5 },
  { item_code: 'TEE-WHT-L', item_name: 'Logo Tee - White L', standard_rate: 19.95, valuation_rate: 7.5 },
  { item_code: 'MUG-12OZ', item_name: 'Mug 12oz', standard_rate: 18.0, valuation_rate: 6.2 },
  { item_code: 'CAP-NAVY', item_name: 'Cap Navy', standard_rate: 24.5, valuation_rate: 9 },
  { item_code: 'BAG-TOTE', item_name: 'Tote Bag', standard_rate: 12.5, valuation_rate: 4 },
  { item_code: 'TEE-BLK-L', item_name: 'Logo Tee - Black L', standard_rate: 19.95, valuation_rate: 7.5 },
  { item_code: 'SOCK-3PK', item_name: 'Socks 3-pack', standard_rate: 14.01, valuation_rate: 5 },
  // Never valued: no valuation rate on the Item, and its Bin's rate is 0.
  { item_code: 'POSTER-A2', item_name: 'Poster A2', standard_rate: 9.99, valuation_rate: 0 },
  { item_code: 'GIFT-WRAP', item_name: 'Gift wrapping', standard_rate: 3.0, valuation_rate: 0 },
] as const;

/** Not stock items ("Maintain Stock" off, is_stock_item 0): ERPNext keeps no Bin for them. */
export const MOCK_NON_STOCK = new Set<string>(['GIFT-WRAP']);

/** The site's one company (abbreviation OS), its warehouses and the accounts a Stock Reconciliation books to. */
export const MOCK_COMPANY = { name: 'Ordersync Store', abbr: 'OS', stock_adjustment_account: 'Stock Adjustment - OS', cost_center: 'Main - OS' } as const;
const WAREHOUSES = [
  { name: 'All Warehouses - OS', is_group: 1 },
  { name: 'Stores - OS', is_group: 0 },
  { name: 'Finished Goods - OS', is_group: 0 },
  { name: 'Work In Progress - OS', is_group: 0 },
] as const;
const ACCOUNTS = [
  { name: 'Stock Adjustment - OS', report_type: 'Profit and Loss' },
  { name: 'Temporary Opening - OS', report_type: 'Balance Sheet' },
] as const;

/** A customer every seed holds, so tests can see "found by email". */
export const MOCK_KNOWN_CUSTOMER = { name: 'Ada Lovelace', customer_name: 'Ada Lovelace', email_id: 'ada@example.com' } as const;

const FIRST = ['Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia'];
const LAST = ['Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman'];

export type Doc = Record<string, unknown> & { name: string; docstatus: 0 | 1 | 2 };

export function seedErpnext(seed: number): { items: Doc[]; customers: Doc[]; warehouses: Doc[]; companies: Doc[]; accounts: Doc[] } {
  const random = seededRandom(seed);
  const items = MOCK_ITEMS.map((item) => ({
    ...item, name: item.item_code, docstatus: 0 as const, is_stock_item: MOCK_NON_STOCK.has(item.item_code) ? 0 : 1,
    disabled: 0, has_variants: 0, has_serial_no: 0, has_batch_no: 0, end_of_life: null,
  }));
  const warehouses = WAREHOUSES.map((w) => ({ ...w, company: MOCK_COMPANY.name, disabled: 0, docstatus: 0 as const }));
  const companies = [{ ...MOCK_COMPANY, docstatus: 0 as const }];
  const accounts = ACCOUNTS.map((a) => ({ ...a, company: MOCK_COMPANY.name, docstatus: 0 as const }));
  const customers: Doc[] = [{ ...MOCK_KNOWN_CUSTOMER, customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories', docstatus: 0 }];
  const count = intBetween(random, 3, 6);
  for (let i = 0; i < count; i++) {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    if (customers.some((c) => c.name === name)) continue;
    customers.push({ name, customer_name: name, email_id: `${name.replace(' ', '.').toLowerCase()}@example.com`, customer_type: 'Individual', customer_group: 'Individual', territory: 'All Territories', docstatus: 0 });
  }
  return { items, customers, warehouses, companies, accounts };
}
