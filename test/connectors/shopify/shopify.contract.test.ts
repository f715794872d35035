// The shared channel contract, run against the Shopify connector and its mock.
//
// The contract's fast clock moves only the connector's time; the mock's cost bucket restores in
// real time, so under the default Standard bucket (1,000 points, 50/s) a fast-clocked pull would
// outrun it and be THROTTLED again and again. The contract therefore runs against a shop with a
// bucket no contract run can empty; pacing against the real figures is tested in
// throttle.test.ts, where the mock and the connector share one fake clock.
import { shopifyChannel } from '../../../connectors/shopify/index.js';
import { createShopifyMock, MOCK_CREDENTIALS } from '../../../connectors/shopify/mock.js';
import { describeChannelContract } from '../../../src/testing/index.js';

describeChannelContract({
  channel: shopifyChannel,
  settings: (url) => ({ shopUrl: url, ...MOCK_CREDENTIALS, pageSize: 20 }),
  badCredentials: (url) => ({ shopUrl: url, accessToken: 'shpat_wrong_token', pageSize: 20 }),
  mock: (seed, orders) => createShopifyMock({ seed, orders, bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000 } }),
});
