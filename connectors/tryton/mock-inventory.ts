// Stock counts in the Tryton mock, as trytond 6.0 modules/stock inventory.py has them:
// `stock.inventory` (create numbers it and computes each line's `expected_quantity` from what the
// location itself holds; write recomputes it; `confirm` turns expected − counted into a done
// `stock.move` between the location and its warehouse's lost-and-found; `cancel`; `delete` cancels
// first and refuses a done inventory), `stock.inventory.line` and `stock.move`, with Tryton's messages.
import { MockUserError, type MockRecord, type MockStore, type ModelDef } from './mock-store.js';

export interface MockInventory {
  id: number;
  number: string | null;
  /** The location's code (or name). */
  location: string | null;
  state: string;
  emptyQuantity: string | null;
  lines: { sku: string | null; expected: number; quantity: number | null }[];
}

const m2o = (label: string, relation: string, required = false) => ({ type: 'many2one' as const, label, relation, required });
const float = (label: string, required = false) => ({ type: 'float' as const, label, required });
const domainError = (field: string, model: string) => new MockUserError(`The value for field "${field}" in "${model}" is not valid according to its domain.`);

export function attachInventories(models: Map<string, ModelDef>, store: () => MockStore, own: (location: number, product: number) => number) {
  let sequence = 0;
  const location = (id: unknown): MockRecord | undefined => (typeof id === 'number' ? store().get('stock.location', id) : undefined);

  models.set('stock.inventory', {
    name: 'stock.inventory', label: 'Stock Inventory',
    fields: {
      number: { type: 'char', label: 'Number' }, location: m2o('Location', 'stock.location', true),
      date: { type: 'date', label: 'Date', required: true }, company: m2o('Company', 'company.company', true),
      lines: { type: 'one2many', label: 'Lines', relation: 'stock.inventory.line', inverse: 'inventory' },
      empty_quantity: { type: 'selection', label: 'Empty Quantity' }, state: { type: 'selection', label: 'State', required: true },
    },
    defaults: (context) => {
      const today = new Date();
      return {
        state: 'draft', company: typeof context.company === 'number' ? context.company : null,
        date: { __class__: 'date', year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() },
      };
    },
    validate: (inventory) => { if (location(inventory.location)?.type !== 'storage') throw domainError('Location', 'Stock Inventory'); },
  });
  models.set('stock.inventory.line', {
    name: 'stock.inventory.line', label: 'Stock Inventory Line',
    fields: {
      inventory: m2o('Inventory', 'stock.inventory', true), product: m2o('Product', 'product.product', true),
      quantity: float('Quantity'), expected_quantity: float('Expected Quantity', true),
    },
    defaults: () => ({ expected_quantity: 0 }),
    validate: (line) => {
      if (store().get('product.product', line.product as number)?.type !== 'goods') throw domainError('Product', 'Stock Inventory Line');
      if (typeof line.quantity === 'number' && line.quantity < 0) throw new MockUserError('Inventory line quantity must be positive.');
    },
    order: (a, b) => Number(a.product) - Number(b.product) || a.id - b.id,
  });
  models.set('stock.move', {
    name: 'stock.move', label: 'Stock Move',
    fields: {
      product: m2o('Product', 'product.product', true), from_location: m2o('From Location', 'stock.location', true),
      to_location: m2o('To Location', 'stock.location', true), quantity: float('Quantity', true),
      state: { type: 'selection', label: 'State' }, origin: { type: 'char', label: 'Origin' },
      effective_date: { type: 'date', label: 'Effective Date' }, company: m2o('Company', 'company.company', true),
    },
  });

  const inventory = (id: number): MockRecord => {
    const found = store().get('stock.inventory', id);
    if (!found) throw new MockUserError(`You are not allowed to read records "${id}" of "Stock Inventory" because of at least one of these rules:\nUser in companies`);
    return found;
  };
  const linesOf = (id: number): MockRecord[] => store().all('stock.inventory.line').filter((line) => line.inventory === id);
  const productName = (id: unknown): string => {
    const product = store().get('product.product', id as number);
    return product?.code ? `[${String(product.code)}] ${String(product.name ?? '')}` : String(product?.name ?? id);
  };

  // complete_lines(fill=False): each line's expected quantity in the location itself, today.
  const complete = (id: number): void => {
    const record = inventory(id);
    if (record.state === 'done') return;
    for (const line of linesOf(id)) line.expected_quantity = own(record.location as number, line.product as number);
  };

  // Location.lost_found_used: the lost-and-found of the first warehouse among the location's parents.
  const lostFound = (id: number): number | null => {
    for (let current = location(id); current; current = location(current.parent)) {
      if (current.type === 'warehouse') return typeof current.lost_found_location === 'number' ? current.lost_found_location : null;
    }
    return null;
  };

  function confirm(ids: number[], context: Record<string, unknown>): void {
    const moves: Record<string, unknown>[] = [];
    const confirmed = ids.map(inventory).filter((record) => record.state === 'draft'); // Workflow.transition skips the others
    for (const record of confirmed) {
      const name = String(record.number ?? record.id);
      const seen = new Set<unknown>();
      for (const line of linesOf(record.id)) {
        if (seen.has(line.product)) throw new MockUserError(`Inventory line "${productName(line.product)}" is not unique on inventory "${name}".`);
        seen.add(line.product);
        let counted = line.quantity as number | null | undefined;
        if (counted == null) {
          if (record.empty_quantity == null) throw new MockUserError(`To confirm the inventory "${name}" you must select an option for empty quantity.`);
          if (record.empty_quantity === 'keep') continue;
          counted = 0;
        }
        const delta = Number(line.expected_quantity) - counted;
        if (delta === 0) continue;
        const lost = lostFound(record.location as number);
        if (lost === null) {
          throw new MockUserError(`To confirm the inventory "${name}" you must set a lost and found on a parent of location "${String(location(record.location)?.name ?? '')}".`);
        }
        const [from, to] = delta > 0 ? [record.location, lost] : [lost, record.location];
        moves.push({
          product: line.product, from_location: from, to_location: to, quantity: Math.abs(delta), state: 'done',
          origin: `stock.inventory.line,${line.id}`, effective_date: record.date, company: record.company,
        });
      }
    }
    for (const move of moves) store().create('stock.move', move, context);
    for (const record of confirmed) record.state = 'done';
  }

  const cancel = (ids: number[]): void => {
    for (const record of ids.map(inventory)) if (record.state === 'draft') record.state = 'cancelled';
  };

  function call(model: string, method: string, args: unknown[], context: Record<string, unknown>): { result: unknown } | undefined {
    if (model !== 'stock.inventory') return undefined;
    const ids = args[0] as number[];
    switch (method) {
      case 'create': {
        const created = (args[0] as Record<string, unknown>[]).map((values) => store().create('stock.inventory', { ...values, number: values.number ?? String(++sequence) }, context));
        created.forEach(complete);
        return { result: created };
      }
      case 'write':
        for (let i = 0; i < args.length; i += 2) {
          store().write('stock.inventory', args[i] as number[], args[i + 1] as Record<string, unknown>, context);
          (args[i] as number[]).forEach(complete);
        }
        return { result: null };
      case 'complete_lines': ids.forEach(complete); return { result: null };
      case 'confirm': confirm(ids, context); return { result: null };
      case 'cancel': cancel(ids); return { result: null };
      case 'delete':
        cancel(ids);
        for (const record of ids.map(inventory)) {
          if (record.state !== 'cancelled') throw new MockUserError(`To delete inventory "${String(record.number ?? record.id)}" you must cancel it.`);
        }
        store().remove('stock.inventory', ids);
        return { result: null };
      default: return undefined;
    }
  }

  const list = (): MockInventory[] => store().all('stock.inventory').map((record) => ({
    id: record.id,
    number: (record.number as string | undefined) ?? null,
    location: String(location(record.location)?.code ?? location(record.location)?.name ?? '') || null,
    state: String(record.state),
    emptyQuantity: (record.empty_quantity as string | undefined) ?? null,
    lines: linesOf(record.id).map((line) => ({
      sku: (store().get('product.product', line.product as number)?.code as string | undefined) ?? null,
      expected: Number(line.expected_quantity),
      quantity: typeof line.quantity === 'number' ? line.quantity : null,
    })),
  }));

  return { reset: () => { sequence = 0; }, call, list };
}
