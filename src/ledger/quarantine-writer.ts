// The one way a payload goes to quarantine: serialized (one that cannot be, e.g. too deep, is
// named, not lost), cut to a size a human can read, and written once: the same payload re-read
// (an overlap window, the next run) is already there and already reported, and quarantined
// again it would fill the table and make every run exit 3.
import type Database from 'better-sqlite3';

const MAX_RAW_CHARS = 256 * 1024; // a quarantined payload is kept for a human, not for replay
const MAX_REASON_CHARS = 2_000;

export interface QuarantineWriter {
  /**
   * Quarantines a payload unless the same one is there; answers whether it was added. `sameBy`:
   * `payload` (channel, id and payload: a changed payload is quarantined again) or `reason`
   * (channel, id and reason: for payloads that change on every read, such as tracking updates).
   */
  add(entry: { channel: string; externalId: string | null; reason: string; payload: unknown; sameBy: 'payload' | 'reason' }, now: string): boolean;
}

export function createQuarantineWriter(db: Database.Database): QuarantineWriter {
  const insert = db.prepare('INSERT INTO quarantine (channel, external_id, reason, raw, received_at) VALUES (?, ?, ?, ?, ?)');
  const samePayload = db.prepare<[string, string | null, string], { id: number }>(
    'SELECT id FROM quarantine WHERE channel = ? AND external_id IS ? AND raw = ? LIMIT 1');
  const sameReason = db.prepare<[string, string | null, string], { id: number }>(
    'SELECT id FROM quarantine WHERE channel = ? AND external_id IS ? AND reason = ? LIMIT 1');
  return {
    add({ channel, externalId, reason, payload, sameBy }, now) {
      const serialized = serialize(payload);
      const raw = serialized.length > MAX_RAW_CHARS ? serialized.slice(0, MAX_RAW_CHARS) + '…(truncated)' : serialized;
      const why = reason.slice(0, MAX_REASON_CHARS);
      if ((sameBy === 'payload' ? samePayload : sameReason).get(channel, externalId, sameBy === 'payload' ? raw : why)) return false;
      insert.run(channel, externalId, why, raw, now);
      return true;
    },
  };
}

function serialize(payload: unknown): string {
  try {
    return JSON.stringify(payload ?? null) ?? 'null';
  } catch (error) {
    return JSON.stringify({ unserializable: (error as Error).message });
  }
}
