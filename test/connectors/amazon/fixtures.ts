// Raw Orders API v2026-01-01 orders, one per scenario, shaped like the spec's examples.
type Raw = Record<string, any>;

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

/** UNSHIPPED, merchant-fulfilled, two items, shipping, tax and a promotion. */
export function pricedOrder(): Raw {
  return {
    orderId: '113-2938475-6102634',
    createdTime: '2025-03-14T15:02:11Z',
    lastUpdatedTime: '2025-03-14T15:33:40Z',
    programs: ['PRIME'],
    salesChannel: { channelName: 'AMAZON', marketplaceId: 'ATVPDKIKX0DER', marketplaceName: 'Amazon.com' },
    buyer: { buyerName: 'Ada Lovelace', buyerEmail: 'xyz123abc@marketplace.amazon.com' },
    recipient: {
      deliveryAddress: {
        name: 'Ada Lovelace', addressLine1: '12 Main St', addressLine2: 'Apt 4', addressLine3: 'Rear entrance', city: 'Springfield',
        stateOrRegion: 'IL', postalCode: '62701-1234', countryCode: 'us', phone: '+1 217 555 0100', addressType: 'RESIDENTIAL',
      },
    },
    proceeds: {
      grandTotal: usd('80.92'),
      breakdowns: [
        { type: 'ITEM', subtotal: usd('76.97') },
        { type: 'SHIPPING', subtotal: usd('4.99') },
        { type: 'DISCOUNT', subtotal: usd('-5.00') },
        { type: 'TAX', subtotal: usd('3.96') },
      ],
    },
    fulfillment: { fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT', fulfillmentServiceLevel: 'STANDARD' },
    orderItems: [
      {
        orderItemId: '12345678901234', quantityOrdered: 2,
        product: { asin: 'B0TEE00001', title: 'Logo Tee Black M', sellerSku: 'TEE-BLK-M', price: { unitPrice: usd('24.99') } },
        proceeds: {
          proceedsTotal: usd('52.95'),
          breakdowns: [
            { type: 'ITEM', subtotal: usd('49.98') }, { type: 'SHIPPING', subtotal: usd('4.99') },
            { type: 'DISCOUNT', subtotal: usd('-5.00') }, { type: 'TAX', subtotal: usd('2.98') },
          ],
        },
        promotion: { breakdowns: [{ promotionId: 'PROMO-SPRING-10' }] },
      },
      {
        orderItemId: '12345678901235', quantityOrdered: 1,
        product: { asin: 'B0MUG00002', title: 'Mug 12oz', sellerSku: 'MUG-12OZ', price: { unitPrice: usd('26.99') } },
        proceeds: { proceedsTotal: usd('27.97'), breakdowns: [{ type: 'ITEM', subtotal: usd('26.99') }, { type: 'TAX', subtotal: usd('0.98') }] },
      },
    ],
  };
}

/** PENDING: placed, payment not authorized: no prices, no proceeds, no address yet. */
export function pendingOrder(): Raw {
  const order = pricedOrder();
  delete order.proceeds;
  delete order.recipient;
  order.fulfillment.fulfillmentStatus = 'PENDING';
  for (const item of order.orderItems) {
    delete item.product.price;
    delete item.proceeds;
    delete item.promotion;
  }
  return order;
}

export function withStatus(status: string): Raw {
  const order = pricedOrder();
  order.fulfillment.fulfillmentStatus = status;
  return order;
}
