// getOrders order payloads for the mapping tests, shaped like spec components.schemas.Order.
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const usd = (value: string) => ({ value, currency: 'USD' });

/** Two lines, one discounted by a promotion, a delivery discount and sales tax: every pricingSummary part. */
export function ebayOrder(overrides: Raw = {}): Raw {
  return {
    orderId: '12-34567-89012',
    creationDate: '2025-03-14T15:02:11.000Z',
    lastModifiedDate: '2025-03-14T15:40:02.517Z',
    orderFulfillmentStatus: 'NOT_STARTED',
    orderPaymentStatus: 'PAID',
    sellerId: 'acme_store',
    buyer: {
      username: 'ada_l',
      buyerRegistrationAddress: {
        fullName: 'Ada Lovelace', email: 'a1b2c3@members.ebay.com', primaryPhone: { phoneNumber: '2175550100' },
        contactAddress: { addressLine1: '12 Main St', city: 'Springfield', stateOrProvince: 'IL', postalCode: '62701', countryCode: 'US' },
      },
    },
    pricingSummary: {
      priceSubtotal: usd('89.00'),
      priceDiscount: usd('-5.00'),
      deliveryCost: usd('8.00'),
      deliveryDiscount: usd('-3.00'),
      tax: usd('6.71'),
      total: usd('95.71'),
    },
    cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
    fulfillmentStartInstructions: [{
      fulfillmentInstructionsType: 'SHIP_TO', ebaySupportedFulfillment: false,
      shippingStep: {
        shippingCarrierCode: 'USPS', shippingServiceCode: 'USPSPriority',
        shipTo: {
          fullName: 'Charles Babbage', companyName: 'Analytical Engines Ltd', email: 'x9y8z7@members.ebay.com', primaryPhone: { phoneNumber: '2175550199' },
          contactAddress: { addressLine1: '1 Difference Way', addressLine2: 'Unit 4', city: 'Chicago', stateOrProvince: 'IL', postalCode: '60601', countryCode: 'us' },
        },
      },
    }],
    lineItems: [
      {
        lineItemId: '10012345678901', legacyItemId: '256000000001', sku: 'TEE-BLK-M', title: 'Logo Tee Black M', quantity: 2,
        lineItemCost: usd('50.00'), discountedLineItemCost: usd('45.00'), total: usd('53.71'),
        deliveryCost: { shippingCost: usd('4.00') }, appliedPromotions: [{ promotionId: '1', description: '10% off', discountAmount: usd('5.00') }],
        taxes: [{ amount: usd('3.71') }], lineItemFulfillmentStatus: 'NOT_STARTED', soldFormat: 'FIXED_PRICE', refunds: [],
      },
      {
        lineItemId: '10012345678902', legacyItemId: '256000000002', sku: 'MUG-12OZ', title: 'Mug 12oz', quantity: 3,
        lineItemCost: usd('39.00'), total: usd('42.00'),
        deliveryCost: { shippingCost: usd('4.00') }, appliedPromotions: [],
        taxes: [{ amount: usd('3.00') }], lineItemFulfillmentStatus: 'NOT_STARTED', soldFormat: 'FIXED_PRICE', refunds: [],
      },
    ],
    fulfillmentHrefs: [],
    salesRecordReference: '1042',
    ...overrides,
  };
}
