// The mock eBay's Sell Inventory API v1 (spec v1.18.0, paths under /sell/inventory/v1): inventory
// items for the SKUs its orders sell, bulkUpdatePriceQuantity (25 a call, a statusCode and errors
// per SKU, 207 when some failed), getInventoryItem, and createOrReplaceInventoryItem so that a test
// or demo can list more SKUs the way a seller would. Every call needs the sell.inventory scope and
// counts against the Inventory API's own daily quota (2,000,000 calls by default).
import { json, route, type MockRequest, type MockResponse, type Route } from '../../src/mock/index.js';
import { ebayError, errorBody } from './mock-errors.js';
import { MOCK_PRODUCTS } from './mock-data.js';
import { INVENTORY_SCOPE } from './settings.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const API = '/sell/inventory/v1';
const BULK_LIMIT = 25; // BulkPriceQuantity.requests: "up to 25"
export const MOCK_INITIAL_QUANTITY = 25;
// Inventory API default call limit per day (https://developer.ebay.com/develop/api/sell/api_call_limits).
export const DEFAULT_INVENTORY_DAILY_QUOTA = 2_000_000;

export interface InventoryDeps {
  authenticate(request: MockRequest, scope?: string): MockResponse | undefined;
  throttled(): MockResponse;
  now(): number;
  dailyQuota?: number;
  /** Inventory items to hold, in place of the SKUs the orders sell (benchmarks). */
  skus?: readonly string[];
}

interface Item { sku: string; title: string; quantity: number }

// spec x-response-codes: 25702 (getInventoryItem 400), 25709 (bulkUpdatePriceQuantity 400), 25710 (getInventoryItem).
const inventoryError = (errorId: number, message: string, parameters: Record<string, string> = {}) => ({
  errorId, domain: 'API_INVENTORY', category: 'REQUEST' as const, message, longMessage: message,
  parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })),
});

export function createMockInventory(deps: InventoryDeps) {
  const limit = deps.dailyQuota ?? DEFAULT_INVENTORY_DAILY_QUOTA;
  let items = new Map<string, Item>();
  let quota = { day: '', used: 0 };
  let counts = { bulkCalls: 0, bulkItems: 0, bulkRejected: 0, getInventoryItem: 0, createOrReplace: 0, throttled: 0 };
  let bulkLog: { items: number; errors: number; status: number }[] = [];

  function reset(): void {
    const catalogue = deps.skus?.map((sku) => ({ sku, title: sku })) ?? MOCK_PRODUCTS;
    items = new Map(catalogue.map((p) => [p.sku, { sku: p.sku, title: p.title, quantity: MOCK_INITIAL_QUANTITY }]));
    quota = { day: '', used: 0 };
    counts = { bulkCalls: 0, bulkItems: 0, bulkRejected: 0, getInventoryItem: 0, createOrReplace: 0, throttled: 0 };
    bulkLog = [];
  }
  reset();

  /** Scope, then today's quota (midnight to midnight Pacific time): eBay's 429 errorId 2001 once spent. */
  function admit(request: MockRequest): MockResponse | undefined {
    const denied = deps.authenticate(request, INVENTORY_SCOPE);
    if (denied) return denied;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(deps.now()));
    if (day !== quota.day) quota = { day, used: 0 };
    if (quota.used >= limit) {
      counts.throttled++;
      return deps.throttled();
    }
    quota.used++;
    return undefined;
  }

  // POST /bulk_update_price_quantity (bulkUpdatePriceQuantity)
  function bulk(request: MockRequest): MockResponse {
    const refused = admit(request);
    if (refused) return refused;
    // "this call also requires the Content-Type header" (spec); the refusal's id is UNCONFIRMED.
    if (!(request.headers['content-type'] ?? '').includes('application/json')) return ebayError(415, inventoryError(25709, 'Invalid value for header Content-Type.'));
    const requests = (request.json as Raw | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0 || requests.length > BULK_LIMIT) {
      return ebayError(400, inventoryError(25709, `Invalid value for requests. Between 1 and ${BULK_LIMIT} requests are allowed.`)); // additionalInfo wording UNCONFIRMED
    }
    counts.bulkCalls++;
    counts.bulkItems += requests.length;
    const responses = requests.map((entry: Raw) => answer(entry));
    const errors = responses.filter((r) => r.statusCode !== 200).length;
    counts.bulkRejected += errors;
    const status = errors > 0 ? 207 : 200;
    bulkLog = [...bulkLog.slice(-19), { items: requests.length, errors, status }];
    return json(status, { responses });
  }

  /** One PriceQuantity → its PriceQuantityResponse. Per-SKU status codes for refusals: UNCONFIRMED (400 assumed). */
  function answer(entry: Raw): Raw {
    const sku = typeof entry?.sku === 'string' ? entry.sku : '';
    const quantity = entry?.shipToLocationAvailability?.quantity;
    const refuse = (error: Raw) => ({ statusCode: 400, ...(sku ? { sku } : {}), errors: [error] });
    if (!sku) return refuse(inventoryError(25709, 'Invalid value for sku.'));
    const item = items.get(sku);
    if (!item) return refuse(inventoryError(25702, `${sku} could not be found or is not available in the system.`, { sku }));
    if (!Number.isInteger(quantity) || quantity < 0) return refuse(inventoryError(25709, 'Invalid value for shipToLocationAvailability.quantity.'));
    item.quantity = quantity;
    return { statusCode: 200, sku };
  }

  // GET /inventory_item/{sku} (getInventoryItem)
  function getItem(request: MockRequest): MockResponse {
    const refused = admit(request);
    if (refused) return refused;
    counts.getInventoryItem++;
    const item = items.get(request.params.sku ?? '');
    // 404 with 25710 "We didn't find the resource/entity…" (spec lists it for this call; 404 vs 400 UNCONFIRMED).
    if (!item) return json(404, errorBody(inventoryError(25710, 'We didn\'t find the resource/entity you are requesting. Please verify the request')));
    return json(200, { sku: item.sku, locale: 'en_US', condition: 'NEW', product: { title: item.title }, availability: { shipToLocationAvailability: { quantity: item.quantity } } });
  }

  // PUT /inventory_item/{sku} (createOrReplaceInventoryItem) → 204
  function putItem(request: MockRequest): MockResponse {
    const refused = admit(request);
    if (refused) return refused;
    // Content-Language is a required header (spec); the refusal's id and wording are UNCONFIRMED.
    if (!request.headers['content-language']) return ebayError(400, inventoryError(25709, 'Invalid value for header Content-Language.'));
    const body = (request.json ?? {}) as Raw;
    const quantity = body.availability?.shipToLocationAvailability?.quantity ?? 0;
    if (!Number.isInteger(quantity) || quantity < 0) return ebayError(400, inventoryError(25709, 'Invalid value for availability.shipToLocationAvailability.quantity.'));
    const sku = request.params.sku ?? '';
    counts.createOrReplace++;
    items.set(sku, { sku, title: typeof body.product?.title === 'string' ? body.product.title : sku, quantity });
    return { status: 204 };
  }

  return {
    routes: [
      route('POST', `${API}/bulk_update_price_quantity`, bulk),
      route('GET', `${API}/inventory_item/:sku`, getItem),
      route('PUT', `${API}/inventory_item/:sku`, putItem),
    ] as Route[],
    state: () => ({
      stock: Object.fromEntries([...items.values()].map((item) => [item.sku, item.quantity])),
      inventory: { ...counts, bulkLog, quota: { limit, used: quota.used, day: quota.day || null } },
    }),
    reset,
  };
}
