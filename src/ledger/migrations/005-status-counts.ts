// The status view's counts, kept instead of counted: deliveries per target and status (a refresh
// must not scan a million rows), and an index holding only dead deliveries (for the dead list).
// New deliveries are counted by the code that inserts them, once per page and target
// (src/ledger/new-deliveries.ts: a trigger per inserted row cost commitPage a third of its
// speed); status changes and deletes are counted by triggers.
export const statusCountsSchema = `
CREATE TABLE delivery_counts (
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (target, status)
) STRICT, WITHOUT ROWID;

INSERT INTO delivery_counts (target, status, n) SELECT target, status, count(*) FROM deliveries GROUP BY target, status;

CREATE TRIGGER delivery_counts_update AFTER UPDATE OF status ON deliveries WHEN OLD.status <> NEW.status BEGIN
  UPDATE delivery_counts SET n = n - 1 WHERE target = OLD.target AND status = OLD.status;
  INSERT INTO delivery_counts (target, status, n) VALUES (NEW.target, NEW.status, 1)
    ON CONFLICT (target, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER delivery_counts_delete AFTER DELETE ON deliveries BEGIN
  UPDATE delivery_counts SET n = n - 1 WHERE target = OLD.target AND status = OLD.status;
END;

CREATE INDEX deliveries_dead ON deliveries (id) WHERE status = 'dead';
`;
