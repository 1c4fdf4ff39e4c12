import type { Migration } from '.';

export const m0160Devices: Migration = {
  version: 160,
  name: 'devices',
  up(db) {
    db.exec(`
      -- Paired LAN devices. Only the SHA-256 of a device's token is kept: a copy of the database
      -- opens nothing. A revoked device keeps its row (the audit trail names it).
      CREATE TABLE device (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('producer', 'speaker', 'press', 'graphics')),
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
    `);
  },
};
