// Frappe list filters for the mock: `[[field, op, value]]`, `[[doctype, field, op, value]]` or `{field: value | [op, value]}`.

export class FilterError extends Error {}

type Condition = { field: string; op: string; value: unknown };

export function parseFilters(raw: string | null): Condition[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new FilterError(`Invalid filters: ${raw.slice(0, 80)}`);
  }
  if (Array.isArray(parsed)) {
    return parsed.map((entry) => {
      if (!Array.isArray(entry) || entry.length < 3) throw new FilterError(`Invalid filter: ${JSON.stringify(entry)}`);
      const [field, op, value] = entry.length === 4 ? entry.slice(1) : entry;
      return { field: String(field), op: String(op).toLowerCase(), value };
    });
  }
  if (parsed && typeof parsed === 'object') {
    return Object.entries(parsed).map(([field, value]) =>
      Array.isArray(value) ? { field, op: String(value[0]).toLowerCase(), value: value[1] } : { field, op: '=', value });
  }
  throw new FilterError('filters must be a list or an object');
}

export function matches(doc: Record<string, unknown>, conditions: Condition[]): boolean {
  return conditions.every(({ field, op, value }) => {
    const actual = doc[field];
    switch (op) {
      case '=': return actual === value;
      case '!=': return actual !== value;
      case 'in': return Array.isArray(value) && value.includes(actual);
      case 'not in': return Array.isArray(value) && !value.includes(actual);
      case 'like': return typeof actual === 'string' && new RegExp(`^${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`, 'i').test(actual);
      default: throw new FilterError(`Unsupported operator ${op}`);
    }
  });
}
