// The two channels the pull benchmarks drive, wired to a mock's URL the way `ordersync pull`
// wires them from config (settings parsed by the connector's own schema, defaults included).
import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { MOCK_CREDENTIALS as WOO } from '../../connectors/woocommerce/mock.js';
import { shopifyChannel } from '../../connectors/shopify/index.js';
import { MOCK_CREDENTIALS as SHOPIFY } from '../../connectors/shopify/mock.js';
import { createContext } from '../../src/connector-kit/index.js';
import type { ChannelRuntime } from '../../src/pull/pull-channel.js';

export type ChannelKind = 'woocommerce' | 'shopify';

/** Every order goes to two targets, as in the ledger benchmark. */
export const TARGETS = ['erp', 'wms'] as const;

export function channelRuntime(kind: ChannelKind, url: string): ChannelRuntime {
  if (kind === 'woocommerce') {
    const settings = woocommerceChannel.settings.parse({ url, consumerKey: WOO.consumerKey, consumerSecret: WOO.consumerSecret });
    return { name: 'woo', definition: woocommerceChannel, ctx: createContext({ role: 'channel', name: 'woo', settings }) };
  }
  const settings = shopifyChannel.settings.parse({ shopUrl: url, accessToken: SHOPIFY.accessToken });
  return { name: 'shop', definition: shopifyChannel, ctx: createContext({ role: 'channel', name: 'shop', settings }) };
}
