// A bare JSON-RPC session for setting up and reading back a real Tryton, independent of the
// connector's own client so the test does not check the connector with itself.
import type { TrytonServer } from './server.js';

export interface Rpc {
  call<T = unknown>(method: string, ...params: unknown[]): Promise<T>;
  /** model.<model>.<method>(...params, context) */
  model<T = unknown>(model: string, method: string, ...params: unknown[]): Promise<T>;
  context: Record<string, unknown>;
}

export const decimal = (text: string) => ({ __class__: 'Decimal', decimal: text });

export async function openRpc(server: Pick<TrytonServer, 'url' | 'database' | 'username' | 'password'>): Promise<Rpc> {
  let id = 0;
  let authorization = '';
  const call = async <T>(method: string, ...params: unknown[]): Promise<T> => {
    const response = await fetch(`${server.url}/${server.database}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ id: ++id, method, params }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { result?: T; error?: unknown };
    if ('error' in body) throw new Error(`${method}: ${JSON.stringify(body.error).slice(0, 500)}`);
    return body.result as T;
  };
  const [uid, session] = await call<[number, string]>('common.db.login', server.username, { password: server.password }, 'en');
  authorization = `Session ${Buffer.from(`${server.username}:${uid}:${session}`).toString('base64')}`;
  const rpc: Rpc = {
    call,
    context: {},
    model: (model, method, ...params) => call(`model.${model}.${method}`, ...params, rpc.context),
  };
  return rpc;
}

export interface MasterData {
  company: number;
  currencies: Record<string, number>;
  products: Record<string, number>;
  unit: number;
}

/**
 * What a fresh database needs before sales can be made: currencies, a company the admin works
 * for, and salable goods whose codes are our SKUs. No chart of accounts: quotations do not need
 * one (only processing a confirmed sale into invoices does).
 */
export async function setUpMasterData(rpc: Rpc, skus: Record<string, string>): Promise<MasterData> {
  const currencies: Record<string, number> = {};
  for (const [code, name, digits, rounding] of [['EUR', 'Euro', 2, '0.01'], ['USD', 'US Dollar', 2, '0.01'], ['JPY', 'Yen', 0, '1']] as const) {
    const [id] = await rpc.model<number[]>('currency.currency', 'create', [{ name, code, symbol: code, digits, rounding: decimal(rounding) }]);
    currencies[code] = id!;
  }
  const [companyParty] = await rpc.model<number[]>('party.party', 'create', [{ name: 'ordersync Test Shop' }]);
  const [company] = await rpc.model<number[]>('company.company', 'create', [{ party: companyParty, currency: currencies.EUR }]);
  const [admin] = await rpc.model<number[]>('res.user', 'search', [['login', '=', 'admin']], 0, 1, null);
  await rpc.model('res.user', 'write', [admin], { companies: [['add', [company]]], company });
  rpc.context = await rpc.model<Record<string, unknown>>('res.user', 'get_preferences', true);
  const [unit] = await rpc.model<number[]>('product.uom', 'search', [['symbol', '=', 'u']], 0, 1, null);
  const products: Record<string, number> = {};
  for (const [sku, name] of Object.entries(skus)) {
    await rpc.model('product.template', 'create', [{
      name, type: 'goods', default_uom: unit, salable: true, sale_uom: unit, list_price: decimal('10'),
      products: [['create', [{ suffix_code: sku }]]],
    }]);
    const [id] = await rpc.model<number[]>('product.product', 'search', [['code', '=', sku]], 0, 1, null);
    products[sku] = id!;
  }
  return { company: company!, currencies, products, unit: unit! };
}
