// ordersync/testing: what a third-party connector's tests import.
export { describeChannelContract, type ChannelContractOptions } from './channel-contract.js';
export { fastClock } from './fake-clock.js';
