import { vendureChannel } from '../../connectors/vendure/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/vendure/mock.js';
import { describeChannelContract } from '../../src/testing/index.js';

const { username, password } = MOCK_CREDENTIALS;

describeChannelContract({
  channel: vendureChannel,
  settings: (url) => ({ url, username, password, pageSize: 20 }),
  badCredentials: (url) => ({ url, username, password: 'wrong-password', pageSize: 20 }),
});
