// Vendure 3 channel over the Admin GraphQL API: https://docs.vendure.io/reference/graphql-api/admin/
import { defineChannel, UpdatedCursorSchema } from '../../src/connector-kit/index.js';
import { vendureClient, verifyCredentials } from './client.js';
import { createVendureMock } from './mock.js';
import { pullVendureOrders } from './pull.js';
import { VendureSettings } from './settings.js';

export const vendureChannel = defineChannel({
  id: 'vendure',
  displayName: 'Vendure',
  docsUrl: 'https://docs.vendure.io/reference/graphql-api/admin/',
  settings: VendureSettings,
  checkpoint: UpdatedCursorSchema,
  verify: (ctx) => verifyCredentials(vendureClient(ctx)),
  pullOrders: pullVendureOrders,
  mock: createVendureMock,
});

export { MOCK_CREDENTIALS } from './mock.js';
