// Stock: on-hand levels per source, what each channel was last sent, which orders the stock
// source has already counted, and the SKUs found oversold. (004 is left to the migration
// being written beside this one; MIGRATIONS keeps them in file order.)
//
// The acknowledgement rule: an order stops reserving units once the stock source has counted it.
// A target source counts an order once its delivery to that target is done before a stock pull
// starts; a file source (CSV) counts orders placed before the file was written (its mtime).
// The stock pull records both in stock_acknowledgements in the transaction of its levels.
export const stockSchema = `
CREATE TABLE stock_levels (
  source TEXT NOT NULL,
  sku TEXT NOT NULL,
  location TEXT NOT NULL,
  on_hand INTEGER NOT NULL,
  observed_at TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (source, sku, location)
) STRICT;
CREATE INDEX stock_levels_by_sku ON stock_levels (sku);

CREATE TABLE stock_pushes (
  channel TEXT NOT NULL,
  sku TEXT NOT NULL,
  -- The last quantity the channel accepted (NULL: never accepted one).
  quantity INTEGER,
  pushed_at TEXT,
  -- The last attempt: its quantity, outcome and error; a rejected quantity is not sent again.
  attempted_quantity INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'rejected', 'retry')),
  last_error TEXT,
  -- What the quantity was computed from, so a plan can say why it changed.
  on_hand INTEGER,
  reserved INTEGER,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, sku)
) STRICT;
CREATE INDEX stock_pushes_by_status ON stock_pushes (status, channel);

CREATE TABLE stock_acknowledgements (
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  PRIMARY KEY (order_id, source)
) STRICT;

CREATE TABLE stock_oversold (
  sku TEXT PRIMARY KEY,
  -- Units sold beyond what is on hand (reserved − on hand).
  short INTEGER NOT NULL CHECK (short > 0),
  flagged_at TEXT NOT NULL
) STRICT;

CREATE INDEX order_lines_by_order_sku ON order_lines (order_id, sku, quantity);
`;
