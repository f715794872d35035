// The model methods the Odoo mock serves, with their Python signatures, so that wrong argument
// names fail as Odoo's JSON-2 controller fails them (signature.bind → 422 UnprocessableEntity).
import { applyInventory, createQuants, fieldsGet, writeQuants } from './mock-quant.js';
import { OdooMockException, type OdooMockStore } from './mock-store.js';

interface MethodSpec {
  /** @api.model: called without ids. */
  apiModel: boolean;
  /** Parameter names in signature order (after self). */
  params: string[];
  required: string[];
  models?: string[];
  run(store: OdooMockStore, model: string, ids: number[], kw: Record<string, unknown>, context: Record<string, unknown>): unknown;
}

const METHODS: Record<string, MethodSpec> = {
  // search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs)
  search_read: { apiModel: true, params: ['domain', 'fields', 'offset', 'limit', 'order', 'load'], required: [], run: (s, m, _ids, kw) => s.searchRead(m, kw) },
  // @api.model_create_multi create(self, vals_list)
  create: {
    apiModel: true, params: ['vals_list'], required: ['vals_list'],
    run: (s, m, _ids, kw, context) => (m === 'stock.quant' ? createQuants(s, kw.vals_list, context) : s.create(m, kw.vals_list)),
  },
  // write(self, vals)
  write: {
    apiModel: false, params: ['vals'], required: ['vals'],
    run: (s, m, ids, kw, context) => (m === 'stock.quant' ? writeQuants(s, ids, kw.vals as Record<string, unknown>, context) : s.write(m, ids, kw.vals as Record<string, unknown>)),
  },
  // stock.quant action_apply_inventory(self)
  action_apply_inventory: { apiModel: false, params: [], required: [], models: ['stock.quant'], run: (s, _m, ids, _kw, context) => applyInventory(s, ids, context) },
  // @api.model fields_get(self, allfields=None, attributes=None)
  fields_get: { apiModel: true, params: ['allfields', 'attributes'], required: [], run: (s, m, _ids, kw) => fieldsGet(s, m, kw) },
  action_confirm: { apiModel: false, params: [], required: [], models: ['sale.order'], run: (s, _m, ids) => s.confirm(ids) },
  action_cancel: { apiModel: false, params: [], required: [], models: ['sale.order'], run: (s, _m, ids, _kw, context) => s.cancel(ids, context) },
  context_get: { apiModel: true, params: [], required: [], models: ['res.users'], run: () => ({ lang: 'en_US', tz: 'UTC', uid: 2 }) },
};

const unprocessable = (message: string): OdooMockException => new OdooMockException('werkzeug.exceptions.UnprocessableEntity', message, 422);

export function invoke(store: OdooMockStore, model: string, method: string, ids: number[], kw: Record<string, unknown>, context: Record<string, unknown>): unknown {
  store.table(model); // 404 for an unknown model
  store.calls.push({ model, method, ids, kw, context });
  const spec = METHODS[method];
  if (!spec || (spec.models && !spec.models.includes(model))) {
    throw new OdooMockException('werkzeug.exceptions.NotFound', `The method '${method}' does not exist on the model '${model}'`, 404);
  }
  if (spec.apiModel && ids.length > 0) throw unprocessable(`cannot call ${model}.${method} with ids`);
  for (const name of Object.keys(kw)) if (!spec.params.includes(name)) throw unprocessable(`got an unexpected keyword argument '${name}'`);
  for (const name of spec.required) if (!(name in kw)) throw unprocessable(`missing a required argument: '${name}'`);
  return spec.run(store, model, ids, kw, context);
}

/**
 * execute_kw(db, uid, password, model, method, args, kwargs): ids are args[0] unless the method
 * is @api.model; `create` given one dict answers one id (odoo/api.py _call_kw_model_create).
 */
export function toNamedCall(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): {
  ids: number[]; kw: Record<string, unknown>; context: Record<string, unknown>; single: boolean;
} {
  const spec = METHODS[method];
  const { context = {}, ...kw } = kwargs as { context?: Record<string, unknown> } & Record<string, unknown>;
  if (!spec) return { ids: [], kw, context, single: false };
  if (method === 'create' && args.length === 0) {
    throw new OdooMockException('builtins.IndexError', 'tuple index out of range', 500);
  }
  const rest = spec.apiModel ? args : args.slice(1);
  const ids = spec.apiModel ? [] : (args[0] as number[] | undefined) ?? [];
  let single = false;
  rest.forEach((value, i) => {
    const name = spec.params[i];
    if (name === undefined) throw new OdooMockException('builtins.TypeError', `${model}.${method}() takes ${spec.params.length + 1} positional arguments`, 500);
    if (method === 'create' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      single = true;
      kw[name] = [value];
    } else {
      kw[name] = value;
    }
  });
  return { ids, kw, context, single };
}
