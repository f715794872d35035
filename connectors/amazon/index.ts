// Amazon Selling Partner API channel (Orders API v2026-01-01): https://developer-docs.amazon.com/sp-api/
import { defineChannel, UpdatedCursorSchema } from '../../src/connector-kit/index.js';
import { verifyCredentials } from './client.js';
import { pushAmazonFulfillment } from './fulfillment.js';
import { createAmazonMock } from './mock.js';
import { pullAmazonOrders } from './pull.js';
import { AmazonSettings } from './settings.js';
import { pushAmazonStock } from './stock.js';

export const amazonChannel = defineChannel({
  id: 'amazon',
  displayName: 'Amazon Seller Central',
  docsUrl: 'https://developer-docs.amazon.com/sp-api/docs/orders-api-migration-guide',
  settings: AmazonSettings,
  checkpoint: UpdatedCursorSchema,
  verify: verifyCredentials,
  pullOrders: pullAmazonOrders,
  pushStock: pushAmazonStock,
  pushFulfillment: pushAmazonFulfillment,
  mock: createAmazonMock,
});

export { MOCK_CREDENTIALS, MOCK_SELLER_ID } from './mock.js';
