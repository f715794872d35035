// EasyPost carrier target: one bought shipment (label) per order, refunded on cancellation.
// https://docs.easypost.com/
import { defineTarget } from '../../src/connector-kit/index.js';
import { easypostClient } from './client.js';
import { deliverToEasyPost } from './deliver.js';
import { createEasyPostMock } from './mock.js';
import { EasyPostSettings } from './settings.js';

export const easypostTarget = defineTarget({
  id: 'easypost',
  displayName: 'EasyPost',
  docsUrl: 'https://docs.easypost.com/',
  settings: EasyPostSettings,
  // docs.easypost.com/guides/rate-limiting-guide: a load-based limiter on buying/rating (no fixed
  // figure) and 5 requests/second on index endpoints. Each delivery makes one index request
  // (the reference lookup), so 5 deliveries a second, 2 at a time, stays inside it.
  rateLimit: { concurrency: 2, intervalCap: 5, interval: 1_000 },
  verify: (ctx) => easypostClient(ctx).verify(),
  deliver: deliverToEasyPost,
  mock: createEasyPostMock,
});
