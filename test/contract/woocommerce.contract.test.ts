import { woocommerceChannel } from '../../connectors/woocommerce/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/woocommerce/mock.js';
import { describeChannelContract } from '../../src/testing/index.js';

describeChannelContract({
  channel: woocommerceChannel,
  settings: (url) => ({ url, ...MOCK_CREDENTIALS, pageSize: 20 }),
  badCredentials: (url) => ({ url, consumerKey: 'ck_wrong', consumerSecret: 'cs_wrong', pageSize: 20 }),
});
