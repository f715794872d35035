// ERPNext as a stock target: Stock Reconciliations over real HTTP against the mock, read back
// through pullStock; unknown and non-stock items refused alone, unchanged Bins skipped, refused
// documents answered per row where ERPNext names the row, and the setting's errors.
import { afterEach, describe, expect, it } from 'vitest';
import { erpnextTarget } from '../../connectors/erpnext/index.js';
import { MOCK_ON_HAND, MOCK_WAREHOUSE } from '../../connectors/erpnext/mock-stock.js';
import { blamedRows } from '../../connectors/erpnext/stock-refusal.js';
import { lookupChunks } from '../../connectors/erpnext/stock-push.js';
import type { StockPushResult } from '../../src/connector-kit/index.js';
import { startErpnext, type ErpnextHarness } from '../connectors/erpnext/harness.js';

const FINISHED = 'Finished Goods - OS';
let h: ErpnextHarness;
afterEach(async () => { await h.running.close(); });

function push(levels: Record<string, number>): Promise<StockPushResult[]> {
  return erpnextTarget.pushStock!(h.ctx, Object.entries(levels).map(([sku, quantity]) => ({ sku, quantity, previous: null })));
}

async function pulled(): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  for await (const page of erpnextTarget.pullStock!(h.ctx)) for (const l of page.levels) levels.set(`${l.sku}@${l.location}`, l.onHand);
  return levels;
}

const answer = (results: StockPushResult[], sku: string) => results.find((r) => r.sku === sku);

