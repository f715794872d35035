// Pure rules of a stock push to Odoo: which products can hold a quantity, and what to count in
// the location so that it holds the source's figure.
import type { OdooQuant, OdooStockProduct } from './types.js';

/**
 * Why a product cannot take an on-hand quantity, or undefined when it can. Quants exist only for
 * storable products (stock_quant.py `check_product_id`: "Quants cannot be created for consumables
 * or services"): `is_storable` since 18.0, type `product` in 17.0. A lot/serial-tracked product is
 * counted per lot, which a single master figure cannot say.
 */
export function whyNotStockable(product: OdooStockProduct, withIsStorable: boolean): string | undefined {
  if (product.type === 'service' || product.type === 'combo') return `is a ${product.type} product in Odoo, which holds no stock`;
  const storable = withIsStorable ? product.is_storable === true : product.type === 'product';
  if (!storable) return `is not tracked in Odoo's inventory (${withIsStorable ? '"Track Inventory" is off' : 'not a Storable Product'}), so it holds no on-hand quantity`;
  if (product.tracking && product.tracking !== 'none') {
    return `is tracked by ${product.tracking === 'serial' ? 'serial numbers' : 'lots'} in Odoo, where quantities are counted per lot; set it in Odoo`;
  }
  return undefined;
}

export type CountPlan =
  | { kind: 'unchanged' }
  | { kind: 'write'; quantId: number; quantity: number }
  | { kind: 'create'; quantity: number }
  | { kind: 'rejected'; reason: string };

const isLoose = (quant: OdooQuant): boolean => quant.lot_id === false && quant.package_id === false && quant.owner_id === false;
// Quantities are floats in the product's unit; ours are whole units.
const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/**
 * What to count so that the location holds `quantity` in all: the loose quant (no lot, package or
 * owner — the one a count without them lands on) takes what packages and consigned stock there do
 * not already hold. Nothing when it already holds that: a repeated figure makes no adjustment move.
 * A negative figure is set as it is: Odoo keeps negative quants (a delivery validated without stock).
 */
export function planCount(quantity: number, quants: OdooQuant[], locationName: string): CountPlan {
  const loose = quants.find(isLoose);
  const elsewhere = quants.filter((q) => q !== loose).reduce((sum, q) => sum + q.quantity, 0);
  const target = quantity - elsewhere;
  if (!same(elsewhere, 0) && target < 0) {
    return { kind: 'rejected', reason: `${locationName} holds ${elsewhere} of it in packages or owned by others, more than ${quantity}; adjust those in Odoo` };
  }
  if (loose) return same(loose.quantity, target) ? { kind: 'unchanged' } : { kind: 'write', quantId: loose.id, quantity: target };
  return same(target, 0) ? { kind: 'unchanged' } : { kind: 'create', quantity: target };
}
