// Routing decides which targets receive an order: each rule names a target and the orders it
// takes (`when`) or refuses (`unless`). Without any rules, every order goes to every target.
import { z } from 'zod';
import { FINANCIAL_STATUSES, FULFILLED_BY, FULFILLMENT_STATUSES, type Order } from '../model/index.js';

const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.infer<T>[]);

export const ConditionsSchema = z.strictObject({
  channel: oneOrMany(z.string()).optional(),
  channelKind: oneOrMany(z.string()).optional(),
  fulfilledBy: oneOrMany(z.enum(FULFILLED_BY)).optional(),
  financialStatus: oneOrMany(z.enum(FINANCIAL_STATUSES)).optional(),
  fulfillmentStatus: oneOrMany(z.enum(FULFILLMENT_STATUSES)).optional(),
  /** Shipping country, ISO 3166 alpha-2. */
  country: oneOrMany(z.string().length(2).toUpperCase()).optional(),
  /** Any line's SKU starts with one of these. */
  skuPrefix: oneOrMany(z.string().min(1)).optional(),
  /** Any of these tags is on the order. */
  tags: oneOrMany(z.string()).optional(),
  /** Order total in minor units (e.g. 10000 = 100.00 EUR). */
  minTotal: z.number().int().optional(),
  maxTotal: z.number().int().optional(),
});

export const RouteSchema = z.strictObject({
  target: z.string().min(1),
  when: ConditionsSchema.optional(),
  unless: ConditionsSchema.optional(),
});

export type Conditions = z.infer<typeof ConditionsSchema>;
export type Route = z.infer<typeof RouteSchema>;

export interface RouteDecision {
  target: string;
  reason: string;
}

/** Every target that takes the order, with the rule that decided it. */
export function routeOrder(order: Order, routes: readonly Route[] | undefined, targets: readonly string[]): RouteDecision[] {
  if (!routes || routes.length === 0) return targets.map((target) => ({ target, reason: 'no routing rules: every order goes everywhere' }));
  const decisions: RouteDecision[] = [];
  routes.forEach((rule, index) => {
    if (decisions.some((d) => d.target === rule.target)) return;
    if (rule.when && !matches(order, rule.when)) return;
    if (rule.unless && matches(order, rule.unless)) return;
    decisions.push({ target: rule.target, reason: `routing[${index}]${rule.when ? ` when ${describe(rule.when)}` : ''}${rule.unless ? ` unless ${describe(rule.unless)}` : ''}` });
  });
  return decisions;
}

/** Why each target does not take the order, for `push --dry-run`. */
export function unroutedTargets(order: Order, routes: readonly Route[] | undefined, targets: readonly string[]): string[] {
  const taken = new Set(routeOrder(order, routes, targets).map((d) => d.target));
  return targets.filter((t) => !taken.has(t));
}

export function matches(order: Order, conditions: Conditions): boolean {
  const within = <T>(allowed: readonly T[] | undefined, value: T) => !allowed || allowed.includes(value);
  return within(conditions.channel, order.channel)
    && within(conditions.channelKind, order.channelKind)
    && within(conditions.fulfilledBy, order.fulfilledBy)
    && within(conditions.financialStatus, order.financialStatus)
    && within(conditions.fulfillmentStatus, order.fulfillmentStatus)
    && (!conditions.country || conditions.country.includes(order.shippingAddress?.countryCode ?? ''))
    && (!conditions.skuPrefix || order.lines.some((line) => conditions.skuPrefix!.some((p) => line.sku?.startsWith(p))))
    && (!conditions.tags || order.tags.some((tag) => conditions.tags!.includes(tag)))
    && (conditions.minTotal === undefined || order.total.amount >= conditions.minTotal)
    && (conditions.maxTotal === undefined || order.total.amount <= conditions.maxTotal);
}

function describe(conditions: Conditions): string {
  return Object.entries(conditions).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`).join(', ');
}