describe('erpnext stock target (pushStock)', () => {
  it('sets the levels in one submitted Stock Reconciliation, which pullStock reads back', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    const results = await push({ 'MUG-12OZ': 7, 'CAP-NAVY': 0, 'TEE-BLK-M': MOCK_ON_HAND });
    expect(results).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }, { sku: 'CAP-NAVY', status: 'ok' }, { sku: 'TEE-BLK-M', status: 'ok' }]);

    // Sent: no valuation_rate, so ERPNext keeps the Bin's; TEE-BLK-M already holds 25 and is left out.
    expect(h.mock.stock.reconciliation.received).toEqual([{
      purpose: 'Stock Reconciliation', company: 'Ordersync Store', docstatus: 1,
      items: [{ item_code: 'MUG-12OZ', warehouse: MOCK_WAREHOUSE, qty: 7 }, { item_code: 'CAP-NAVY', warehouse: MOCK_WAREHOUSE, qty: 0 }],
    }]);
    const state = await h.state();
    expect(state.stockReconciliations).toEqual([{
      name: expect.stringMatching(/^MAT-RECO-\d{4}-00001$/), docstatus: 1, company: 'Ordersync Store', purpose: 'Stock Reconciliation',
      expense_account: 'Stock Adjustment - OS',
      items: [
        { item_code: 'MUG-12OZ', warehouse: MOCK_WAREHOUSE, qty: 7, valuation_rate: 6.2, allow_zero_valuation_rate: 0, current_qty: MOCK_ON_HAND },
        { item_code: 'CAP-NAVY', warehouse: MOCK_WAREHOUSE, qty: 0, valuation_rate: 9, allow_zero_valuation_rate: 0, current_qty: MOCK_ON_HAND },
      ],
    }]);

    const levels = await pulled();
    expect(levels.get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(7);
    expect(levels.get(`CAP-NAVY@${MOCK_WAREHOUSE}`)).toBe(0);
    expect(levels.get(`TEE-BLK-M@${MOCK_WAREHOUSE}`)).toBe(MOCK_ON_HAND);
  });

  it('refuses an unknown SKU and a non-stock item with a clear reason and sets the others in one document', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    const results = await push({ 'NOPE-1': 3, 'MUG-12OZ': 4, 'GIFT-WRAP': 2, 'BAG-TOTE': 9 });
    expect(answer(results, 'NOPE-1')).toEqual({ sku: 'NOPE-1', status: 'rejected', reason: 'unknown SKU: no ERPNext Item has item_code "NOPE-1" — create it (Stock → Item) or fix the SKU' });
    expect(answer(results, 'GIFT-WRAP')).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/GIFT-WRAP is not a stock item/) });
    expect(answer(results, 'MUG-12OZ')).toEqual({ sku: 'MUG-12OZ', status: 'ok' });
    expect(answer(results, 'BAG-TOTE')).toEqual({ sku: 'BAG-TOTE', status: 'ok' });

    const state = await h.state();
    expect(state.received['GET Item']).toBe(1);
    expect(state.received['POST Stock Reconciliation']).toBe(1);
    expect(state.stockReconciliations[0].items.map((i: { item_code: string; qty: number }) => [i.item_code, i.qty])).toEqual([['MUG-12OZ', 4], ['BAG-TOTE', 9]]);
    const levels = await pulled();
    expect([levels.get(`MUG-12OZ@${MOCK_WAREHOUSE}`), levels.get(`BAG-TOTE@${MOCK_WAREHOUSE}`)]).toEqual([4, 9]);
  });

  it('makes no document when every Bin already holds its figure (ERPNext would refuse it)', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    h.mock.stock.setOnHand('SOCK-3PK', 11);
    const results = await push({ 'MUG-12OZ': MOCK_ON_HAND, 'SOCK-3PK': 11 });
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    const state = await h.state();
    expect(state.received['POST Stock Reconciliation']).toBeUndefined();
    expect(state.stockReconciliations).toEqual([]);
  });

  it('fails the whole push with a clear error when stockWarehouse is missing, unknown or a group', async () => {
    h = await startErpnext();
    await expect(push({ 'MUG-12OZ': 1 })).rejects.toThrow(/needs the setting stockWarehouse/);
    expect((await h.state()).requests).toBe(0);
    await h.running.close();

    h = await startErpnext({ stockWarehouse: 'Stores' });
    await expect(push({ 'MUG-12OZ': 1 })).rejects.toThrow('ERPNext has no Warehouse "Stores" (stockWarehouse); use the full name with the company abbreviation, as in Stock → Warehouse, e.g. "Stores - OS"');
    await h.running.close();

    h = await startErpnext({ stockWarehouse: 'All Warehouses - OS' });
    await expect(push({ 'MUG-12OZ': 1 })).rejects.toThrow(/"All Warehouses - OS" \(stockWarehouse\) is a group/);
    expect((await h.state()).received['POST Stock Reconciliation']).toBeUndefined();
  });

  it('refuses the row a refused document names and sets the rest in a second document', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    Object.assign(h.mock.store.get('Item', 'TEE-WHT-L'), { end_of_life: '2024-12-31' });
    const results = await push({ 'MUG-12OZ': 3, 'TEE-WHT-L': 2, 'CAP-NAVY': 1 });
    expect(answer(results, 'TEE-WHT-L')).toEqual({
      sku: 'TEE-WHT-L', status: 'rejected', reason: 'ERPNext ValidationError: Row # 2: Item TEE-WHT-L has reached its end of life on 31-12-2024',
    });
    expect([answer(results, 'MUG-12OZ')?.status, answer(results, 'CAP-NAVY')?.status]).toEqual(['ok', 'ok']);

    const state = await h.state();
    expect(state.received['POST Stock Reconciliation']).toBe(2);
    expect(state.stockReconciliations).toHaveLength(1);
    expect(h.mock.stock.reconciliation.received[1]).toMatchObject({ items: [{ item_code: 'MUG-12OZ', qty: 3 }, { item_code: 'CAP-NAVY', qty: 1 }] });
    const levels = await pulled();
    expect([levels.get(`MUG-12OZ@${MOCK_WAREHOUSE}`), levels.get(`TEE-WHT-L@${MOCK_WAREHOUSE}`), levels.get(`CAP-NAVY@${MOCK_WAREHOUSE}`)]).toEqual([3, MOCK_ON_HAND, 1]);
  });

  it('refuses every row with ERPNext\'s message when the document is refused as a whole', async () => {
    // A fresh site: the first stock entry is an opening entry, which the P&L Stock Adjustment account may not take.
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    h.mock.stock.clearBins();
    const results = await push({ 'MUG-12OZ': 5, 'CAP-NAVY': 2 });
    const reason = 'ERPNext OpeningEntryAccountError: Difference Account must be a Asset/Liability type account, since this Stock Reconciliation is an Opening Entry'
      + ' — set stockDifferenceAccount to an Asset/Liability account (e.g. "Temporary Opening - <abbr>")';
    expect(results).toEqual([{ sku: 'MUG-12OZ', status: 'rejected', reason }, { sku: 'CAP-NAVY', status: 'rejected', reason }]);
    expect((await h.state()).stockReconciliations).toEqual([]);
    await h.running.close();

    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE, stockDifferenceAccount: 'Temporary Opening - OS' });
    h.mock.stock.clearBins();
    expect((await push({ 'MUG-12OZ': 5, 'CAP-NAVY': 2 })).map((r) => r.status)).toEqual(['ok', 'ok']);
    expect((await h.state()).stockReconciliations[0].expense_account).toBe('Temporary Opening - OS');
  });

  it('values stock new to the warehouse at the Item\'s rate, or at 0 (allow_zero_valuation_rate) when it has none', async () => {
    h = await startErpnext({ stockWarehouse: FINISHED });
    const results = await push({ 'MUG-12OZ': 5, 'POSTER-A2': 3, 'SOCK-3PK': 0 });
    expect(answer(results, 'MUG-12OZ')).toEqual({ sku: 'MUG-12OZ', status: 'ok' });
    expect(answer(results, 'POSTER-A2')).toMatchObject({ status: 'ok', reason: expect.stringMatching(/^valued at 0: Item POSTER-A2 has no valuation rate/) });
    // No Bin holds 0 already: nothing to send for SOCK-3PK.
    expect(answer(results, 'SOCK-3PK')).toEqual({ sku: 'SOCK-3PK', status: 'ok' });
    expect(h.mock.stock.reconciliation.received[0]).toMatchObject({
      items: [{ item_code: 'MUG-12OZ', warehouse: FINISHED, qty: 5, valuation_rate: 6.2 }, { item_code: 'POSTER-A2', warehouse: FINISHED, qty: 3, allow_zero_valuation_rate: 1 }],
    });
    const levels = await pulled();
    expect([levels.get(`MUG-12OZ@${FINISHED}`), levels.get(`POSTER-A2@${FINISHED}`), levels.get(`MUG-12OZ@${MOCK_WAREHOUSE}`)]).toEqual([5, 3, MOCK_ON_HAND]);
  });

  it('sets a negative figure as 0 and says so', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    const [result] = await push({ 'MUG-12OZ': -3 });
    expect(result).toEqual({ sku: 'MUG-12OZ', status: 'ok', reason: 'set to 0: the source reports -3, and a Stock Reconciliation refuses a negative quantity' });
    expect((await pulled()).get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(0);
  });

  it('a document committed but answered 504 is sent again, refused as unchanged, and answered ok once', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    h.mock.stock.reconciliation.loseAnswers = 1;
    expect(await push({ 'MUG-12OZ': 9 })).toEqual([{ sku: 'MUG-12OZ', status: 'ok' }]);
    const state = await h.state();
    expect(state.received['POST Stock Reconciliation']).toBe(2);
    expect(state.stockReconciliations).toHaveLength(1);
    expect((await pulled()).get(`MUG-12OZ@${MOCK_WAREHOUSE}`)).toBe(9);
  });

  it('answers retry when the document keeps failing with 5xx after the client\'s retries', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    await h.faults({ next: ['none', 'none', 'none', '500', '500', '500'] });
    const [result] = await push({ 'MUG-12OZ': 9 });
    expect(result).toMatchObject({ sku: 'MUG-12OZ', status: 'retry', reason: expect.stringMatching(/HTTP 500/) });
    const state = await h.state();
    expect(state.byRoute['POST /api/resource/:doctype']).toBe(3);
    expect(state.stockReconciliations).toEqual([]);
  });

  it('fails the whole push on 403 with the role it needs', async () => {
    h = await startErpnext({ stockWarehouse: MOCK_WAREHOUSE });
    await h.faults({ next: [403] });
    await expect(push({ 'MUG-12OZ': 9 })).rejects.toThrow(/PermissionError.*role Stock Manager/);
  });

  it('reads the blamed rows by item code before row number, and keeps lookups small', () => {
    const messages = ['Item B is disabled', 'Row # 2: Item B is disabled', 'Row # 3: Negative Quantity is not allowed', 'Could not find Row #1: Warehouse: W'];
    expect(blamedRows(messages, ['A', 'B', 'C-1'], ['W'])).toEqual(new Map([[1, ['Row # 2: Item B is disabled']], [2, ['Row # 3: Negative Quantity is not allowed']]]));
    expect(blamedRows(['Item A-1 is disabled'], ['A', 'A-1'])).toEqual(new Map([[1, ['Item A-1 is disabled']]]));
    expect(lookupChunks(Array.from({ length: 250 }, (_, i) => `SKU-${i}`)).map((c) => c.length)).toEqual([100, 100, 50]);
    // Each of these is 132 characters URL-encoded with its comma: 18 fit in 2 500.
    expect(lookupChunks(Array.from({ length: 30 }, (_, i) => `${'X'.repeat(120)}-${String(i).padStart(2, '0')}`)).map((c) => c.length)).toEqual([18, 12]);
  });
});
