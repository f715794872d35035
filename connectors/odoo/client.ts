// Every Odoo call ordersync makes, over JSON-2 (Odoo 19+) or the legacy JSON-RPC (≤ 18).
// Calls are expressed once, JSON-2 style (named arguments), and translated for JSON-RPC.
import type { ConnectorContext, HttpClient } from '../../src/connector-kit/index.js';
import { HttpError } from '../../src/connector-kit/index.js';
import { OdooError, statusOfException } from './errors.js';
import type { OdooSettings } from './settings.js';
import { OdooJson2Error, OdooJsonRpcResponse } from './types.js';

export interface OdooCall {
  model: string;
  method: string;
  /** Records the method runs on; omitted for @api.model methods (search_read, create). */
  ids?: number[];
  /** The method's parameters by name, e.g. `{ domain, fields, limit }` or `{ vals_list }`. */
  params?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

export interface OdooClient {
  call<T = unknown>(call: OdooCall): Promise<T>;
}

/**
 * Methods that change nothing in Odoo. A delivery makes six or seven calls, so one transient
 * failure among them would send the whole delivery round again: reads are retried in place
 * (a 429 still goes back to the push queue, which pauses the target). Writes never are: the
 * push engine retries the delivery, which looks up before it creates.
 */
const READ_METHODS = new Set(['search_read', 'read', 'search', 'search_count', 'name_search', 'fields_get', 'context_get', 'login']);
const READ_RETRIES = 2;

function retriesFor(method: string): { retries: number; retryThrottled: false } {
  return { retries: READ_METHODS.has(method) ? READ_RETRIES : 0, retryThrottled: false };
}

export function odooClient(ctx: ConnectorContext<OdooSettings>): OdooClient {
  const { settings } = ctx;
  const http = ctx.http({
    baseURL: settings.url,
    // The push engine owns retries of anything that writes; see READ_METHODS.
    retry: { retries: 0, baseDelayMs: 200, maxDelayMs: 2_000 },
    allowInsecure: settings.allowInsecure,
    headers: settings.protocol === 'json2'
      ? { authorization: `bearer ${settings.apiKey}`, ...(settings.database ? { 'x-odoo-database': settings.database } : {}) }
      : {},
  });
  return settings.protocol === 'json2' ? json2Client(http) : jsonRpcClient(http, ctx);
}

// POST /json/2/<model>/<method> — https://www.odoo.com/documentation/19.0/developer/reference/external_api.html
// Named arguments only; success is 200 + the JSON return value, errors 4xx/5xx + {name, message, …}.
function json2Client(http: HttpClient): OdooClient {
  return {
    async call<T>({ model, method, ids, params, context }: OdooCall): Promise<T> {
      try {
        const response = await http.request<T>({
          method: 'POST',
          path: `/json/2/${model}/${method}`,
          body: { ...(ids ? { ids } : {}), ...(context ? { context } : {}), ...params },
          ...retriesFor(method),
        });
        return response.data;
      } catch (error) {
        if (error instanceof HttpError && error.failure === 'status') {
          const body = parseJson2Error(error.body);
          if (body) throw new OdooError(body.name, body.message, error.status);
        }
        throw error;
      }
    },
  };
}

// The login per context: one `common.login` per run, not per delivery.
const uids = new WeakMap<object, Promise<number>>();

// POST /jsonrpc, services common/object — https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
// (deprecated since 19.0, removal planned for Odoo 22). Errors come as HTTP 200 + {"error": {"data": {name, message}}}.
function jsonRpcClient(http: HttpClient, ctx: ConnectorContext<OdooSettings>): OdooClient {
  const { database = '', login = '', apiKey } = ctx.settings;
  let sequence = 0;

  /** `retryAs`: the method whose retry rule applies (execute_kw's model method, or login). */
  async function rpc(service: string, method: string, args: unknown[], retryAs: string): Promise<unknown> {
    const response = await http.request<unknown>({
      method: 'POST',
      path: '/jsonrpc',
      body: { jsonrpc: '2.0', method: 'call', id: ++sequence, params: { service, method, args } },
      ...retriesFor(retryAs),
    });
    const parsed = OdooJsonRpcResponse.safeParse(response.data);
    if (!parsed.success) throw new OdooError('ordersync.BadResponse', 'the /jsonrpc answer is not a JSON-RPC 2.0 response', 500);
    if ('error' in parsed.data) {
      const { data, message } = parsed.data.error;
      const name = data.name;
      throw new OdooError(name, data.message ?? message, statusOfException(name));
    }
    return parsed.data.result;
  }

  function uid(): Promise<number> {
    let pending = uids.get(ctx);
    if (!pending) {
      pending = rpc('common', 'login', [database, login, apiKey], 'login').then((value) => {
        if (typeof value !== 'number') throw new OdooError('odoo.exceptions.AccessDenied', `login "${login}" on database "${database}" was refused`, 401);
        return value;
      });
      pending.catch(() => uids.delete(ctx));
      uids.set(ctx, pending);
    }
    return pending;
  }

  return {
    async call<T>({ model, method, ids, params = {}, context }: OdooCall): Promise<T> {
      const { args, kwargs } = toExecuteKw(method, ids, params);
      const result = await rpc('object', 'execute_kw', [database, await uid(), apiKey, model, method, args, { ...kwargs, ...(context ? { context } : {}) }], method);
      return result as T;
    },
  };
}

/**
 * execute_kw takes positional `args` (record ids first) plus `kwargs`. `create` must get its
 * values positionally: odoo/api.py reads `args[0]` to decide between one id and a list of ids.
 */
export function toExecuteKw(method: string, ids: number[] | undefined, params: Record<string, unknown>): { args: unknown[]; kwargs: Record<string, unknown> } {
  if (method === 'create') {
    const { vals_list: valsList, ...rest } = params;
    return { args: [valsList], kwargs: rest };
  }
  return { args: ids ? [ids] : [], kwargs: params };
}

/**
 * The error body, even when the shared client cut it short: Odoo writes `name` and `message`
 * first and the (long) `debug` traceback last, so the head still holds what we need.
 */
export function parseJson2Error(text: string): { name: string; message: string } | undefined {
  try {
    const parsed = OdooJson2Error.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // cut short: fall through to the head of the body
  }
  const name = /"name"\s*:\s*"([\w.]+)"/.exec(text)?.[1];
  const message = /"message"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  if (!name || !message) return undefined;
  return { name, message: JSON.parse(message) as string };
}
