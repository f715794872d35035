// The shared channel contract against the Shopify connector and its mock, on the documented
// Standard cost bucket (1,000 points, restoring 50/s): the mock and the connector share the
// test's fast clock, so the connector must pace itself to the bucket.
import { shopifyChannel } from '../../connectors/shopify/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/shopify/mock.js';
import { describeChannelContract } from '../../src/testing/index.js';

describeChannelContract({
  channel: shopifyChannel,
  settings: (url) => ({ shopUrl: url, ...MOCK_CREDENTIALS, pageSize: 20 }),
  badCredentials: (url) => ({ shopUrl: url, accessToken: 'shpat_wrong_token', pageSize: 20 }),
});
