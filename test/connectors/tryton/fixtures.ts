// Normalized orders and deliveries for the Tryton target tests, plus a running mock and context.
import { createContext } from '../../../src/connector-kit/context.js';
import type { Delivery, EventType, Order, OrderLine } from '../../../src/connector-kit/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { trytonTarget } from '../../../connectors/tryton/index.js';
import { MOCK_CREDENTIALS, type TrytonMockApi } from '../../../connectors/tryton/mock.js';
import { TrytonSettings } from '../../../connectors/tryton/settings.js';

export function line(sku: string | null, quantity: number, unitPrice: number, currency = 'EUR', title = `Item ${sku ?? 'custom'}`): OrderLine {
  const zero = { amount: 0, currency };
  return { externalId: `${sku ?? 'none'}-${quantity}-${unitPrice}`, sku, title, quantity, unitPrice: { amount: unitPrice, currency }, tax: zero, discount: zero };
}

export function order(overrides: Partial<Order> = {}): Order {
  const currency = overrides.currency ?? 'EUR';
  const lines = overrides.lines ?? [line('TEE-BLK-M', 2, 1995, currency, 'Logo Tee - Black M'), line('MUG-12OZ', 1, 1800, currency, 'Mug 12oz')];
  const money = (amount: number) => ({ amount, currency });
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
  const shipping = overrides.shippingTotal?.amount ?? 495;
  const discount = overrides.discountTotal?.amount ?? 0;
  const tax = overrides.taxTotal?.amount ?? 0;
  const address = { name: 'Ada Lovelace', company: null, line1: '12 Analytical Row', line2: null, city: 'London', region: null, postalCode: 'N1 9GU', countryCode: 'GB', phone: null };
  return {
    channel: 'shop', channelKind: 'woocommerce', externalId: '1042', number: '#1042',
    placedAt: '2025-03-14T14:22:31Z', updatedAt: '2025-03-14T14:22:31Z',
    financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', fulfilledBy: 'merchant',
    currency, subtotal: money(subtotal), shippingTotal: money(shipping), taxTotal: money(tax), discountTotal: money(discount),
    total: money(subtotal + shipping + tax - discount),
    customer: { email: 'ada@example.com', name: 'Ada Lovelace', phone: '+44 20 7946 0000' },
    shippingAddress: address, billingAddress: address, lines, tags: [], raw: {},
    ...overrides,
  };
}

let nextDelivery = 1;
export function delivery(o: Order, type: EventType = 'order.created', previousExternalRef: string | null = null): Delivery {
  const id = nextDelivery++;
  return { id, idempotencyKey: `ledger:${id}:erp`, attempt: 1, event: { id: `ledger:${id}`, type, occurredAt: o.updatedAt, order: o }, previousExternalRef };
}

export interface Harness {
  mock: RunningMock;
  api: TrytonMockApi;
  settings: TrytonSettings;
  ctx: ReturnType<typeof createContext<TrytonSettings>>;
  state(): Promise<MockState>;
  faults(body: unknown): Promise<void>;
}

export interface MockState {
  records: number;
  duplicates: number;
  parties: number;
  received: Record<string, number>;
  sales: {
    id: number; number: string | null; reference: string; state: string; currency: string; party: string;
    untaxed_amount: { decimal: string }; total_amount: { decimal: string };
    lines: { sku: string | null; quantity: number; unit_price: { decimal: string }; description: string; amount: { decimal: string } }[];
  }[];
}

export async function startHarness(overrides: Partial<TrytonSettings> = {}): Promise<Harness> {
  const api = trytonTarget.mock!({ seed: 1 }) as TrytonMockApi;
  const mock = await startMock(api, { port: 0 });
  let t = 0;
  const clock = { now: () => t, sleep: async (ms: number) => { t += ms; } };
  const settings = TrytonSettings.parse({ url: mock.url, ...MOCK_CREDENTIALS, ...overrides });
  const ctx = createContext({ role: 'target', name: 'erp', settings, clock, timeoutMs: 300, secrets: [settings.password] });
  return {
    mock, api, settings, ctx,
    state: async () => (await (await fetch(`${mock.url}/__mock/state`)).json()) as MockState,
    faults: async (body) => { await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }); },
  };
}
