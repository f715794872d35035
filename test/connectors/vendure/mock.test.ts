// The mock answers like a Vendure 3 server does (shapes checked against a real 3.7 server).
import { afterEach, describe, expect, it } from 'vitest';
import { createVendureMock, MOCK_CREDENTIALS } from '../../../connectors/vendure/mock.js';
import { adminApi, control, startVendureMock } from './helpers.js';

type Mock = Awaited<ReturnType<typeof startVendureMock>>;
let mock: Mock | undefined;
afterEach(async () => { await mock?.close(); mock = undefined; });

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on CurrentUser { identifier } ... on ErrorResult { errorCode message } } }';

async function token(m: Mock): Promise<string> {
  const answer = await adminApi(m.url, LOGIN, {}, { u: MOCK_CREDENTIALS.username, p: MOCK_CREDENTIALS.password });
  return answer.headers.get('vendure-auth-token')!;
}

describe('vendure mock fidelity', () => {
  it('login returns CurrentUser and the session token in vendure-auth-token', async () => {
    mock = await startVendureMock(3);
    const answer = await adminApi(mock.url, LOGIN, {}, { u: MOCK_CREDENTIALS.username, p: MOCK_CREDENTIALS.password });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { login: { __typename: 'CurrentUser', identifier: 'superadmin' } } });
    expect(answer.headers.get('vendure-auth-token')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a wrong password is an InvalidCredentialsError result, not a GraphQL error', async () => {
    mock = await startVendureMock(3);
    const answer = await adminApi(mock.url, LOGIN, {}, { u: 'superadmin', p: 'bad' });
    expect(answer.body).toEqual({ data: { login: { __typename: 'InvalidCredentialsError', errorCode: 'INVALID_CREDENTIALS_ERROR', message: 'The provided credentials are invalid' } } });
    expect(answer.headers.get('vendure-auth-token')).toBeNull();
  });

  it('orders without a session is HTTP 200 with a FORBIDDEN error and data null', async () => {
    mock = await startVendureMock(3);
    const answer = await adminApi(mock.url, '{ orders { totalItems } }');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: null, errors: [{
      message: 'You are not currently authorized to perform this action', locations: [{ line: 1, column: 3 }], path: ['orders'], extensions: { code: 'FORBIDDEN' },
    }] });
  });

  it('an unknown field is HTTP 400 GRAPHQL_VALIDATION_FAILED', async () => {
    mock = await startVendureMock(3);
    const answer = await adminApi(mock.url, '{ orders { totalItems bogus } }', { authorization: `Bearer ${await token(mock)}` });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ message: 'Cannot query field "bogus" on type "OrderList".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  });

  it('take above adminListQueryLimit is a USER_INPUT_ERROR', async () => {
    mock = await startVendureMock(3);
    const answer = await adminApi(mock.url, '{ orders(options: { take: 5000 }) { totalItems } }', { authorization: `Bearer ${await token(mock)}` });
    expect(answer.body).toMatchObject({ data: null, errors: [{ message: 'Cannot take more than 1000 results from a list query', extensions: { code: 'USER_INPUT_ERROR' } }] });
  });

  it('filters by updatedAt (strict after) and orderPlacedAt, sorts, and pages with skip/take', async () => {
    mock = await startVendureMock(9);
    const auth = { authorization: `Bearer ${await token(mock)}` };
    const query = 'query($o: OrderListOptions) { orders(options: $o) { totalItems items { id state updatedAt orderPlacedAt } } }';
    const all = await adminApi(mock.url, query, auth, { o: { sort: { updatedAt: 'ASC' } } });
    const items = (all.body.data as { orders: { items: { id: string; updatedAt: string; orderPlacedAt: string | null }[]; totalItems: number } }).orders;
    expect(items.totalItems).toBe(12); // 9 placed + 3 carts, as the real `orders` list includes carts
    const placed = await adminApi(mock.url, query, auth, { o: { filter: { orderPlacedAt: { isNull: false } } } });
    expect((placed.body.data as { orders: { totalItems: number } }).orders.totalItems).toBe(9);
    const pivot = items.items[4]!.updatedAt;
    const after = await adminApi(mock.url, query, auth, { o: { filter: { updatedAt: { after: pivot } }, sort: { updatedAt: 'ASC' }, skip: 1, take: 2 } });
    const page = (after.body.data as { orders: { items: { updatedAt: string }[]; totalItems: number } }).orders;
    expect(page.items).toHaveLength(2);
    expect(page.items.every((o) => o.updatedAt > pivot)).toBe(true);
    expect(page.totalItems).toBe(items.items.filter((o) => o.updatedAt > pivot).length);
  });

  it('the same seed gives the same orders; /__mock/orders adds, changes and breaks orders', async () => {
    const a = createVendureMock({ seed: 5, orders: 10 }).state();
    const b = createVendureMock({ seed: 5, orders: 10 }).state();
    expect(a).toEqual(b);
    mock = await startVendureMock(10);
    const answer = (await control(mock.url, 'orders', { change: 2, add: 3, malformed: 1 })) as { changed: string[]; added: string[] };
    expect(answer.changed).toHaveLength(2);
    expect(answer.added).toEqual(['14', '15', '16', '17']);
    expect(((await control(mock.url, 'state')) as { orders: number }).orders).toBe(14);
  });
});
