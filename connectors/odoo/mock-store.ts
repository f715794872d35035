// The records of the Odoo mock and the ORM methods it serves, with Odoo's own exceptions.
import { DomainError, matchesDomain, type Row } from './mock-domain.js';
import { seedOdoo } from './mock-data.js';

export class OdooMockException extends Error {
  constructor(readonly exception: string, message: string, readonly status: number) {
    super(message);
  }
}

const userError = (message: string): OdooMockException => new OdooMockException('odoo.exceptions.UserError', message, 422);
const missing = (model: string, ids: number[]): OdooMockException =>
  new OdooMockException('odoo.exceptions.MissingError', `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: 2)`, 404);

/** Which fields are many2one (rendered `[id, name]` by search_read) and what they point to. */
const MANY2ONE: Record<string, Record<string, string>> = {
  'sale.order': { partner_id: 'res.partner', pricelist_id: 'product.pricelist' },
  'sale.order.line': { order_id: 'sale.order', product_id: 'product.product' },
  'res.partner': { country_id: 'res.country' },
  'stock.quant': { product_id: 'product.product', location_id: 'stock.location', lot_id: 'stock.lot', package_id: 'stock.quant.package', owner_id: 'res.partner' },
  'stock.move': { product_id: 'product.product', location_id: 'stock.location', location_dest_id: 'stock.location' },
};

/** One model method the mock served, as it understood it (for tests to assert what was sent). */
export interface OdooMockCall {
  model: string;
  method: string;
  ids: number[];
  kw: Record<string, unknown>;
  context: Record<string, unknown>;
}

export class OdooMockStore {
  tables = new Map<string, Row[]>();
  duplicates = 0;
  /** Every model method served since the last reset, in order. */
  calls: OdooMockCall[] = [];
  /** "Lock Confirmed Sales" (sale.group_auto_done_setting): confirmed orders get locked. */
  lockConfirmed = false;
  private nextId = 1000;
  private orderSequence = 0;

  constructor(private readonly seed: number) {
    this.reset();
  }

  reset(): void {
    const { products, countries, partners } = seedOdoo(this.seed);
    this.tables = new Map([
      ['product.product', products], ['res.country', countries], ['res.partner', partners],
      ['sale.order', []], ['sale.order.line', []], ['product.pricelist', [{ id: 1, name: 'Default' }, { id: 2, name: 'USD' }]],
      ['res.users', [{ id: 2, login: 'bot@example.com', name: 'ordersync bot' }]],
    ]);
    this.duplicates = 0;
    this.calls = [];
    this.lockConfirmed = false;
    this.nextId = 1000;
    this.orderSequence = 0;
  }

  table(model: string): Row[] {
    const rows = this.tables.get(model);
    if (!rows) throw new OdooMockException('werkzeug.exceptions.NotFound', `the model '${model}' does not exist`, 404);
    return rows;
  }

  searchRead(model: string, kw: Record<string, unknown>): Row[] {
    const { domain, fields, offset = 0, limit, order } = kw as { domain?: unknown; fields?: string[]; offset?: number; limit?: number | false; order?: string };
    let rows: Row[];
    try {
      rows = this.table(model).filter((row) => matchesDomain(row, domain));
    } catch (error) {
      if (error instanceof DomainError) throw new OdooMockException('builtins.ValueError', error.message, 500);
      throw error;
    }
    if (typeof order === 'string' && /^id desc/i.test(order)) rows = [...rows].reverse();
    rows = rows.slice(offset, limit ? offset + limit : undefined);
    return rows.map((row) => this.render(model, row, fields));
  }

  private render(model: string, row: Row, fields: string[] | undefined): Row {
    const out: Row = { id: row.id };
    for (const field of fields && fields.length > 0 ? fields : Object.keys(row)) {
      const target = MANY2ONE[model]?.[field];
      const value = row[field] ?? false;
      if (target && typeof value === 'number') {
        const linked = this.tables.get(target)?.find((r) => r.id === value);
        out[field] = [value, String(linked?.display_name ?? linked?.name ?? `${target},${value}`)];
      } else {
        out[field] = value;
      }
    }
    return out;
  }

  create(model: string, valsList: unknown): number[] {
    if (!Array.isArray(valsList)) throw new OdooMockException('builtins.TypeError', 'vals_list must be a list of dicts', 500);
    return valsList.map((vals: Record<string, unknown>) => {
      if (model === 'res.partner') return this.insert(model, { email: false, ref: false, phone: false, country_id: false, ...vals });
      if (model === 'sale.order') return this.createOrder(vals);
      throw new OdooMockException('odoo.exceptions.AccessError', `You are not allowed to create '${model}' records.`, 403);
    });
  }

