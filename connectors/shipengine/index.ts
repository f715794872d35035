// ShipEngine (now "ShipStation API") carrier target: one label per order, bought once.
// https://docs.shipstation.com/apis/shipengine/docs
import { defineTarget } from '../../src/connector-kit/index.js';
import { shipengineClient } from './client.js';
import { deliverToShipEngine } from './deliver.js';
import { createShipEngineMock } from './mock.js';
import { ShipEngineSettings } from './settings.js';

export const shipengineTarget = defineTarget({
  id: 'shipengine',
  displayName: 'ShipEngine (ShipStation API)',
  docsUrl: 'https://docs.shipstation.com/apis/shipengine/docs',
  settings: ShipEngineSettings,
  // 200 requests/minute by default, 20 in the sandbox (docs.shipstation.com/apis/shipengine/docs/guides/rate-limits).
  // A delivery is a lookup plus a purchase: 100 deliveries a minute keeps inside 200 requests.
  rateLimit: { concurrency: 4, intervalCap: 100, interval: 60_000 },
  verify: (ctx) => shipengineClient(ctx).verify(),
  deliver: deliverToShipEngine,
  mock: createShipEngineMock,
});
