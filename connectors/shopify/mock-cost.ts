// The mock's cost accounting: a leaky bucket per app+shop that must hold a query's requested cost
// before it runs and is refunded the difference to the actual cost afterwards
// (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits; the older "Call limit" page
// words it: "the app's bucket must have enough room for the requested cost of the query; then,
// once execution is complete, the bucket is refunded the difference").
import { getOperationAST, type DocumentNode, type FieldNode } from 'graphql';
import { CONNECTION_BASE_COST, collectFields, connectionSize, fragmentsOf } from './query-cost.js';

export interface BucketFigures {
  /** Bucket size in points. */
  maximumAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

// The long-published Standard-plan figures (bucket 1,000, restore 50/s), still what most clients
// assume. The current rate-limits page lists restore rates of 100 (Standard), 200 (Advanced),
// 1,000 (Plus) and 2,000 (Enterprise) points/s; pass those through mock options to model a plan.
export const DEFAULT_BUCKET: BucketFigures = { maximumAvailable: 1000, restoreRate: 50 };

export class CostBucket {
  private points: number;
  private updatedAt: number;

  constructor(readonly figures: BucketFigures, private readonly now: () => number) {
    this.points = figures.maximumAvailable;
    this.updatedAt = now();
  }

  get currentlyAvailable(): number {
    const now = this.now();
    this.points = Math.min(this.figures.maximumAvailable, this.points + ((now - this.updatedAt) / 1000) * this.figures.restoreRate);
    this.updatedAt = now;
    return this.points;
  }

  /** Takes `cost` points when the bucket holds them; false means THROTTLED. */
  charge(cost: number): boolean {
    if (this.currentlyAvailable < cost) return false;
    this.points -= cost;
    return true;
  }

  refund(points: number): void {
    this.points = Math.min(this.figures.maximumAvailable, this.currentlyAvailable + Math.max(0, points));
  }

  status(): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } {
    return { maximumAvailable: this.figures.maximumAvailable, currentlyAvailable: Math.floor(this.currentlyAvailable), restoreRate: this.figures.restoreRate };
  }
}

/**
 * The cost of what a query actually returned: connections charge 2 plus each item returned,
 * objects 1 (a null object ends the branch), lists of objects their costliest element.
 */
export function actualQueryCost(document: DocumentNode, data: unknown, variables: Record<string, unknown>, operationName?: string): number {
  const operation = getOperationAST(document, operationName);
  if (!operation || !isRecord(data)) return 0;
  const fragments = fragmentsOf(document);
  const walk = (fields: FieldNode[], value: Record<string, unknown>): number => fields.reduce((sum, field) => {
    if (!field.selectionSet || field.name.value.startsWith('__')) return sum;
    const result = value[field.alias?.value ?? field.name.value];
    const children = collectFields(field.selectionSet, fragments);
    if (connectionSize(field, variables) !== undefined) return sum + CONNECTION_BASE_COST + (isRecord(result) ? items(children, result) : 0);
    if (Array.isArray(result)) return sum + 1 + Math.max(0, ...result.filter(isRecord).map((item) => walk(children, item)));
    return sum + 1 + (isRecord(result) ? walk(children, result) : 0);
  }, 0);
  const items = (connectionFields: FieldNode[], value: Record<string, unknown>): number => connectionFields.reduce((sum, field) => {
    const name = field.name.value;
    const result = value[field.alias?.value ?? name];
    if (!field.selectionSet || name === 'pageInfo') return sum;
    const inner = collectFields(field.selectionSet, fragments);
    if (name === 'nodes' && Array.isArray(result)) return sum + result.filter(isRecord).reduce((s, node) => s + 1 + walk(inner, node), 0);
    if (name === 'edges' && Array.isArray(result)) {
      const nodeField = inner.find((f) => f.name.value === 'node' && f.selectionSet);
      if (!nodeField?.selectionSet) return sum;
      const nodeChildren = collectFields(nodeField.selectionSet, fragments);
      return sum + result.filter(isRecord).reduce((s, edge) => s + (isRecord(edge.node) ? 1 + walk(nodeChildren, edge.node) : 0), 0);
    }
    return sum + walk([field], value);
  }, 0);
  return walk(collectFields(operation.selectionSet, fragments), data);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
