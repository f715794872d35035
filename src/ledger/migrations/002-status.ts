// What the status view needs that the rest of the ledger does not keep: each channel's last
// pull and error, each target's last success and 429 pause, and indexes for per-hour counts.
export const statusSchema = `
CREATE TABLE channel_status (
  channel TEXT PRIMARY KEY,
  last_pull_at TEXT,
  last_success_at TEXT,
  last_error TEXT,
  last_error_at TEXT
) STRICT;

CREATE TABLE target_status (
  target TEXT PRIMARY KEY,
  last_success_at TEXT,
  paused_until TEXT,
  last_error TEXT,
  last_error_at TEXT
) STRICT;

CREATE INDEX orders_by_channel_placed ON orders (channel, placed_at);
CREATE INDEX orders_by_channel_first_seen ON orders (channel, first_seen_at);
CREATE INDEX deliveries_done_by_target ON deliveries (target, status, updated_at);
`;
