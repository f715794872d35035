// Which rows of a refused Stock Reconciliation ERPNext blamed, read from its messages.
//
// Frappe checks links before `validate` (Document.insert → _validate_links): "Could not find
// Row #2: Item Code: X, Row #3: Warehouse: Y" (base_document.get_invalid_links), numbered as sent.
// StockReconciliation.validate_data then collects "Row # 2: …" messages ("Same item and warehouse
// combination already entered.", "Negative Quantity is not allowed", "Item X is disabled" / "has
// reached its end of life on …" / "is not a stock Item"), each also msgprinted bare by frappe.throw;
// update_stock_ledger throws "Valuation Rate required for Item X at row 2". Those later numbers count
// the rows left after remove_items_with_no_change, so a message naming an item code is read by the
// code, and only a message naming no code by its row number. A message naming the warehouse (or
// another header value) but no item, e.g. "Could not find Row #1: Warehouse: W", is about every row.

/** Row positions (0-based, as sent) that the messages blame; empty when they name none. */
export function blamedRows(messages: readonly string[], itemCodes: readonly string[], headerValues: readonly string[] = []): Map<number, string[]> {
  const blamed = new Map<number, string[]>();
  const blame = (index: number, message: string): void => {
    if (index < 0 || index >= itemCodes.length) return;
    const said = blamed.get(index) ?? [];
    if (!said.includes(message)) said.push(message);
    blamed.set(index, said);
  };
  for (const message of messages) {
    const named = itemCodes.flatMap((code, index) => (mentions(message, code) ? [index] : []));
    if (named.length > 0) {
      for (const index of named) blame(index, message);
      continue;
    }
    if (headerValues.some((value) => mentions(message, value))) continue;
    for (const match of message.matchAll(/\brow\s*#?\s*(\d+)/gi)) blame(Number(match[1]) - 1, message);
  }
  for (const [index, said] of blamed) blamed.set(index, withoutEchoes(said));
  return blamed;
}

/** The code as a whole token: "TEE-BLK" is not mentioned by "TEE-BLK-M". */
function mentions(message: string, code: string): boolean {
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}($|[^\\w-])`).test(message);
}

/** frappe.throw msgprints "Item X is disabled", validate_data repeats it as "Row # 2: Item X is disabled": keep the longer. */
export function withoutEchoes(messages: readonly string[]): string[] {
  return messages.filter((m, i) => !messages.some((other, j) => j !== i && other !== m && other.includes(m)));
}
