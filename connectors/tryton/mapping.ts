// Pure functions from the normalized order to Tryton 6.0 sale.sale / sale.line values, and the
// line-by-line difference between what Tryton holds and what the order now says.
import { formatMoney, type Address, type Order, type OrderEvent } from '../../src/connector-kit/index.js';
import { sameDecimal, trytonDecimal } from './decimal.js';
import type { TrytonSettings } from './settings.js';
import type { TrytonDate, TrytonProduct, TrytonSaleLine } from './types.js';

/** Our reference on the sale (sale.sale.reference, a Char without size limit): channel:externalId. */
export function saleReference(order: Pick<Order, 'channel' | 'externalId'>): string {
  return `${order.channel}:${order.externalId}`;
}

/** The event carries the order's latest state: a cancelled order is cancelled whatever the event. */
export function wantsCancellation(event: OrderEvent): boolean {
  return event.type === 'order.cancelled' || event.order.fulfillmentStatus === 'cancelled';
}

/** The UTC calendar day of an ISO instant, as Tryton's date object. */
export function trytonDate(iso: string): TrytonDate {
  const date = new Date(iso);
  return { __class__: 'date', year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** One sale line as ordersync wants it; `product: null` is a product-less line (shipping, …). */
export interface PlannedLine {
  product: number | null;
  unit: number | null;
  quantity: number;
  /** Decimal text in the order's currency, from formatMoney (exact). */
  unitPrice: string;
  description: string;
}

export interface LinePlan {
  lines: PlannedLine[];
  /** What stops the sale from being written, each naming what to fix. */
  problems: string[];
}

type LineSettings = Pick<TrytonSettings, 'unknownSku' | 'shippingLine' | 'discountLine' | 'taxLine' | 'lineLabels'>;

export function planLines(order: Order, products: ReadonlyMap<string, TrytonProduct>, settings: LineSettings): LinePlan {
  const lines: PlannedLine[] = [];
  const problems: string[] = [];
  for (const line of order.lines) {
    const sku = line.sku?.trim() || null;
    const product = sku ? products.get(sku) : undefined;
    const unitPrice = formatMoney(line.unitPrice);
    if (product) {
      if (!product.salable) problems.push(`product "${sku}" (id ${product.id}) is not salable in Tryton`);
      lines.push({ product: product.id, unit: product.sale_uom ?? product.default_uom, quantity: line.quantity, unitPrice, description: line.title });
    } else if (settings.unknownSku === 'freeText') {
      lines.push({ product: null, unit: null, quantity: line.quantity, unitPrice, description: sku ? `[${sku}] ${line.title}` : line.title });
    } else {
      problems.push(sku ? `no Tryton product has code "${sku}" (line "${line.title}")` : `line "${line.title}" has no SKU`);
    }
  }
  const extra = (amount: number, description: string): void => {
    if (amount !== 0) lines.push({ product: null, unit: null, quantity: 1, unitPrice: formatMoney({ amount, currency: order.currency }), description });
  };
  if (settings.shippingLine) extra(order.shippingTotal.amount, settings.lineLabels.shipping);
  if (settings.discountLine) extra(-order.discountTotal.amount, settings.lineLabels.discount);
  if (settings.taxLine) extra(order.taxTotal.amount, settings.lineLabels.tax);
  return { lines, problems };
}

/** sale.line values for create/write; `sequence` keeps Tryton's order equal to ours. */
export function lineValues(line: PlannedLine, sequence: number): Record<string, unknown> {
  return {
    type: 'line',
    sequence,
    product: line.product,
    unit: line.unit,
    quantity: line.quantity,
    unit_price: trytonDecimal(line.unitPrice),
    description: line.description,
  };
}

function sameLine(existing: TrytonSaleLine, planned: PlannedLine): boolean {
  return existing.product === planned.product
    && existing.unit === planned.unit
    && existing.quantity === planned.quantity
    && existing.unit_price !== null && sameDecimal(existing.unit_price.decimal, planned.unitPrice)
    && (existing.description ?? '') === planned.description;
}

/** Lines are the same item when they sell the same product (or, without one, carry the same text). */
function sameItem(existing: TrytonSaleLine, planned: PlannedLine): boolean {
  return planned.product !== null ? existing.product === planned.product : existing.product === null && (existing.description ?? '') === planned.description;
}

/**
 * One2Many commands that turn the sale's lines into the planned ones: each planned line takes the
 * first unused existing line for the same item (`write` if its content differs; a mere change of
 * position is left alone), else is created; existing lines left over are deleted. [] when nothing
 * changed. Lines of other types (title, comment, subtotal) a user added in Tryton are left alone.
 */
export function lineCommands(existing: readonly TrytonSaleLine[], planned: readonly PlannedLine[]): unknown[] {
  const unused = existing.filter((line) => line.type === 'line')
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || a.id - b.id);
  const commands: unknown[] = [];
  const created: Record<string, unknown>[] = [];
  planned.forEach((line, index) => {
    const at = unused.findIndex((old) => sameItem(old, line));
    if (at < 0) {
      created.push(lineValues(line, index + 1));
      return;
    }
    const [old] = unused.splice(at, 1);
    if (!sameLine(old!, line)) commands.push(['write', [old!.id], lineValues(line, index + 1)]);
  });
  if (created.length > 0) commands.push(['create', created]);
  if (unused.length > 0) commands.push(['delete', unused.map((line) => line.id)]);
  return commands;
}

export interface SaleParties {
  party: number;
  invoiceAddress: number;
  shipmentAddress: number;
}

/** sale.sale values for create: header plus all lines in one call (one transaction in Tryton). */
export function saleValues(order: Order, parties: SaleParties, currency: number, company: number | null, lines: readonly PlannedLine[]): Record<string, unknown> {
  return {
    ...(company === null ? {} : { company }),
    party: parties.party,
    invoice_address: parties.invoiceAddress,
    shipment_address: parties.shipmentAddress,
    currency,
    reference: saleReference(order),
    description: `${order.channelKind} order ${order.number}`.slice(0, 200),
    sale_date: trytonDate(order.placedAt),
    lines: lines.length > 0 ? [['create', lines.map((line, index) => lineValues(line, index + 1))]] : [],
  };
}

/** The party's name: the customer, else an address name, else the e-mail, else our reference. */
export function partyName(order: Order): string {
  const candidates = [order.customer.name, order.billingAddress?.name, order.shippingAddress?.name, order.customer.email];
  return candidates.map((value) => value?.trim()).find((value) => value) ?? `Customer of ${saleReference(order)}`;
}

/** party.address values (6.0 field names: street is multi-line text, postal_code, city). */
export function addressValues(address: Address, country: number | null): Record<string, unknown> {
  const street = [address.company, address.line1, address.line2].map((part) => part?.trim()).filter(Boolean).join('\n');
  return {
    party_name: address.name?.trim() || null,
    street: street || null,
    postal_code: address.postalCode?.trim() || null,
    city: address.city?.trim() || null,
    country,
  };
}

/** What makes two addresses the same place for matching an existing party's address. */
export function addressKey(street: string | null, postalCode: string | null, city: string | null): string {
  return [street, postalCode, city].map((part) => (part ?? '').trim().toLowerCase().replace(/\s+/g, ' ')).join('|');
}
