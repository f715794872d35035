// eBay Sell Fulfillment API v1 channel: https://developer.ebay.com/api-docs/sell/fulfillment/overview.html
import { defineChannel, UpdatedCursorSchema } from '../../src/connector-kit/index.js';
import { verifyCredentials } from './client.js';
import { pushEbayFulfillment } from './fulfillment.js';
import { createEbayMock } from './mock.js';
import { pullEbayOrders } from './pull.js';
import { EbaySettings } from './settings.js';
import { pushEbayStock } from './stock.js';

export const ebayChannel = defineChannel({
  id: 'ebay',
  displayName: 'eBay',
  docsUrl: 'https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrders',
  settings: EbaySettings,
  checkpoint: UpdatedCursorSchema,
  verify: verifyCredentials,
  pullOrders: pullEbayOrders,
  pushStock: pushEbayStock,
  pushFulfillment: pushEbayFulfillment,
  mock: createEbayMock,
});
