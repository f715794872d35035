// Tryton ERP target (tested against trytond 6.0 from Debian 12): each order becomes a sale.sale
// with its lines, found again by `reference` = channel:externalId. https://docs.tryton.org/
import { defineTarget } from '../../src/connector-kit/index.js';
import { trytonClient } from './client.js';
import { deliverOrder } from './deliver.js';
import { createTrytonMock } from './mock.js';
import { TrytonSettings } from './settings.js';
import { pullTrytonStock } from './stock.js';
import { pushTrytonStock } from './stock-push.js';

export const trytonTarget = defineTarget({
  id: 'tryton',
  displayName: 'Tryton',
  docsUrl: 'https://docs.tryton.org/projects/server/en/6.0/topics/rpc.html',
  settings: TrytonSettings,
  // trytond has no request rate limiter (only failed logins are limited, res/user.py). One
  // delivery at a time: a delivery costs 4–12 calls, each write is a database transaction, and
  // concurrent party creation can collide on the party code sequence (seen on 6.0 + SQLite).
  // Raise these in config for a PostgreSQL installation that can take more.
  rateLimit: { concurrency: 1, intervalCap: 5, interval: 1_000 },
  async verify(ctx) {
    const client = trytonClient(ctx);
    await client.context(); // logs in
    await client.model('sale.sale', 'search', [[], 0, 1, null]); // the user may read sales
  },
  deliver: deliverOrder,
  pullStock: pullTrytonStock,
  pushStock: pushTrytonStock,
  mock: createTrytonMock,
});
