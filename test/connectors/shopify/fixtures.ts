// One raw GraphQL Admin order as ordersync's query selects it, for mapping tests.
// Amounts are written the way Shopify serializes Decimals ("25.0").

const money = (amount: string, currencyCode = 'USD') => ({ shopMoney: { amount, currencyCode } });

export function rawOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'gid://shopify/Order/5512345678901',
    name: '#1042',
    email: 'ada@example.com',
    phone: null,
    createdAt: '2026-03-01T10:22:31Z',
    processedAt: '2026-03-01T10:22:30Z',
    updatedAt: '2026-03-01T11:05:12Z',
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    currencyCode: 'USD',
    tags: ['vip', 'gift'],
    totalPriceSet: money('94.51'),
    totalShippingPriceSet: money('8.0'),
    totalTaxSet: money('6.41'),
    totalDiscountsSet: money('8.9'),
    shippingAddress: {
      name: 'Ada Lovelace', company: null, address1: '12 Main St', address2: 'Apt 4', city: 'Springfield',
      province: 'Illinois', provinceCode: 'IL', zip: '62701', countryCodeV2: 'US', phone: '+12175550100',
    },
    billingAddress: {
      name: 'Ada Lovelace', company: 'Analytical Engines Ltd', address1: '12 Main St', address2: null, city: 'Springfield',
      province: 'Illinois', provinceCode: 'IL', zip: '62701', countryCodeV2: 'us', phone: '+12175550101',
    },
    lineItems: {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [
        {
          id: 'gid://shopify/LineItem/13200000001', sku: 'TEE-BLK-M', name: 'Logo Tee - Black / M', quantity: 2,
          originalUnitPriceSet: money('25.0'), totalDiscountSet: money('5.0'),
          taxLines: [{ priceSet: money('2.4') }, { priceSet: money('1.2') }],
        },
        {
          id: 'gid://shopify/LineItem/13200000002', sku: '', name: 'Mug 12oz', quantity: 1,
          originalUnitPriceSet: money('39.0'), totalDiscountSet: money('3.9'),
          taxLines: [{ priceSet: money('2.81') }],
        },
      ],
    },
    ...overrides,
  };
}

export { money as rawMoney };
