// Seeded master data for the Tryton mock: a company, currencies, units, countries, a product
// catalogue whose codes match the other mocks' SKUs, and a few known customers.
import { intBetween, pick, seededRandom } from '../../src/mock/index.js';
import type { MockStore } from './mock-store.js';

export const MOCK_CREDENTIALS = { database: 'ordersync', username: 'admin', password: 'tryton-demo-password' } as const;

// The SKUs of the WooCommerce mock's catalogue plus a few more, so `ordersync demo` lands.
export const MOCK_CATALOGUE = [
  { code: 'TEE-BLK-M', name: 'Logo Tee - Black M' },
  { code: 'TEE-WHT-L', name: 'Logo Tee - White L' },
  { code: 'MUG-12OZ', name: 'Mug 12oz' },
  { code: 'CAP-NAVY', name: 'Cap Navy' },
  { code: 'BAG-TOTE', name: 'Tote Bag' },
  { code: 'TEE-BLK-L', name: 'Logo Tee - Black L' },
  { code: 'SOCK-3PK', name: 'Socks 3-pack' },
  { code: 'POSTER-A2', name: 'Poster A2' },
  { code: 'GIFT-WRAP', name: 'Gift wrapping' },
] as const;

/** A product that exists but is not salable (sale.line's product domain refuses it). */
export const MOCK_NOT_SALABLE_SKU = 'SAMPLE-NFS';

export const MOCK_CURRENCIES = [
  { code: 'EUR', name: 'Euro', symbol: '€', digits: 2, rounding: '0.01' },
  { code: 'USD', name: 'US Dollar', symbol: '$', digits: 2, rounding: '0.01' },
  { code: 'GBP', name: 'Pound Sterling', symbol: '£', digits: 2, rounding: '0.01' },
  { code: 'JPY', name: 'Yen', symbol: '¥', digits: 0, rounding: '1' },
  { code: 'KWD', name: 'Kuwaiti Dinar', symbol: 'KD', digits: 3, rounding: '0.001' },
] as const;

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];

export function seedStore(store: MockStore, seed: number): void {
  const random = seededRandom(seed);
  const ctx = {};
  const currencies = MOCK_CURRENCIES.map((c) => store.create('currency.currency', {
    name: c.name, code: c.code, symbol: c.symbol, digits: c.digits, rounding: { __class__: 'Decimal', decimal: c.rounding },
  }, ctx));
  for (const [code, name] of [['DE', 'Germany'], ['FR', 'France'], ['GB', 'United Kingdom'], ['NL', 'Netherlands'], ['US', 'United States']]) {
    store.create('country.country', { code, name }, ctx);
  }
  const unit = store.create('product.uom', { name: 'Unit', symbol: 'u', category: 1 }, ctx);
  store.create('product.uom', { name: 'Kilogram', symbol: 'kg', category: 2 }, ctx);
  const companyParty = store.create('party.party', { name: 'ordersync Demo Shop' }, ctx);
  store.create('company.company', { party: companyParty, currency: currencies[0] }, ctx);
  for (const product of MOCK_CATALOGUE) {
    store.create('product.product', { ...product, type: 'goods', salable: true, sale_uom: unit, default_uom: unit }, ctx);
  }
  store.create('product.product', { code: MOCK_NOT_SALABLE_SKU, name: 'Free sample', type: 'goods', salable: false, sale_uom: unit, default_uom: unit }, ctx);
  const extra = intBetween(random, 3, 6);
  for (let i = 1; i <= extra; i++) {
    store.create('product.product', { code: `SKU-${String(i).padStart(4, '0')}`, name: `Catalogue item ${i}`, type: 'goods', salable: true, sale_uom: unit, default_uom: unit }, ctx);
  }
  for (let i = 0; i < 3; i++) {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    store.create('party.party', {
      name,
      contact_mechanisms: [['create', [{ type: 'email', value: `${name.toLowerCase().replace(' ', '.')}${i}@example.com` }]]],
      addresses: [['create', [{ street: `${intBetween(random, 1, 99)} Example Street`, postal_code: String(intBetween(random, 10000, 99999)), city: 'Berlin' }]]],
    }, ctx);
  }
}
