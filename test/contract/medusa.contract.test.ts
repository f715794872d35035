// The shared channel contract against the Medusa mock (the lead may move this to test/contract/).
import { medusaChannel } from '../../connectors/medusa/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/medusa/mock.js';
import { describeChannelContract } from '../../src/testing/index.js';

describeChannelContract({
  channel: medusaChannel,
  settings: (url) => ({ url, apiKey: MOCK_CREDENTIALS.apiKey, pageSize: 20 }),
  badCredentials: (url) => ({ url, apiKey: 'sk_wrong', pageSize: 20 }),
});
