// Shopify channel over the GraphQL Admin API (REST is legacy for new apps since 2024-10-01):
// https://shopify.dev/docs/api/admin-graphql
import { defineChannel } from '../../src/connector-kit/index.js';
import { shopifyClient, verifyShop } from './client.js';
import { pushShopifyFulfillment } from './fulfillment.js';
import { ShopifyCursorSchema } from './held.js';
import { createShopifyMock } from './mock.js';
import { pullShopifyOrders } from './pull.js';
import { ShopifySettings } from './settings.js';
import { pushShopifyStock } from './stock.js';

export const shopifyChannel = defineChannel({
  id: 'shopify',
  displayName: 'Shopify',
  docsUrl: 'https://shopify.dev/docs/api/admin-graphql',
  settings: ShopifySettings,
  checkpoint: ShopifyCursorSchema,
  verify: (ctx) => verifyShop(shopifyClient(ctx)),
  pullOrders: pullShopifyOrders,
  pushStock: pushShopifyStock,
  pushFulfillment: pushShopifyFulfillment,
  mock: createShopifyMock,
});

export { MOCK_CREDENTIALS } from './mock.js';
