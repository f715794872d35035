import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStockCsv, readStockCsv } from '../../src/stock/csv-source.js';
import { splitCsvLine } from '../../src/stock/csv.js';

describe('stock CSV source', () => {
  it('reads sku,location,on_hand in any column order, with quotes, a BOM and blank lines', () => {
    const text = '\uFEFFon_hand,SKU,location\r\n5,TEE-BLK-M,main\r\n\r\n0,"MUG, 12oz",main\n-2,CAP,\n';
    expect(parseStockCsv(text)).toEqual([
      { sku: 'TEE-BLK-M', location: 'main', onHand: 5 },
      { sku: 'MUG, 12oz', location: 'main', onHand: 0 },
      { sku: 'CAP', location: 'default', onHand: -2 },
    ]);
    expect(splitCsvLine('"a ""b""",c')).toEqual(['a "b"', 'c']);
  });

  it('reports every bad line with its number, all at once', () => {
    const text = 'sku,location,on_hand\nA,main,3\n,main,1\nB,main,2.5\nA,main,4\nC,main,"7\n';
    expect(() => parseStockCsv(text, 'stock.csv')).toThrow(
      'stock.csv has 4 problems:\n  line 3: the sku is empty\n  line 4: on_hand "2.5" is not a whole number\n'
      + '  line 5: A at main is listed already on line 2\n  line 6: a quoted value is not closed');
  });

  it('refuses a header without the three columns', () => {
    expect(() => parseStockCsv('sku,qty\nA,1\n', 'stock.csv')).toThrow('stock.csv line 1: the header must name the columns sku,location,on_hand (missing: location, on_hand)');
  });

  it('dates the figures by the file\'s mtime, and says clearly when the file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-csv-'));
    const file = join(dir, 'stock.csv');
    writeFileSync(file, 'sku,location,on_hand\nA,main,3\n');
    utimesSync(file, new Date('2026-11-01T10:00:00Z'), new Date('2026-11-01T10:00:00Z'));
    expect(readStockCsv(file)).toEqual({ levels: [{ sku: 'A', location: 'main', onHand: 3 }], writtenAt: Date.parse('2026-11-01T10:00:00Z') });
    expect(() => readStockCsv(join(dir, 'missing.csv'))).toThrow(/missing\.csv cannot be read: ENOENT/);
  });
});

describe('stock pull from a CSV file', () => {
  it('records the levels, and refuses an empty file rather than zeroing every SKU', async () => {
    const { openLedger } = await import('../../src/ledger/index.js');
    const { pullStockLevels } = await import('../../src/stock/pull-stock.js');
    const file = join(mkdtempSync(join(tmpdir(), 'ordersync-csv-')), 'stock.csv');
    const ledger = openLedger(':memory:');
    try {
      writeFileSync(file, 'sku,location,on_hand\nA,main,3\nB,main,1\n');
      expect(await pullStockLevels(ledger, { kind: 'csv', file })).toMatchObject({ source: `csv:${file}`, levels: 2, changed: 2 });
      writeFileSync(file, 'sku,location,on_hand\n');
      await expect(pullStockLevels(ledger, { kind: 'csv', file })).rejects.toThrow(/reported no levels at all/);
      expect(ledger.stock.levels(`csv:${file}`).map((l) => l.onHand)).toEqual([3, 1]);
    } finally {
      ledger.close();
    }
  });
});
