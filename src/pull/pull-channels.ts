// Pulls several channels at once; one channel's failure never stops the others.
import type { Ledger } from '../ledger/index.js';
import { pullChannel, type ChannelPullResult, type ChannelRuntime, type PullOptions } from './pull-channel.js';

export interface PullReport {
  results: ChannelPullResult[];
  failures: Error[];
}

export async function pullChannels(ledger: Ledger, channels: readonly ChannelRuntime[], options: PullOptions): Promise<PullReport> {
  const settled = await Promise.allSettled(channels.map((channel) => pullChannel(ledger, channel, options)));
  return {
    results: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    failures: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason instanceof Error ? s.reason : new Error(String(s.reason))] : [])),
  };
}
