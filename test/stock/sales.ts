// One-line sales to add to the channel mocks through POST /__mock/orders (a unit sold on a channel).
import { createFaker, generateOrder } from '../../connectors/woocommerce/mock-data.js';
import { moneyBag } from '../../connectors/shopify/mock-data.js';

/** A paid WooCommerce order (processing) for one unit of `sku`, created and modified at `now`. */
export function wooSale(id: number, sku: string, now: number): Record<string, unknown> {
  const stamp = new Date(now).toISOString().slice(0, 19);
  return {
    ...generateOrder(createFaker(id), id, now),
    status: 'processing', currency: 'EUR', date_created: stamp, date_created_gmt: stamp, date_modified: stamp, date_modified_gmt: stamp,
    discount_total: '0.00', discount_tax: '0.00', shipping_total: '0.00', shipping_tax: '0.00', cart_tax: '0.00', total: '18.00', total_tax: '0.00',
    shipping_lines: [], coupon_lines: [], fee_lines: [], refunds: [],
    line_items: [{ id: id * 100, name: sku, product_id: 22, variation_id: 0, quantity: 1, tax_class: '', subtotal: '18.00', subtotal_tax: '0.00',
      total: '18.00', total_tax: '0.00', taxes: [], meta_data: [], sku, price: 18 }],
  };
}

/** A paid, unfulfilled Shopify order for one unit of `sku` (the mock stamps it now). */
export function shopifySale(n: number, sku: string): Record<string, unknown> {
  const usd = (minor: number) => moneyBag(minor, 'USD');
  return {
    id: `gid://shopify/Order/${5_500_000_000_000 + n}`, displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED', cancelledAt: null, cancelReason: null,
    currencyCode: 'USD', presentmentCurrencyCode: 'USD', subtotalPriceSet: usd(1299), totalPriceSet: usd(1299), totalShippingPriceSet: usd(0),
    totalTaxSet: usd(0), totalDiscountsSet: usd(0),
    lineItems: { nodes: [{
      id: `gid://shopify/LineItem/${13_300_000_000_000 + n}`, sku, title: sku, variantTitle: null, name: sku, quantity: 1, currentQuantity: 1, requiresShipping: true,
      originalUnitPriceSet: usd(1299), originalTotalSet: usd(1299), discountedTotalSet: usd(1299), totalDiscountSet: usd(0), discountAllocations: [], taxLines: [],
    }] },
  };
}
