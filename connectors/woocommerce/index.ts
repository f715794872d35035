// WooCommerce REST API v3 channel: https://woocommerce.github.io/woocommerce-rest-api-docs/
import { defineChannel, UpdatedCursorSchema } from '../../src/connector-kit/index.js';
import { verifyCredentials, wooClient } from './client.js';
import { pushWooFulfillment } from './fulfillment.js';
import { createWooMock } from './mock.js';
import { pullWooOrders } from './pull.js';
import { WooSettings } from './settings.js';
import { pushWooStock } from './stock.js';

export const woocommerceChannel = defineChannel({
  id: 'woocommerce',
  displayName: 'WooCommerce',
  docsUrl: 'https://woocommerce.github.io/woocommerce-rest-api-docs/',
  settings: WooSettings,
  checkpoint: UpdatedCursorSchema,
  verify: (ctx) => verifyCredentials(wooClient(ctx)),
  pullOrders: pullWooOrders,
  pushStock: pushWooStock,
  pushFulfillment: pushWooFulfillment,
  mock: createWooMock,
});
