// The slice of Tryton 6.0's data model the mock serves: the fields ordersync reads and writes, the
// sale workflow (modules/sale/sale.py) and amounts rounded like Currency.round (half-even).
import { MockUserError, type MockRecord, type MockStore, type ModelDef } from './mock-store.js';

const f = {
  char: (label: string, required = false) => ({ type: 'char' as const, label, required }),
  m2o: (label: string, relation: string, required = false) => ({ type: 'many2one' as const, label, relation, required }),
  o2m: (label: string, relation: string, inverse: string) => ({ type: 'one2many' as const, label, relation, inverse }),
};

// sale.sale transitions (Sale.__setup__ `_transitions`); buttons not listed there are no-ops.
export const SALE_TRANSITIONS = new Set([
  'draft>quotation', 'quotation>confirmed', 'confirmed>processing', 'confirmed>draft', 'processing>processing',
  'processing>done', 'done>processing', 'draft>cancelled', 'quotation>cancelled', 'quotation>draft', 'cancelled>draft',
]);

export function defineModels(store: () => MockStore): ModelDef[] {
  const currencyDigits = (sale: MockRecord): number => Number(store().get('currency.currency', sale.currency as number)?.digits ?? 2);
  const lineAmount = (line: MockRecord): string => {
    if (line.type !== 'line' || line.unit_price == null || line.quantity == null) return '0';
    const sale = store().get('sale.sale', line.sale as number);
    return multiplyRounded(Number(line.quantity), String(line.unit_price), sale ? currencyDigits(sale) : 2);
  };
  const untaxed = (sale: MockRecord): string => {
    const lines = store().all('sale.line').filter((line) => line.sale === sale.id);
    return addDecimals(lines.map(lineAmount), currencyDigits(sale));
  };
  const wire = (decimal: string) => ({ __class__: 'Decimal', decimal });

  return [
    { name: 'currency.currency', label: 'Currency', fields: { name: f.char('Name', true), code: f.char('Code', true), symbol: f.char('Symbol'), digits: { type: 'integer', label: 'Digits' }, rounding: { type: 'numeric', label: 'Rounding' } } },
    { name: 'country.country', label: 'Country', fields: { name: f.char('Name', true), code: f.char('Code') } },
    { name: 'company.company', label: 'Company', fields: { party: f.m2o('Party', 'party.party', true), currency: f.m2o('Currency', 'currency.currency', true) } },
    { name: 'product.uom', label: 'Unit of Measure', fields: { name: f.char('Name', true), symbol: f.char('Symbol'), category: { type: 'integer', label: 'Category' } } },
    {
      name: 'product.product', label: 'Variant',
      fields: { name: f.char('Name'), code: f.char('Code'), type: f.char('Type'), salable: { type: 'boolean', label: 'Salable' }, sale_uom: f.m2o('Sale UOM', 'product.uom'), default_uom: f.m2o('Default UOM', 'product.uom', true) },
    },
    {
      name: 'party.party', label: 'Party',
      fields: { name: f.char('Name'), code: f.char('Code'), addresses: f.o2m('Addresses', 'party.address', 'party'), contact_mechanisms: f.o2m('Contact Mechanisms', 'party.contact_mechanism', 'party') },
      defaults: () => ({ code: String(store().all('party.party').length + 1) }),
    },
    {
      name: 'party.address', label: 'Address',
      fields: { party: f.m2o('Party', 'party.party', true), party_name: f.char('Party Name'), name: f.char('Building Name'), street: f.char('Street'), postal_code: f.char('Postal Code'), city: f.char('City'), country: f.m2o('Country', 'country.country') },
    },
    {
      name: 'party.contact_mechanism', label: 'Contact Mechanism',
      fields: { party: f.m2o('Party', 'party.party', true), type: f.char('Type', true), value: f.char('Value') },
    },
    {
      name: 'sale.sale', label: 'Sale',
      fields: {
        company: f.m2o('Company', 'company.company', true), number: f.char('Number'), reference: f.char('Reference'), description: f.char('Description'),
        sale_date: { type: 'date', label: 'Sale Date' }, party: f.m2o('Party', 'party.party', true),
        invoice_address: f.m2o('Invoice Address', 'party.address'), shipment_address: f.m2o('Shipment Address', 'party.address'),
        currency: f.m2o('Currency', 'currency.currency', true), lines: f.o2m('Lines', 'sale.line', 'sale'),
        state: { type: 'selection', label: 'State', required: true }, invoice_state: f.char('Invoice State'), shipment_state: f.char('Shipment State'),
      },
      defaults: (context) => {
        const company = typeof context.company === 'number' ? store().get('company.company', context.company) : undefined;
        return { company: company?.id ?? null, currency: company?.currency ?? null, state: 'draft', invoice_state: 'none', shipment_state: 'none' };
      },
      computed: {
        untaxed_amount: (sale) => wire(untaxed(sale)),
        tax_amount: () => wire('0'), // the mock holds no taxes
        total_amount: (sale) => wire(untaxed(sale)),
      },
      validate: (sale) => {
        // The addresses' domain: ('party', '=', Eval('party')).
        for (const [field, label] of [['invoice_address', 'Invoice Address'], ['shipment_address', 'Shipment Address']] as const) {
          const address = sale[field] == null ? undefined : store().get('party.address', sale[field] as number);
          if (address && address.party !== sale.party) throw new MockUserError(`The value for field "${label}" in "Sale" is not valid according to its domain.`);
        }
      },
    },
    {
      name: 'sale.line', label: 'Sale Line',
      fields: {
        sale: f.m2o('Sale', 'sale.sale', true), type: f.char('Type', true), sequence: { type: 'integer', label: 'Sequence' },
        product: f.m2o('Product', 'product.product'), quantity: { type: 'float', label: 'Quantity' }, unit: f.m2o('Unit', 'product.uom'),
        unit_price: { type: 'numeric', label: 'Unit Price' }, description: f.char('Description'),
      },
      defaults: () => ({ type: 'line' }),
      computed: { amount: (line) => wire(lineAmount(line)) },
      order: (a, b) => Number(a.sequence ?? 0) - Number(b.sequence ?? 0) || a.id - b.id,
      validate: (line) => {
        if (line.type === 'line' && (line.quantity == null || line.unit_price == null)) {
          throw new MockUserError(`A value is required for field "${line.quantity == null ? 'Quantity' : 'Unit Price'}" in "Sale Line".`);
        }
        const product = line.product == null ? undefined : store().get('product.product', line.product as number);
        if (product && !product.salable) throw new MockUserError('The value for field "Product" in "Sale Line" is not valid according to its domain.');
        if (product && line.unit == null) throw new MockUserError('A value is required for field "Unit" in "Sale Line".');
      },
    },
  ];
}

