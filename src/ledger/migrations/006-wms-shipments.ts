// Parcels a WMS reports (issue 9): what each shipment held, line by line, when it left and the
// WMS's own id for it, and each WMS's shipment cursor. Additive only. The cursors live apart from
// the channels' `cursors` table, which the status view and the report read as the list of channels.
export const wmsShipmentsSchema = `
ALTER TABLE shipments ADD COLUMN shipped_at TEXT;
ALTER TABLE shipments ADD COLUMN external_id TEXT;

CREATE TABLE shipment_lines (
  shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  line_external_id TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, line_external_id)
) STRICT;

CREATE TABLE shipment_cursors (
  source TEXT PRIMARY KEY,
  checkpoint TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
