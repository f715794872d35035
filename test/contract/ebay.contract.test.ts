// The shared channel contract, run against the eBay connector and its mock.
import { ebayChannel } from '../../connectors/ebay/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/ebay/mock.js';
import { describeChannelContract } from '../../src/testing/index.js';

describeChannelContract({
  channel: ebayChannel,
  // No safety lag: the contract changes orders and pulls again at once, on a clock that only runs ahead.
  settings: (url) => ({ url, ...MOCK_CREDENTIALS, pageSize: 20, safetyLagSeconds: 0 }),
  badCredentials: (url) => ({ url, ...MOCK_CREDENTIALS, clientSecret: 'PRD-wrong-secret', pageSize: 20, safetyLagSeconds: 0 }),
});