/** quantity × unit price, rounded half-even to `digits` decimals, as decimal text. */
export function multiplyRounded(quantity: number, unitPrice: string, digits: number): string {
  const [qInt, qScale] = scaled(String(quantity));
  const [pInt, pScale] = scaled(unitPrice);
  return roundScaled(qInt * pInt, qScale + pScale, digits);
}

export function addDecimals(values: string[], digits: number): string {
  let total = 0n;
  for (const value of values) {
    const [int, scale] = scaled(value);
    total += scale > digits ? BigInt(roundScaled(int, scale, digits).replace('.', '')) : int * 10n ** BigInt(digits - scale);
  }
  return roundScaled(total, digits, digits);
}

function scaled(text: string): [bigint, number] {
  const [whole = '0', fraction = ''] = text.replace(/^\+/, '').split('.');
  return [BigInt(whole + fraction), fraction.length];
}

function roundScaled(value: bigint, scale: number, digits: number): string {
  let result = value;
  if (scale > digits) {
    const divisor = 10n ** BigInt(scale - digits);
    const quotient = value / divisor;
    const remainder = value % divisor;
    const twice = 2n * (remainder < 0n ? -remainder : remainder);
    const step = value < 0n ? -1n : 1n;
    result = twice > divisor || (twice === divisor && quotient % 2n !== 0n) ? quotient + step : quotient;
  } else result = value * 10n ** BigInt(digits - scale);
  const negative = result < 0n;
  const digitsText = (negative ? -result : result).toString().padStart(digits + 1, '0');
  const text = digits > 0 ? `${digitsText.slice(0, -digits)}.${digitsText.slice(-digits)}` : digitsText;
  return negative ? `-${text}` : text;
}
