// The first schema: orders and their lines, events, the delivery outbox, cursors, quarantine,
// runs and the run lock. STRICT tables; money in INTEGER minor units; instants as ISO 8601 UTC text.
export const initialSchema = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  channel_kind TEXT NOT NULL,
  external_id TEXT NOT NULL,
  number TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  financial_status TEXT NOT NULL,
  fulfillment_status TEXT NOT NULL,
  fulfilled_by TEXT NOT NULL,
  currency TEXT NOT NULL,
  total INTEGER NOT NULL,
  money_difference INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL,
  normalized TEXT NOT NULL,
  raw TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_changed_at TEXT NOT NULL,
  UNIQUE (channel, external_id)
) STRICT;
CREATE INDEX orders_by_channel_updated ON orders (channel, updated_at);

CREATE TABLE order_lines (
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  external_id TEXT NOT NULL,
  sku TEXT,
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  PRIMARY KEY (order_id, position)
) STRICT;
CREATE INDEX order_lines_by_sku ON order_lines (sku);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  content_hash TEXT,
  occurred_at TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_order ON events (order_id, id);

CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  order_id INTEGER REFERENCES orders (id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'done', 'retry', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  external_ref TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, target)
) STRICT;
CREATE INDEX deliveries_due ON deliveries (target, status, next_attempt_at);
CREATE INDEX deliveries_by_order ON deliveries (target, order_id, id);

CREATE TABLE cursors (
  channel TEXT PRIMARY KEY,
  checkpoint TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  external_id TEXT,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX quarantine_by_channel ON quarantine (channel, received_at);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  outcome TEXT,
  counts TEXT NOT NULL DEFAULT '{}',
  error TEXT
) STRICT;

CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  command TEXT NOT NULL,
  acquired_at TEXT NOT NULL
) STRICT;
`;
