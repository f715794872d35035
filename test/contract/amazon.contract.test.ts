// The shared channel contract, run against the Amazon connector and its mock (one fast clock for
// both, so the usage-plan buckets and the 2-minute rule agree). Settings are the defaults a
// merchant gets: the published rate, a 2-minute lag.
import { amazonChannel } from '../../connectors/amazon/index.js';
import { MOCK_CREDENTIALS } from '../../connectors/amazon/mock.js';
import { describeChannelContract } from '../../src/testing/index.js';

const settings = (url: string) => ({ endpoint: url, tokenUrl: `${url}/auth/o2/token`, ...MOCK_CREDENTIALS, pageSize: 25 });

describeChannelContract({
  channel: amazonChannel,
  settings,
  badCredentials: (url) => ({ ...settings(url), clientSecret: 'amzn1.oa2-cs.v1.wrong-secret' }),
});
