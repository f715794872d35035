// Checks a value against a definition of the Orders API model (Swagger 2), when the reference
// folder is present: types, required fields, enums, and no field the spec does not define.
import { existsSync, readFileSync } from 'node:fs';

const FILE = new URL('../../../../shared/reference/specs/amazon-orders-2026-01-01.json', import.meta.url);
const LISTINGS_FILE = new URL('../../../../shared/reference/specs/amazon-listings-items-2021-08-01.json', import.meta.url);
export const specPresent = existsSync(FILE);
export const listingsSpecPresent = existsSync(LISTINGS_FILE);
const load = (file: URL, present: boolean) => present ? JSON.parse(readFileSync(file, 'utf8')) as { definitions: Record<string, Schema> } : { definitions: {} };
const spec = load(FILE, specPresent);
const listingsSpec = load(LISTINGS_FILE, listingsSpecPresent);

interface Schema {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
}

export function violations(definition: string, value: unknown): string[] {
  return check({ $ref: `#/definitions/${definition}` }, value, '$');
}

/** The same check against the Listings Items API 2021-08-01 model. */
export function listingsViolations(definition: string, value: unknown): string[] {
  return check({ $ref: `#/definitions/${definition}` }, value, '$', listingsSpec.definitions);
}

function check(schema: Schema, value: unknown, at: string, definitions = spec.definitions): string[] {
  if (schema.$ref) {
    const target = definitions[schema.$ref.replace('#/definitions/', '')];
    return target ? check(target, value, at, definitions) : [`${at}: unknown ${schema.$ref}`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  switch (schema.type) {
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
      const record = value as Record<string, unknown>;
      const missing = (schema.required ?? []).filter((key) => record[key] === undefined).map((key) => `${at}.${key}: required`);
      const fields = Object.entries(record).flatMap(([key, field]) => {
        const property = schema.properties?.[key];
        return property ? check(property, field, `${at}.${key}`, definitions) : [`${at}.${key}: not in the spec`];
      });
      return [...missing, ...fields];
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => check(schema.items ?? {}, item, `${at}[${i}]`, definitions)) : [`${at}: expected an array`];
    case 'string': return typeof value === 'string' ? [] : [`${at}: expected a string`];
    case 'integer': return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
    case 'number': return typeof value === 'number' ? [] : [`${at}: expected a number`];
    case 'boolean': return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`];
    default: return [];
  }
}

const FEEDS_FILE = new URL('../../../../shared/reference/specs/amazon-feeds-2021-06-30.json', import.meta.url);
export const feedsSpecPresent = existsSync(FEEDS_FILE);
const feedsSpec = load(FEEDS_FILE, feedsSpecPresent);

/** The same check against the Feeds API 2021-06-30 model. */
export function feedsViolations(definition: string, value: unknown): string[] {
  return check({ $ref: `#/definitions/${definition}` }, value, '$', feedsSpec.definitions);
}
