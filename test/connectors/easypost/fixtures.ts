// Shared by the shipping targets' tests.
export { buildDelivery, buildOrder } from '../../support/shipping-fixtures.js';
