// Checks mock answers against eBay's own OpenAPI contract when the reference folder is present
// (../shared/reference/specs, outside the product): types, nesting, and no property the spec lacks.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema };
export interface Spec { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, { responses: Record<string, { 'x-response-codes'?: { errors: Record<string, unknown> } }> }>> }

const SPEC_FILE = resolve(process.cwd(), '../shared/reference/specs/ebay-sell-fulfillment-v1.json');

export function loadSpec(): Spec | undefined {
  return existsSync(SPEC_FILE) ? (JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec) : undefined;
}

/** Every place `value` departs from the named schema, as "path: problem". */
export function violations(spec: Spec, schemaName: string, value: unknown): string[] {
  const problems: string[] = [];
  const visit = (schema: Schema, node: unknown, path: string): void => {
    if (schema.$ref) return visit(spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!, node, path);
    const type = schema.type ?? (schema.properties ? 'object' : undefined);
    if (type === 'object') {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return void problems.push(`${path}: expected an object`);
      for (const [key, child] of Object.entries(node)) {
        const property = schema.properties?.[key];
        if (!property) problems.push(`${path}.${key}: not in the spec`);
        else visit(property, child, `${path}.${key}`);
      }
    } else if (type === 'array') {
      if (!Array.isArray(node)) return void problems.push(`${path}: expected an array`);
      node.forEach((item, i) => visit(schema.items ?? {}, item, `${path}[${i}]`));
    } else if (type === 'integer' && !Number.isInteger(node)) problems.push(`${path}: expected an integer`);
    else if (type === 'number' && typeof node !== 'number') problems.push(`${path}: expected a number`);
    else if (type === 'string' && typeof node !== 'string') problems.push(`${path}: expected a string`);
    else if (type === 'boolean' && typeof node !== 'boolean') problems.push(`${path}: expected a boolean`);
  };
  visit({ $ref: `#/components/schemas/${schemaName}` }, value, '$');
  return problems;
}

/** The error ids the spec documents for one operation and status. */
export function documentedErrorIds(spec: Spec, path: string, method: string, status: string): number[] {
  return Object.keys(spec.paths[path]?.[method]?.responses[status]?.['x-response-codes']?.errors ?? {}).map(Number);
}
