// The registry of built-in connectors: the one place src/cli reaches concrete connectors.
// `mockPort` is each mock's offset from `ordersync mock --port-base` (fixed, so configs can rely on it).
import type { ChannelDefinition, TargetDefinition } from '../src/connector-kit/index.js';
import { easypostTarget } from './easypost/index.js';
import { amazonChannel } from './amazon/index.js';
import { ebayChannel } from './ebay/index.js';
import { erpnextTarget } from './erpnext/index.js';
import { medusaChannel } from './medusa/index.js';
import { odooTarget } from './odoo/index.js';
import { shipbobTarget } from './shipbob/index.js';
import { shipengineTarget } from './shipengine/index.js';
import { trytonTarget } from './tryton/index.js';
import { shopifyChannel } from './shopify/index.js';
import { vendureChannel } from './vendure/index.js';
import { webhookTarget } from './webhook/index.js';
import { woocommerceChannel } from './woocommerce/index.js';

// Each connector checks its own settings and checkpoint; the registry holds them all.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface RegisteredChannel { definition: ChannelDefinition<any, any>; mockPort: number }
export interface RegisteredTarget { definition: TargetDefinition<any>; mockPort: number }
/* eslint-enable @typescript-eslint/no-explicit-any */

export const CHANNELS: readonly RegisteredChannel[] = [
  { definition: woocommerceChannel, mockPort: 0 },
  { definition: shopifyChannel, mockPort: 2 },
  { definition: amazonChannel, mockPort: 3 },
  { definition: ebayChannel, mockPort: 4 },
  { definition: vendureChannel, mockPort: 5 },
  { definition: medusaChannel, mockPort: 6 },
];

export const TARGETS: readonly RegisteredTarget[] = [
  { definition: webhookTarget, mockPort: 1 },
  { definition: odooTarget, mockPort: 10 },
  { definition: erpnextTarget, mockPort: 11 },
  { definition: trytonTarget, mockPort: 12 },
  { definition: shipbobTarget, mockPort: 13 },
  { definition: shipengineTarget, mockPort: 14 },
  { definition: easypostTarget, mockPort: 15 },
];
