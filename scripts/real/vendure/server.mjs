// A throwaway Vendure 3 server for the real-server tests: in-memory SQLite (sql.js, no native
// build), bearer + cookie + API-key auth, a dummy payment handler, listening on 127.0.0.1 only.
// Run by test/real/vendure.test.ts as a child process:
//   VENDURE_DIR=<install dir> VENDURE_PORT=<port> node scripts/real/vendure/server.mjs
// It prints `VENDURE_READY <port>` on stdout once both APIs answer.
import { createRequire } from 'node:module';
import path from 'node:path';

const installDir = process.env.VENDURE_DIR;
const port = Number(process.env.VENDURE_PORT);
if (!installDir || !Number.isInteger(port) || port <= 0) {
  console.error('VENDURE_DIR and VENDURE_PORT must be set');
  process.exit(2);
}
// Resolve @vendure/core from the temporary install, never from the product's node_modules.
const require = createRequire(path.join(installDir, 'package.json'));
const {
  bootstrap, DefaultLogger, LogLevel, LanguageCode, PaymentMethodHandler,
} = require('@vendure/core');

const SUPERADMIN = { identifier: 'superadmin', password: 'superadmin-ordersync' };

/** Settles at once, unless the checkout asks for `authorizeOnly` (then settlePayment captures). */
const dummyPaymentHandler = new PaymentMethodHandler({
  code: 'ordersync-dummy',
  description: [{ languageCode: LanguageCode.en, value: 'ordersync test payments' }],
  args: {},
  createPayment: (_ctx, order, amount, _args, metadata) => ({
    amount,
    state: metadata?.authorizeOnly ? 'Authorized' : 'Settled',
    transactionId: `tx-${order.code}`,
    metadata: { public: { note: 'dummy' } },
  }),
  settlePayment: () => ({ success: true }),
  cancelPayment: () => ({ success: true }),
  createRefund: (_ctx, _input, amount, order) => ({ state: 'Settled', transactionId: `refund-${order.code}-${amount}` }),
});

const config = {
  apiOptions: {
    hostname: '127.0.0.1',
    port,
    adminApiPath: 'admin-api',
    shopApiPath: 'shop-api',
    adminApiPlayground: false,
    shopApiPlayground: false,
    cors: { origin: ['http://127.0.0.1'], credentials: true },
  },
  authOptions: {
    tokenMethod: ['bearer', 'cookie', 'api-key'],
    superadminCredentials: SUPERADMIN,
    requireVerification: false,
    cookieOptions: { secret: 'ordersync-real-test' },
  },
  dbConnectionOptions: { type: 'sqljs', synchronize: true, logging: false },
  paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
  logger: new DefaultLogger({ level: LogLevel.Warn }),
  plugins: [],
};

const app = await bootstrap(config);
console.log(`VENDURE_READY ${port}`);

const stop = async () => {
  await app.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
