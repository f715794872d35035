// Raw Admin API orders as a real Vendure 3.7 server returned them (captured from the server that
// test/real/vendure.test.ts starts: a EUR order with the 10 %-off coupon, and a cancelled one).

export function placedOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const address = {
    fullName: 'Ada Lovelace', company: 'Engines Ltd', streetLine1: 'Hauptstr. 1', streetLine2: 'Hinterhaus', city: 'Berlin',
    province: 'BE', postalCode: '10115', country: 'Germany', countryCode: 'DE', phoneNumber: '+49 30 1234',
  };
  return {
    id: '1', code: 'PEDQNV6PLPZ39M1D', state: 'PaymentSettled', active: false,
    createdAt: '2026-11-25T13:25:51.000Z', updatedAt: '2026-11-25T13:25:52.000Z', orderPlacedAt: '2026-11-25T13:25:51.960Z',
    currencyCode: 'EUR', subTotal: 9243, subTotalWithTax: 10999, shipping: 500, shippingWithTax: 595, total: 9743, totalWithTax: 11594,
    couponCodes: ['SAVE10'],
    customer: { id: '1', firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.com', phoneNumber: '+49 30 1234' },
    shippingAddress: address,
    billingAddress: { ...address, fullName: 'Ada Lovelace (billing)' },
    lines: [
      { id: '1', quantity: 2, unitPrice: 1850, unitPriceWithTax: 2202, linePrice: 3700, linePriceWithTax: 4403, proratedLinePrice: 3330, proratedLinePriceWithTax: 3963, taxRate: 19,
        productVariant: { id: '1', sku: 'OS-TEE-M', name: 'Ordersync Tee M' } },
      { id: '2', quantity: 3, unitPrice: 2190, unitPriceWithTax: 2606, linePrice: 6570, linePriceWithTax: 7818, proratedLinePrice: 5913, proratedLinePriceWithTax: 7036, taxRate: 19,
        productVariant: { id: '3', sku: 'OS-CAP', name: 'Ordersync Cap' } },
    ],
    surcharges: [],
    shippingLines: [{ id: '1', price: 500, priceWithTax: 595, discountedPrice: 500, discountedPriceWithTax: 595, shippingMethod: { id: '1', code: 'flat-rate', name: 'Flat rate' } }],
    discounts: [{ adjustmentSource: 'PROMOTION:1', type: 'DISTRIBUTED_ORDER_PROMOTION', description: '10% off', amount: -1027, amountWithTax: -1222 }],
    payments: [{ id: '1', method: 'ordersync-dummy-payment', amount: 11594, state: 'Settled', transactionId: 'tx-PEDQNV6PLPZ39M1D', refunds: [] }],
    fulfillments: [],
    ...overrides,
  };
}

export function cancelledOrder(): Record<string, unknown> {
  return placedOrder({
    id: '2', code: 'N4XC3ELLPU45459Q', state: 'Cancelled', currencyCode: 'USD', couponCodes: [],
    subTotal: 0, subTotalWithTax: 0, shipping: 0, shippingWithTax: 0, total: 0, totalWithTax: 0,
    lines: [{ id: '3', quantity: 0, unitPrice: 1250, unitPriceWithTax: 1488, linePrice: 0, linePriceWithTax: 0, proratedLinePrice: 0, proratedLinePriceWithTax: 0, taxRate: 19,
      productVariant: { id: '2', sku: 'OS-MUG', name: 'Ordersync Mug' } }],
    shippingLines: [{ id: '2', price: 500, priceWithTax: 595, discountedPrice: 0, discountedPriceWithTax: 0, shippingMethod: { id: '1', code: 'flat-rate', name: 'Flat rate' } }],
    discounts: [{ adjustmentSource: 'CANCEL_ORDER', type: 'OTHER', description: 'shipping cancellation', amount: -500, amountWithTax: -595 }],
    payments: [{ id: '2', method: 'ordersync-dummy-payment', amount: 2083, state: 'Authorized', transactionId: 'tx-N4XC3ELLPU45459Q', refunds: [] }],
  });
}
