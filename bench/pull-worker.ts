// Child process: one real pull (pullChannel into a ledger file), timed, with its peak RSS.
import { openLedger } from '../src/ledger/index.js';
import { pullChannel } from '../src/pull/pull-channel.js';
import { channelRuntime, TARGETS, type ChannelKind } from './lib/channels.js';
import { peakRss, serveHandlers } from './lib/worker.js';

export interface PullInput { kind: ChannelKind; url: string; ledger: string }
export interface PullOutput {
  ms: number; pages: number; received: number; created: number; updated: number; cancelled: number; unchanged: number; stale: number;
  quarantined: number; deliveries: number; peakRssBytes: number;
}

serveHandlers({
  async pull(input: PullInput): Promise<PullOutput> {
    const ledger = openLedger(input.ledger);
    try {
      const began = performance.now();
      const result = await pullChannel(ledger, channelRuntime(input.kind, input.url), { route: () => [...TARGETS] });
      const ms = performance.now() - began;
      const { pages, received, created, updated, cancelled, unchanged, stale, quarantined, deliveries } = result;
      return { ms, pages, received, created, updated, cancelled, unchanged, stale, quarantined, deliveries, peakRssBytes: peakRss() };
    } finally {
      ledger.close();
    }
  },
});
