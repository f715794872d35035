// The mock's reading of Shopify's search syntax (https://shopify.dev/docs/api/usage/search-syntax)
// for orders, and its Relay connections with opaque keyset cursors.
//
// Supported: `field:value`, `field:>value`, `:>=`, `:<`, `:<=` on updated_at, created_at,
// processed_at and id; terms joined by whitespace or AND. Values may be quoted ('…' or "…").
// "Date values must be a string surrounded by quotes": an unquoted date-time loses its time of
// day (as Shopify support describes for unquoted values), so only quoted stamps are exact.
// Unknown fields are ignored, as Shopify ignores search terms it cannot apply.
import { GraphQLError } from 'graphql';

export type Comparator = ':' | ':>' | ':>=' | ':<' | ':<=';
export interface SearchTerm { field: string; op: Comparator; value: string; quoted: boolean }

const TERM = /^(-?)([a-z_]+)(:>=|:<=|:>|:<|:)(?:'([^']*)'|"([^"]*)"|(\S+))$/;

export function parseSearch(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const tokens = query.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
  const terms: SearchTerm[] = [];
  for (const token of tokens) {
    if (token === 'AND' || token === 'OR') continue;
    const match = TERM.exec(token);
    if (!match || match[1] === '-') continue;
    const quotedValue = match[4] ?? match[5];
    terms.push({ field: match[2] ?? '', op: match[3] as Comparator, value: quotedValue ?? match[6] ?? '', quoted: quotedValue !== undefined });
  }
  return terms;
}

const DATE_FIELDS: Record<string, string> = { updated_at: 'updatedAt', created_at: 'createdAt', processed_at: 'processedAt' };

export function matchesSearch(order: Record<string, unknown>, terms: SearchTerm[]): boolean {
  return terms.every((term) => {
    const dateField = DATE_FIELDS[term.field];
    if (dateField) {
      const bound = searchInstant(term);
      return bound === undefined || compare(Date.parse(String(order[dateField])), term.op, bound);
    }
    if (term.field === 'id') return compare(Number(legacy(String(order.id))), term.op, Number(term.value));
    return true;
  });
}

function searchInstant(term: SearchTerm): number | undefined {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(term.value);
  const ms = Date.parse(dateOnly ? `${term.value}T00:00:00Z` : term.value);
  if (Number.isNaN(ms)) return undefined;
  return term.quoted || dateOnly ? ms : Math.floor(ms / 86_400_000) * 86_400_000;
}

function compare(value: number, op: Comparator, bound: number): boolean {
  switch (op) {
    case ':>': return value > bound;
    case ':>=': return value >= bound;
    case ':<': return value < bound;
    case ':<=': return value <= bound;
    default: return value === bound;
  }
}

export const legacy = (gid: string): string => gid.slice(gid.lastIndexOf('/') + 1);

/** The sort value of an order for a sort key; keys the mock does not model sort by id. */
export function sortValue(order: Record<string, unknown>, sortKey: string): string | number {
  if (sortKey === 'UPDATED_AT') return Date.parse(String(order.updatedAt));
  if (sortKey === 'CREATED_AT') return Date.parse(String(order.createdAt));
  if (sortKey === 'PROCESSED_AT') return Date.parse(String(order.processedAt));
  if (sortKey === 'ORDER_NUMBER') return Number(String(order.name).replace(/\D/g, ''));
  return Number(legacy(String(order.id)));
}

interface Keyed<T> { item: T; value: string | number; id: number }
export interface ConnectionArgs { first?: number | null; after?: string | null; last?: number | null; before?: string | null; reverse?: boolean | null }

// Shopify caps first/last at 250 (https://shopify.dev/docs/api/usage/limits); wording UNCONFIRMED.
const MAX_PAGE = 250;

/**
 * A Relay connection over `items` ordered by (value, id), with cursors that encode the last
 * item's sort value and id (the shape Shopify's base64 cursors decode to). A cursor therefore
 * points at a position in the ordering, not an offset: items that move never shift the rest.
 */
export function connection<T>(items: T[], keyOf: (item: T) => { value: string | number; id: number }, args: ConnectionArgs) {
  if (args.first == null && args.last == null) throw new GraphQLError('you must provide one of first or last');
  for (const [name, size] of [['first', args.first], ['last', args.last]] as const) {
    if (size != null && (size < 0 || size > MAX_PAGE)) throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE}.`);
  }
  const direction = args.reverse ? -1 : 1;
  const order = (a: { value: string | number; id: number }, b: { value: string | number; id: number }) =>
    direction * (a.value < b.value ? -1 : a.value > b.value ? 1 : a.id - b.id);
  let keyed: Keyed<T>[] = items.map((item) => ({ item, ...keyOf(item) })).sort(order);
  if (args.after) { const at = decodeCursor(args.after); keyed = keyed.filter((k) => order(k, at) > 0); }
  if (args.before) { const at = decodeCursor(args.before); keyed = keyed.filter((k) => order(k, at) < 0); }
  let page = keyed;
  if (args.first != null) page = page.slice(0, args.first);
  if (args.last != null) page = page.slice(Math.max(0, page.length - args.last));
  const edges = page.map((k) => ({ cursor: encodeCursor(k), node: k.item }));
  const hasNextPage = args.first != null ? keyed.length > page.length : Boolean(args.before);
  const hasPreviousPage = args.last != null ? keyed.length > page.length : Boolean(args.after);
  return {
    edges, nodes: page.map((k) => k.item),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function encodeCursor(key: { value: string | number; id: number }): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString('base64');
}

function decodeCursor(cursor: string): { value: string | number; id: number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown; last_value?: unknown };
    if (typeof parsed.last_id === 'number' && (typeof parsed.last_value === 'number' || typeof parsed.last_value === 'string')) {
      return { id: parsed.last_id, value: parsed.last_value };
    }
  } catch { /* fall through */ }
  throw new GraphQLError('Invalid cursor for current pagination sort.'); // wording UNCONFIRMED
}
