// The query language of Medusa 2 list routes, as far as the mock speaks it: qs-style operator
// filters (`updated_at[$gte]=…`, `id[$gt]=…`, `id[]=…`), `order=field|-field`, `limit`/`offset`
// validated as numbers, and `fields` selection (`+f` adds to the defaults, `-f` removes, `*rel`
// expands a relation, `rel.f` picks inside one; unknown fields are ignored, as the server does).

export type Row = Record<string, unknown>;

export interface ListQuery {
  limit: number;
  offset: number;
  order: { field: string; desc: boolean } | undefined;
  filters: ((row: Row) => boolean)[];
  fields: string | undefined;
}

/** An error the real server answers with: [status, body]. */
export type QueryError = [number, Record<string, string>];

const UNKNOWN: QueryError = [500, { code: 'unknown_error', type: 'unknown_error', message: 'An unknown error occurred.' }];
const COMPARE: Record<string, (a: number | string, b: number | string) => boolean> = {
  $eq: (a, b) => a === b, $ne: (a, b) => a !== b, $gt: (a, b) => a > b, $gte: (a, b) => a >= b, $lt: (a, b) => a < b, $lte: (a, b) => a <= b,
};
const DATE_FIELDS = new Set(['created_at', 'updated_at']);

export function parseListQuery(
  query: URLSearchParams,
  options: { defaultLimit: number; filterable: string[]; sortable: string[]; valueOnly?: string[] },
): ListQuery | QueryError {
  const number = (name: string, fallback: number): number | QueryError => {
    const value = query.get(name);
    if (value === null || value === '') return fallback;
    if (!/^-?\d+$/.test(value)) {
      return [400, { type: 'invalid_data', message: `Invalid request: Expected type: 'number' for field '${name}', got: 'string'` }];
    }
    return Number(value) < 0 ? UNKNOWN : Number(value); // a negative limit fails in the database
  };
  const limit = number('limit', options.defaultLimit);
  if (Array.isArray(limit)) return limit;
  const offset = number('offset', 0);
  if (Array.isArray(offset)) return offset;

  let order: ListQuery['order'];
  const orderParam = query.get('order');
  if (orderParam) {
    const field = orderParam.replace(/^-/, '');
    if (!options.sortable.includes(field)) return UNKNOWN; // an unknown column fails in the database
    order = { field, desc: orderParam.startsWith('-') };
  }

  const filters: ListQuery['filters'] = [];
  const lists = new Map<string, string[]>();
  for (const [key, value] of query) {
    const match = /^(\w+)(?:\[(\$\w+)\]|\[\])?$/.exec(key);
    if (!match || !options.filterable.includes(match[1] ?? '')) continue;
    const [, field = '', op] = match;
    if (!op) {
      lists.set(field, [...(lists.get(field) ?? []), value]);
      continue;
    }
    if (options.valueOnly?.includes(field)) {
      return [400, { type: 'invalid_data', message: `Invalid request: Expected type: 'string, array' for field '${field}', got: '[object Object]'` }];
    }
    const compare = COMPARE[op];
    if (!compare) continue; // the server drops operators it does not know
    const isDate = DATE_FIELDS.has(field);
    const target = isDate ? Date.parse(value) : value;
    if (isDate && Number.isNaN(target)) return UNKNOWN; // an invalid date fails in the database
    filters.push((row) => {
      const actual = isDate ? Date.parse(String(row[field])) : String(row[field]);
      return compare(actual, target);
    });
  }
  for (const [field, values] of lists) filters.push((row) => values.includes(String(row[field])));
  return { limit, offset, order, filters, fields: query.get('fields') ?? undefined };
}

export function sortRows(rows: Row[], order: ListQuery['order']): Row[] {
  if (!order) return rows;
  const key = (row: Row) => (DATE_FIELDS.has(order.field) ? Date.parse(String(row[order.field])) : (row[order.field] as string | number));
  // Equal keys come back in no particular order from Postgres: the mock reverses them on purpose.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const [x, y] = [key(a.row), key(b.row)];
      const cmp = x < y ? -1 : x > y ? 1 : b.index - a.index;
      return order.desc && x !== y ? -cmp : cmp;
    })
    .map(({ row }) => row);
}

type Tree = Map<string, Tree | true>;

/** Applies a `fields` parameter to one row. `always` are fields the route adds whatever is asked. */
export function selectFields(row: Row, fields: string | undefined, defaults: readonly string[], always: readonly string[]): Row {
  const tokens = (fields ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const replaces = tokens.some((t) => !t.startsWith('+') && !t.startsWith('-'));
  const chosen = new Set(replaces ? [] : defaults);
  for (const token of tokens) {
    if (token.startsWith('-')) chosen.delete(token.slice(1));
    else chosen.add(token.replace(/^\+/, ''));
  }
  for (const field of always) chosen.add(field);
  const tree: Tree = new Map();
  for (const path of chosen) {
    const parts = path.replace(/^\*/, '').split('.');
    let node: Tree = tree;
    for (const [i, part] of parts.entries()) {
      const existing = node.get(part);
      if (existing === true) break; // the whole relation is already chosen
      if (i === parts.length - 1) {
        node.set(part, true);
        break;
      }
      const child: Tree = existing ?? new Map();
      node.set(part, child);
      node = child;
    }
  }
  return pickTree(row, tree) as Row;
}

function pickTree(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((item) => pickTree(item, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Row = {};
  for (const [key, sub] of tree) {
    if (!(key in (value as Row))) continue; // unknown fields are ignored
    const inner = (value as Row)[key];
    out[key] = sub === true ? inner : pickTree(inner, sub);
  }
  return out;
}
