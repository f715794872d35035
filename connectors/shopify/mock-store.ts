// The mock shop's orders: seeded, changed and added through POST /__mock/orders.
import type { Faker } from '@faker-js/faker';
import { changeOrder, createFaker, dateTime, generateOrder, ORDER_ID_BASE, type StoredOrder } from './mock-data.js';
import { legacy } from './mock-search.js';

const DAY = 86_400_000;
const SEED_SPAN = 30 * DAY;

export interface UpsertBody { change?: number; add?: number; malformed?: number; orders?: Record<string, unknown>[] }

export class OrderStore {
  orders = new Map<string, StoredOrder>();
  private faker: Faker;
  private nextNumber = 1;
  private lastStamp = 0;

  constructor(private readonly seed: number, private readonly count: number, private readonly now: () => number) {
    this.faker = createFaker(seed);
    this.reset();
  }

  reset(): void {
    this.faker = createFaker(this.seed);
    this.orders = new Map();
    this.lastStamp = 0;
    const start = this.now() - SEED_SPAN;
    let previous = { created: start, updated: start };
    for (let n = 1; n <= this.count; n++) {
      let created = start + Math.floor(((n - 1) * SEED_SPAN) / Math.max(this.count, 1));
      // Each order's last change comes up to 6 h after it was placed. One due later than now has not
      // happened yet, so the order still carries its creation stamp: recent stamps spread out as
      // orders come in, as in a real shop (clamping them to "now − 1 s" stacked hundreds in one second).
      const planned = created + this.faker.number.int({ min: 0, max: 6 * 3_600_000 });
      let updated = planned <= this.now() - 1_000 ? planned : created;
      // Every 7th order shares its timestamps with the previous one: a tie the cursor must break by id.
      if (n % 7 === 0) ({ created, updated } = previous);
      previous = { created, updated: Math.max(created, updated) };
      this.put(generateOrder(this.faker, n, previous.created, previous.updated));
    }
    this.nextNumber = this.count + 1;
  }

  list(): StoredOrder[] {
    return [...this.orders.values()];
  }

  get(gid: string): StoredOrder | undefined {
    return this.orders.get(legacy(gid));
  }

  /** A second-precision stamp strictly newer than any given before (Shopify stamps whole seconds). */
  stamp(): number {
    this.lastStamp = Math.max(Math.floor(this.now() / 1000) * 1000, this.lastStamp + 1000);
    return this.lastStamp;
  }

  upsert(body: UpsertBody): { changed: string[]; added: string[] } {
    const changed: string[] = [];
    const added: string[] = [];
    const ids = [...this.orders.keys()];
    const change = Math.min(body.change ?? 0, ids.length);
    for (let i = 0; i < change; i++) {
      const id = ids[Math.floor((i * ids.length) / change)] as string;
      changeOrder(this.orders.get(id)!, this.stamp());
      changed.push(id);
    }
    for (let i = 0; i < (body.add ?? 0); i++) added.push(this.put(this.fresh()));
    for (let i = 0; i < (body.malformed ?? 0); i++) {
      // An amount the mapper cannot read as money: the order must land in quarantine.
      const order = this.fresh();
      order.totalPriceSet = { shopMoney: { amount: 'twelve', currencyCode: order.currencyCode }, presentmentMoney: { amount: 'twelve', currencyCode: order.currencyCode } };
      added.push(this.put(order));
    }
    for (const raw of body.orders ?? []) {
      const id = typeof raw.id === 'string' ? legacy(raw.id) : undefined;
      const existing = id ? this.orders.get(id) : undefined;
      // Fields left out keep their old (or generated) values, so the schema's non-null fields hold.
      const base = existing ?? this.fresh();
      const merged = { ...base, ...raw, id: existing ? base.id : typeof raw.id === 'string' ? raw.id : base.id } as StoredOrder;
      merged.lineItems = normalizeLines(raw.lineItems) ?? base.lineItems;
      if (typeof raw.updatedAt !== 'string') merged.updatedAt = dateTime(this.stamp());
      (existing ? changed : added).push(this.put(merged));
    }
    return { changed, added };
  }

  private fresh(): StoredOrder {
    const n = this.nextNumber++;
    const stamp = this.stamp();
    return generateOrder(this.faker, n, stamp, stamp);
  }

  private put(order: StoredOrder): string {
    const id = legacy(order.id);
    this.orders.set(id, order);
    const n = Number(id) - ORDER_ID_BASE;
    if (Number.isSafeInteger(n) && n >= this.nextNumber) this.nextNumber = n + 1;
    const updated = Date.parse(order.updatedAt);
    if (!Number.isNaN(updated)) this.lastStamp = Math.max(this.lastStamp, updated);
    return id;
  }
}

/** `lineItems` as given (nodes or edges) in the stored shape. */
function normalizeLines(value: unknown): StoredOrder['lineItems'] | undefined {
  const lines = value as { nodes?: unknown; edges?: { node?: unknown }[] } | undefined;
  if (Array.isArray(lines?.nodes)) return { nodes: lines.nodes as Record<string, unknown>[] };
  if (Array.isArray(lines?.edges)) return { nodes: lines.edges.map((edge) => edge.node as Record<string, unknown>) };
  return undefined;
}
