// Odoo search domains for the mock: prefix-notation '&', '|', '!' over [field, operator, value] terms.

export type Row = Record<string, unknown> & { id: number };

export class DomainError extends Error {}

export function matchesDomain(row: Row, domain: unknown): boolean {
  if (domain === undefined || domain === null || domain === false) return true;
  if (!Array.isArray(domain)) throw new DomainError(`Invalid domain: ${JSON.stringify(domain)}`);
  const items = [...domain];
  const results: boolean[] = [];
  // Evaluate right to left: operators pop their operands; leftover results are AND-ed (implicit '&').
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item === '!') results.push(!pop(results));
    else if (item === '&') results.push(pop(results) && pop(results));
    else if (item === '|') { const a = pop(results); const b = pop(results); results.push(a || b); }
    else results.push(matchesTerm(row, item));
  }
  return results.every(Boolean);
}

function pop(results: boolean[]): boolean {
  const value = results.pop();
  if (value === undefined) throw new DomainError('Invalid domain: an operator lacks operands');
  return value;
}

function matchesTerm(row: Row, term: unknown): boolean {
  if (!Array.isArray(term) || term.length !== 3 || typeof term[0] !== 'string' || typeof term[1] !== 'string') {
    throw new DomainError(`Invalid leaf ${JSON.stringify(term)}`);
  }
  const [field, operator, value] = term as [string, string, unknown];
  const actual = row[field] ?? false;
  switch (operator) {
    case '=': return actual === value;
    case '!=': return actual !== value;
    case 'in': return Array.isArray(value) && value.includes(actual);
    case 'not in': return Array.isArray(value) && !value.includes(actual);
    case '=ilike': return typeof actual === 'string' && typeof value === 'string' && likeRegex(value).test(actual);
    case 'ilike': return typeof actual === 'string' && typeof value === 'string' && likeRegex(`%${value}%`).test(actual);
    case '>': return compare(actual, value) > 0;
    case '>=': return compare(actual, value) >= 0;
    case '<': return compare(actual, value) < 0;
    case '<=': return compare(actual, value) <= 0;
    default: throw new DomainError(`Invalid operator ${JSON.stringify(operator)}`);
  }
}

/** SQL ILIKE: `%` any run, `_` one character, backslash escapes. */
function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i] ?? '');
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegex(char);
  }
  return new RegExp(`^${source}$`, 'is');
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
