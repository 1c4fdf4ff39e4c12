import type { Migration } from '.';

/**
 * The inbound ledger: every acknowledged message, committed before its sender hears back. It owns
 * the (channel, external id) uniqueness and the reference number; the question itself (analysis,
 * grouping, search index) may be made from `payload` a moment later when intake is flooded, and
 * `payload` is cleared once it has been. Existing questions are entered as already made.
 */
export const m0090Inbound: Migration = {
  version: 90,
  name: 'inbound ledger',
  up(db) {
    db.exec(`
      CREATE TABLE inbound (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        payload TEXT,
        failure TEXT,
        UNIQUE (channel, external_id)
      );
      CREATE INDEX inbound_waiting ON inbound (id) WHERE payload IS NOT NULL;
      INSERT INTO inbound (id, channel, external_id, reference, received_at)
        SELECT id, channel, external_id, reference, received_at FROM question;
    `);
  },
};
