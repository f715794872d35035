// ShipBob WMS target: each paid, merchant-fulfilled order becomes a ShipBob order, once.
// https://developer.shipbob.com/
import { defineTarget } from '../../src/connector-kit/index.js';
import { shipbobClient } from './client.js';
import { deliverToShipBob } from './deliver.js';
import { createShipBobMock } from './mock.js';
import { ShipBobSettings } from './settings.js';
import { pullShipBobShipments } from './shipments.js';
import { pullShipBobStock } from './stock.js';

export const shipbobTarget = defineTarget({
  id: 'shipbob',
  displayName: 'ShipBob',
  docsUrl: 'https://developer.shipbob.com/',
  settings: ShipBobSettings,
  // 150 requests/minute, sliding window, per user per application (developer.shipbob.com/rate-limit).
  // A delivery is 1 request (2 on a replay or a cancel), so 150 deliveries/min stays inside it
  // and a 429 pauses the queue for x-retry-after.
  rateLimit: { concurrency: 4, intervalCap: 150, interval: 60_000 },
  verify: (ctx) => shipbobClient(ctx).verify(),
  deliver: deliverToShipBob,
  pullStock: pullShipBobStock,
  pullShipments: pullShipBobShipments,
  mock: createShipBobMock,
});