  private createOrder(vals: Record<string, unknown>): number {
    const { order_line: commands, ...fields } = vals;
    if (typeof fields.partner_id !== 'number') {
      throw new OdooMockException('odoo.exceptions.ValidationError', 'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n\nModel: Sales Order (sale.order)\nField: Customer (partner_id)', 422);
    }
    if (!this.table('res.partner').some((p) => p.id === fields.partner_id)) throw missing('res.partner', [fields.partner_id]);
    const ref = fields.client_order_ref;
    // A second live order for one reference is what idempotency must prevent (a cancelled one may be remade).
    if (typeof ref === 'string' && ref && this.table('sale.order').some((o) => o.client_order_ref === ref && o.state !== 'cancel')) this.duplicates++;
    const name = `S${String(++this.orderSequence).padStart(5, '0')}`;
    const id = this.insert('sale.order', { client_order_ref: false, origin: false, pricelist_id: 1, ...fields, name, state: 'draft', locked: false });
    this.applyLines(id, commands);
    return id;
  }

  write(model: string, ids: number[], vals: Record<string, unknown>): true {
    if (model !== 'sale.order') throw new OdooMockException('odoo.exceptions.AccessError', `You are not allowed to modify '${model}' records.`, 403);
    for (const order of this.orders(ids)) {
      const { order_line: commands, ...fields } = vals;
      if (order.locked) throw userError('Your order is locked: unlock it before editing it.');
      Object.assign(order, fields);
      this.applyLines(order.id, commands);
    }
    return true;
  }

  /** one2many commands (odoo.fields.Command): 0 CREATE, 1 UPDATE, 2 DELETE, 5 CLEAR. */
  private applyLines(orderId: number, commands: unknown): void {
    if (commands === undefined) return;
    if (!Array.isArray(commands)) throw new OdooMockException('builtins.ValueError', 'Wrong value for sale.order.order_line', 500);
    const lines = this.table('sale.order.line');
    for (const command of commands as unknown[][]) {
      const [code, lineId, vals] = command as [number, number, Record<string, unknown>];
      if (code === 5) {
        const kept = lines.filter((l) => l.order_id !== orderId);
        lines.splice(0, lines.length, ...kept);
      } else if (code === 2) {
        const index = lines.findIndex((l) => l.id === lineId && l.order_id === orderId);
        if (index < 0) throw missing('sale.order.line', [lineId]);
        lines.splice(index, 1);
      } else if (code === 1) Object.assign(lines.find((l) => l.id === lineId) ?? {}, vals);
      else if (code === 0) {
        const product = this.table('product.product').find((p) => p.id === vals.product_id);
        if (!product) throw missing('product.product', [Number(vals.product_id)]);
        this.insert('sale.order.line', { order_id: orderId, name: product.name, product_uom_qty: 1, price_unit: product.list_price, discount: 0, display_type: false, ...vals });
      } else throw new OdooMockException('builtins.ValueError', `Unknown command ${code}`, 500);
    }
  }

  confirm(ids: number[]): true {
    const orders = this.orders(ids);
    const wrong = orders.filter((o) => o.state !== 'draft' && o.state !== 'sent');
    if (wrong.length > 0) throw userError(`The following orders are not in a state requiring confirmation: ${wrong.map((o) => o.name).join(', ')}`);
    for (const order of orders) Object.assign(order, { state: 'sale', locked: this.lockConfirmed });
    return true;
  }

  /** Without `disable_cancel_warning`, a non-draft order answers with the cancel wizard and stays as is. */
  cancel(ids: number[], context: Record<string, unknown>): unknown {
    const orders = this.orders(ids);
    if (orders.some((o) => o.locked)) throw userError('You cannot cancel a locked order. Please unlock it first if you want to cancel it.');
    if (!context.disable_cancel_warning && orders.some((o) => o.state !== 'draft')) {
      return { type: 'ir.actions.act_window', res_model: 'sale.order.cancel', view_mode: 'form', target: 'new', context: { default_order_id: ids[0] } };
    }
    for (const order of orders) order.state = 'cancel';
    return true;
  }

  private orders(ids: number[]): Row[] {
    const rows = this.table('sale.order');
    const found = ids.map((id) => rows.find((row) => row.id === id));
    const absent = ids.filter((_, i) => !found[i]);
    if (absent.length > 0) throw missing('sale.order', absent);
    return found as Row[];
  }

  private insert(model: string, vals: Record<string, unknown>): number {
    const id = ++this.nextId;
    this.table(model).push({ ...vals, id });
    return id;
  }

  /** What tests and `GET /__mock/state` see: orders with their lines in Odoo's own units. */
  summary(): Record<string, unknown>[] {
    return this.table('sale.order').map((order) => ({
      id: order.id, name: order.name, state: order.state, client_order_ref: order.client_order_ref, partner_id: order.partner_id,
      pricelist_id: order.pricelist_id, date_order: order.date_order,
      lines: this.table('sale.order.line').filter((l) => l.order_id === order.id).map((l) => ({
        default_code: this.table('product.product').find((p) => p.id === l.product_id)?.default_code ?? null,
        name: l.name, product_uom_qty: l.product_uom_qty, price_unit: l.price_unit, discount: l.discount,
      })),
    }));
  }
}
