// Medusa 2 channel (admin REST API): https://docs.medusajs.com/api/admin
import { defineChannel } from '../../src/connector-kit/index.js';
import { medusaClient, verifyCredentials } from './client.js';
import { createMedusaMock } from './mock.js';
import { MedusaCheckpoint, pullMedusaOrders } from './pull.js';
import { MedusaSettings } from './settings.js';

export const medusaChannel = defineChannel({
  id: 'medusa',
  displayName: 'Medusa',
  docsUrl: 'https://docs.medusajs.com/api/admin',
  settings: MedusaSettings,
  checkpoint: MedusaCheckpoint,
  verify: async (ctx) => verifyCredentials(await medusaClient(ctx)),
  pullOrders: pullMedusaOrders,
  mock: createMedusaMock,
});

export { MOCK_CREDENTIALS } from './mock.js';
