// The pull engine answers a connector's `known(externalIds)` from the ledger: the updatedAt it
// holds for each id of that channel, nothing for ids it does not hold or holds for another channel.
import { describe, expect, it } from 'vitest';
import { createContext, defineChannel, UpdatedCursorSchema, type ChannelOrder, type PullRequest, type UpdatedCursor } from '../../src/connector-kit/index.js';
import { openLedger } from '../../src/ledger/index.js';
import { pullChannel } from '../../src/pull/pull-channel.js';
import { makeOrder } from '../support/orders.js';
import { z } from 'zod';

const channelOrder = (externalId: string, updatedAt: string): ChannelOrder => {
  const { channel: _channel, ...order } = makeOrder({ externalId, number: `#${externalId}`, updatedAt });
  return order;
};

/** A connector that yields the given orders once, and records what `known` answered. */
function scripted(orders: ChannelOrder[], asked: string[], answers: Map<string, string>[]) {
  return defineChannel({
    id: 'scripted', displayName: 'Scripted', docsUrl: 'https://example.com',
    settings: z.object({}), checkpoint: UpdatedCursorSchema,
    async *pullOrders(_ctx, request: PullRequest<UpdatedCursor>) {
      if (request.known) answers.push(new Map(await request.known(asked)));
      if (orders.length > 0) yield { orders, rejected: [], checkpoint: { updatedAt: orders.at(-1)!.updatedAt, idsAtUpdatedAt: [] } };
    },
  });
}

describe('pullChannel: known()', () => {
  it('answers the updatedAt the ledger holds for the channel\'s ids, nothing for others', async () => {
    const ledger = openLedger(':memory:');
    try {
      const ctx = createContext({ role: 'channel', name: 'shop', settings: {} });
      const answers: Map<string, string>[] = [];
      // Given channel "shop" holds orders 1 and 2, and channel "other" holds order 3
      await pullChannel(ledger, { name: 'shop', definition: scripted([channelOrder('1', '2026-11-01T10:00:00.000Z'), channelOrder('2', '2026-11-01T11:00:00.000Z')], [], answers), ctx }, { route: () => [] });
      await pullChannel(ledger, { name: 'other', definition: scripted([channelOrder('3', '2026-11-01T12:00:00.000Z')], [], answers), ctx }, { route: () => [] });
      // When a pull of "shop" asks about 1, 2, 3 and 4
      answers.length = 0;
      await pullChannel(ledger, { name: 'shop', definition: scripted([], ['1', '2', '3', '4', '2'], answers), ctx }, { route: () => [] });
      // Then it hears of 1 and 2 with their stamps, and of neither 3 (another channel's) nor 4
      expect(answers).toEqual([new Map([['1', '2026-11-01T10:00:00.000Z'], ['2', '2026-11-01T11:00:00.000Z']])]);
    } finally {
      ledger.close();
    }
  });

  it('answers an empty question with an empty map', async () => {
    const ledger = openLedger(':memory:');
    try {
      const answers: Map<string, string>[] = [];
      await pullChannel(ledger, { name: 'shop', definition: scripted([], [], answers), ctx: createContext({ role: 'channel', name: 'shop', settings: {} }) }, { route: () => [] });
      expect(answers).toEqual([new Map()]);
    } finally {
      ledger.close();
    }
  });
});
