// Labels bought and parcels shipped: the tracking that the fulfillment loop carries back to channels.
export const shipmentsSchema = `
CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  carrier TEXT NOT NULL,
  service TEXT,
  tracking_number TEXT NOT NULL,
  tracking_url TEXT,
  label_url TEXT,
  cost INTEGER,
  cost_currency TEXT,
  event_id INTEGER REFERENCES events (id),
  created_at TEXT NOT NULL,
  UNIQUE (order_id, source, tracking_number)
) STRICT;
`;
