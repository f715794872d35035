// OrderListOptions as Vendure's ListQueryBuilder applies them (service/helpers/list-query-builder):
// filter operators (DateOperators.after is `>`, before `<`, between inclusive), `_and`/`_or`,
// filterOperator AND|OR, one sort field, skip/take with `take` capped by adminListQueryLimit.
import { GraphQLError } from 'graphql';
import type { MockOrder } from './mock-data.js';

export const ADMIN_LIST_QUERY_LIMIT = 1000; // apiOptions.adminListQueryLimit default

type Operators = Record<string, unknown>;
type Filter = Record<string, Operators | Filter[] | undefined> & { _and?: Filter[]; _or?: Filter[] };

export interface ListOptions {
  skip?: number | null;
  take?: number | null;
  sort?: Record<string, 'ASC' | 'DESC' | undefined> | null;
  filter?: Filter | null;
  filterOperator?: 'AND' | 'OR' | null;
}

const FIELD: Record<string, (order: MockOrder) => unknown> = {
  customerLastName: (o) => (o.customer as { lastName?: string } | null)?.lastName ?? null,
  transactionId: (o) => (o.payments as { transactionId?: string }[])[0]?.transactionId ?? null,
};

export function listOrders(all: MockOrder[], options: ListOptions | null | undefined): { items: MockOrder[]; totalItems: number } {
  const take = options?.take ?? ADMIN_LIST_QUERY_LIMIT;
  if (take > ADMIN_LIST_QUERY_LIMIT) {
    throw new GraphQLError(`Cannot take more than ${ADMIN_LIST_QUERY_LIMIT} results from a list query`, { extensions: { code: 'USER_INPUT_ERROR' } });
  }
  const skip = Math.max(options?.skip ?? 0, 0);
  const matching = all.filter((order) => matches(order, options?.filter ?? undefined, options?.filterOperator ?? 'AND'));
  const [field, direction] = Object.entries(options?.sort ?? {}).find(([, d]) => d !== undefined && d !== null) ?? [];
  if (field) {
    const sign = direction === 'DESC' ? -1 : 1;
    // SQL leaves ties in no particular order; the mock reverses them per request size, so a
    // client that leans on tie order breaks here as it would against a real database.
    const tie = take % 2 === 0 ? -1 : 1;
    matching.sort((a, b) => sign * compare(value(a, field), value(b, field)) || tie * compare(Number(a.id), Number(b.id)));
  }
  return { items: matching.slice(skip, skip + Math.max(take, 0)), totalItems: matching.length };
}

function matches(order: MockOrder, filter: Filter | undefined, operator: 'AND' | 'OR'): boolean {
  if (!filter) return true;
  const results: boolean[] = [];
  for (const [field, operators] of Object.entries(filter)) {
    if (operators === undefined || operators === null) continue;
    if (field === '_and') results.push((operators as Filter[]).every((f) => matches(order, f, 'AND')));
    else if (field === '_or') results.push((operators as Filter[]).some((f) => matches(order, f, 'AND')));
    else results.push(applyOperators(value(order, field), operators as Operators));
  }
  if (results.length === 0) return true;
  return operator === 'OR' ? results.some(Boolean) : results.every(Boolean);
}

function applyOperators(actual: unknown, operators: Operators): boolean {
  return Object.entries(operators).every(([op, operand]) => {
    if (operand === undefined || operand === null) return true;
    const a = normalize(actual);
    const b = normalize(operand);
    switch (op) {
      case 'eq': return a !== null && a === b;
      case 'notEq': return a !== null && a !== b;
      case 'in': return (operand as unknown[]).length > 0 && (operand as unknown[]).map(normalize).includes(a);
      case 'notIn': return (operand as unknown[]).length === 0 || !(operand as unknown[]).map(normalize).includes(a);
      case 'contains': return typeof a === 'string' && a.toLowerCase().includes(String(b).toLowerCase());
      case 'notContains': return typeof a === 'string' && !a.toLowerCase().includes(String(b).toLowerCase());
      case 'after': case 'gt': return a !== null && b !== null && a > b;
      case 'before': case 'lt': return a !== null && b !== null && a < b;
      case 'gte': return a !== null && b !== null && a >= b;
      case 'lte': return a !== null && b !== null && a <= b;
      case 'between': {
        const range = operand as { start: unknown; end: unknown };
        return a !== null && a >= normalize(range.start)! && a <= normalize(range.end)!;
      }
      case 'isNull': return operand ? a === null : a !== null;
      default: throw new GraphQLError(`Unsupported filter operator "${op}"`, { extensions: { code: 'USER_INPUT_ERROR' } });
    }
  });
}

function value(order: MockOrder, field: string): unknown {
  return FIELD[field]?.(order) ?? order[field] ?? null;
}

/** Dates compare as instants, ids as numbers (SQL integer keys), the rest as they are. */
function normalize(input: unknown): string | number | boolean | null {
  if (input === undefined || input === null) return null;
  if (input instanceof Date) return input.getTime();
  if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(input)) return Date.parse(input);
  if (typeof input === 'string' && /^\d+$/.test(input)) return Number(input);
  return input as string | number | boolean;
}

function compare(a: unknown, b: unknown): number {
  const x = normalize(a);
  const y = normalize(b);
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : 1;
}
