// The mock speaks trytond 6.0's wire protocol: the same answers a real server gave in the real test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_CATALOGUE, MOCK_CREDENTIALS, createTrytonMock } from '../../../connectors/tryton/mock.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';

let mock: RunningMock;
beforeEach(async () => { mock = await startMock(createTrytonMock({ seed: 1 }), { port: 0 }); });
afterEach(async () => { await mock.close(); });

async function post(body: unknown, auth?: string, path = `/${MOCK_CREDENTIALS.database}/`) {
  const response = await fetch(`${mock.url}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

async function session(): Promise<string> {
  const { json } = await post({ id: 1, method: 'common.db.login', params: [MOCK_CREDENTIALS.username, { password: MOCK_CREDENTIALS.password }, 'en'] });
  const [uid, key] = json.result as [number, string];
  return `Session ${Buffer.from(`${MOCK_CREDENTIALS.username}:${uid}:${key}`).toString('base64')}`;
}

describe('login', () => {
  it('answers [user_id, session] in the envelope', async () => {
    const { status, json } = await post({ id: 7, method: 'common.db.login', params: ['admin', { password: MOCK_CREDENTIALS.password }, 'en'] });
    expect(status).toBe(200);
    expect(json).toEqual({ id: 7, result: [1, expect.stringMatching(/^[0-9a-f]{64}$/)] });
  });

  it('refuses a wrong password with an HTML 401, and asks for a missing one with LoginException', async () => {
    const wrong = await post({ id: 1, method: 'common.db.login', params: ['admin', { password: 'nope' }, 'en'] });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('<title>401 Unauthorized</title>');
    const missing = await post({ id: 2, method: 'common.db.login', params: ['admin', {}, 'en'] });
    expect(missing.json).toEqual({ id: 2, error: ['LoginException', ['password', 'Password for admin', 'password']] });
  });

  it('rate-limits after more than 5 failures with 429', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await post({ id: i, method: 'common.db.login', params: ['admin', { password: 'x' }, 'en'] })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('answers 404 for an unknown database and serves the version on /', async () => {
    expect((await post({ id: 1, method: 'common.db.login', params: ['admin', { password: 'x' }, 'en'] }, undefined, '/other/')).status).toBe(404);
    expect((await post({ id: 1, method: 'common.server.version', params: [] }, undefined, '/')).json).toEqual({ id: 1, result: '6.0.29' });
  });
});

describe('model calls', () => {
  it('401 with WWW-Authenticate without a valid session; Basic auth is accepted', async () => {
    const call = { id: 1, method: 'model.sale.sale.search', params: [[], 0, null, null, {}] };
    const refused = await post(call);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="Tryton"');
    const basic = `Basic ${Buffer.from(`${MOCK_CREDENTIALS.username}:${MOCK_CREDENTIALS.password}`).toString('base64')}`;
    expect((await post(call, basic)).json).toEqual({ id: 1, result: [] });
  });

  it('requires the trailing context, as rpc.py does', async () => {
    const auth = await session();
    expect((await post({ id: 3, method: 'model.sale.sale.search', params: [[]] }, auth)).json).toEqual({ id: 3, error: ['Missing context argument', ''] });
  });

  it('refuses a method that is not RPC-exposed with 403, and an unknown field like a KeyError', async () => {
    const auth = await session();
    expect((await post({ id: 1, method: 'model.sale.sale.process_everything', params: [[1], {}] }, auth)).status).toBe(403);
    expect((await post({ id: 2, method: 'model.sale.sale.create', params: [[{ nosuch: 1 }], {}] }, auth)).json).toEqual({ id: 2, error: ["'nosuch'", ''] });
  });

  it('finds the seeded products by code and reads Decimals and booleans in wire form', async () => {
    const auth = await session();
    const { json } = await post({ id: 1, method: 'model.product.product.search_read', params: [[['code', 'in', MOCK_CATALOGUE.map((p) => p.code)]], 0, null, [['id', 'ASC']], ['code', 'salable'], {}] }, auth);
    expect((json.result as { code: string; salable: boolean }[]).map((p) => [p.code, p.salable])).toEqual(MOCK_CATALOGUE.map((p) => [p.code, true]));
    const currencies = await post({ id: 2, method: 'model.currency.currency.search_read', params: [[['code', '=', 'KWD']], 0, 1, null, ['rounding', 'digits'], {}] }, auth);
    expect(currencies.json.result).toEqual([{ id: 5, rounding: { __class__: 'Decimal', decimal: '0.001' }, digits: 3 }]);
  });

  it('answers a validation failure as UserError and rolls the whole call back', async () => {
    const auth = await session();
    const { json } = await post({ id: 1, method: 'model.sale.sale.create', params: [[{ currency: 1, reference: 'x', lines: [['create', [{ quantity: 1, unit_price: { __class__: 'Decimal', decimal: '1' } }]]] }], { company: 1 }] }, auth);
    expect(json).toEqual({ id: 1, error: ['UserError', ['A value is required for field "Party" in "Sale".', '', null]] });
    const lines = await post({ id: 2, method: 'model.sale.line.search', params: [[], 0, null, null, {}] }, auth);
    expect(lines.json.result).toEqual([]);
  });

  it('skips a workflow button the state does not allow, silently, like Workflow.transition', async () => {
    const auth = await session();
    const created = await post({ id: 1, method: 'model.sale.sale.create', params: [[{ party: 1, invoice_address: null, currency: 1 }], { company: 1 }] }, auth);
    const [id] = created.json.result as number[];
    expect((await post({ id: 2, method: 'model.sale.sale.confirm', params: [[id], {}] }, auth)).json).toEqual({ id: 2, result: null });
    const quote = await post({ id: 3, method: 'model.sale.sale.quote', params: [[id], {}] }, auth);
    expect(quote.json.error[1][0]).toMatch(/^To get a quote for sale ".*" you must enter an invoice address\.$/);
    const read = await post({ id: 4, method: 'model.sale.sale.read', params: [[id], ['state'], {}] }, auth);
    expect(read.json.result).toEqual([{ id, state: 'draft' }]);
  });

  it('counts creates that repeat a reference as duplicates in /__mock/state', async () => {
    const auth = await session();
    for (let i = 0; i < 2; i++) await post({ id: i, method: 'model.sale.sale.create', params: [[{ party: 1, currency: 1, reference: 'shop:1' }], { company: 1 }] }, auth);
    const state = await (await fetch(`${mock.url}/__mock/state`)).json() as { records: number; duplicates: number; received: Record<string, number> };
    expect(state).toMatchObject({ records: 2, duplicates: 1 });
    expect(state.received['model.sale.sale.create']).toBe(2);
  });
});
