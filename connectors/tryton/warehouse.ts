// Tryton's warehouses: `stock.location` records of type `warehouse`, each with its required
// `storage_location` (trytond modules/stock location.py; a fresh 6.0 database has one, code `WH`,
// with the storage zone `STO` and a lost-and-found location, location.xml).
import type { TrytonClient } from './client.js';
import { TrytonError } from './errors.js';

export interface TrytonWarehouse { id: number; name?: unknown; code?: unknown; storage_location?: unknown }

/** Every warehouse, oldest first: stock.location search_read [domain, offset, limit, order, fields]. */
export async function listWarehouses(client: TrytonClient): Promise<TrytonWarehouse[]> {
  const warehouses = await client.model<TrytonWarehouse[]>('stock.location', 'search_read',
    [[['type', '=', 'warehouse']], 0, null, [['id', 'ASC']], ['name', 'code', 'storage_location']]);
  if (!Array.isArray(warehouses)) throw new TrytonError('protocol', 'Tryton stock.location.search_read did not answer with a list');
  return warehouses;
}

/** How ordersync names a warehouse: its code, else its name. */
export function warehouseLabel(warehouse: TrytonWarehouse): string {
  if (typeof warehouse.code === 'string' && warehouse.code) return warehouse.code;
  if (typeof warehouse.name === 'string' && warehouse.name) return warehouse.name;
  return `warehouse ${warehouse.id}`;
}

export interface StorageLocation { id: number; warehouse: string }

/**
 * The storage location of the warehouse `wanted` names (its code, else its name, exactly), or of
 * the first warehouse when `wanted` is not set. Throws a message naming the warehouses there are.
 */
export function pickStorage(warehouses: readonly TrytonWarehouse[], wanted: string | undefined): StorageLocation {
  const known = warehouses.map((w) => (typeof w.name === 'string' && w.name && w.name !== warehouseLabel(w) ? `${warehouseLabel(w)} (${w.name})` : warehouseLabel(w))).join(', ');
  let warehouse: TrytonWarehouse | undefined;
  if (wanted === undefined) {
    warehouse = warehouses[0];
    if (!warehouse) throw new TrytonError('user', 'Tryton has no warehouse (no stock.location of type "warehouse"); create one in Tryton (Inventory & Stock › Locations)');
  } else {
    const byCode = warehouses.filter((w) => w.code === wanted);
    const byName = warehouses.filter((w) => w.name === wanted);
    const matches = byCode.length > 0 ? byCode : byName;
    if (matches.length === 0) {
      throw new TrytonError('user', `Tryton has no warehouse with code or name "${wanted}" (stockWarehouse); its warehouses: ${known || 'none'}`);
    }
    if (matches.length > 1) {
      throw new TrytonError('user', `several Tryton warehouses are named "${wanted}" (ids ${matches.map((w) => w.id).join(', ')}); set stockWarehouse to a warehouse code instead`);
    }
    warehouse = matches[0]!;
  }
  const storage = warehouse.storage_location;
  if (typeof storage !== 'number') throw new TrytonError('user', `Tryton warehouse ${warehouseLabel(warehouse)} has no storage location`);
  return { id: storage, warehouse: warehouseLabel(warehouse) };
}
