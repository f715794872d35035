// Stock in the ShipBob mock: GET /{version}/inventory-level as "Get All Inventory Levels"
// answers it (`items` with sku and total_*_quantity, `first`/`next`/`last` links, PageSize).
// Committed = the products of orders not cancelled and not shipped; fulfillable = on hand − committed.
import { json, type MockRequest, type MockResponse } from '../../src/mock/index.js';

export const MOCK_ON_HAND = 25;
const MOCK_SKUS = ['TEE-BLK-M', 'TEE-WHT-L', 'MUG-12OZ', 'CAP-NAVY', 'BAG-TOTE'];

type Order = { status: string; products?: unknown };

export interface ShipBobMockStock {
  setOnHand(sku: string, quantity: number): void;
  /** Adds an inventory-level item exactly as given (malformed-record tests). */
  addRawItem(item: Record<string, unknown>): void;
  /** The account holds no inventory items. */
  clear(): void;
  reset(): void;
}

export function createShipBobStock(orders: () => Order[]): ShipBobMockStock & { list(request: MockRequest): MockResponse } {
  let onHand = new Map<string, number>();
  let raw: Record<string, unknown>[] = [];
  let empty = false;

  const items = (): Record<string, unknown>[] => {
    const committed = new Map<string, number>();
    for (const order of orders().filter((o) => o.status !== 'Cancelled' && o.status !== 'Fulfilled')) {
      for (const p of (order.products ?? []) as Record<string, unknown>[]) committed.set(String(p.reference_id), (committed.get(String(p.reference_id)) ?? 0) + Number(p.quantity ?? 0));
    }
    const skus = empty ? [...onHand.keys()] : [...new Set([...MOCK_SKUS, ...onHand.keys()])];
    const built = skus.map((sku, i) => {
      const hand = onHand.get(sku) ?? MOCK_ON_HAND;
      const held = committed.get(sku) ?? 0;
      return {
        inventory_id: 7000 + i, name: sku, sku, total_on_hand_quantity: hand, total_committed_quantity: held,
        total_fulfillable_quantity: Math.max(hand - held, 0), total_awaiting_quantity: 0, total_exception_quantity: 0,
        total_internal_transfer_quantity: 0, total_backordered_quantity: Math.max(held - hand, 0), total_sellable_quantity: Math.max(hand - held, 0),
      };
    });
    return [...built, ...raw];
  };

  return {
    list(request) {
      const size = Math.max(1, Math.min(Number(request.query.get('PageSize') ?? 50), 250));
      const page = Math.max(1, Number(request.query.get('Page') ?? 1));
      const all = items();
      const link = (n: number): string => `${request.path}?Page=${n}&PageSize=${size}`;
      const pages = Math.max(1, Math.ceil(all.length / size));
      return json(200, {
        first: page === 1 ? null : link(1), prev: page > 1 ? link(page - 1) : null,
        next: page < pages ? link(page + 1) : null, last: link(pages),
        items: all.slice((page - 1) * size, page * size),
      });
    },
    setOnHand: (sku, quantity) => void onHand.set(sku, quantity),
    addRawItem: (item) => void raw.push(item),
    clear: () => { empty = true; onHand = new Map(); raw = []; },
    reset: () => { onHand = new Map(); raw = []; empty = false; },
  };
}
