import type { Migration } from '.';

export const m0020Audit: Migration = {
  version: 20,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        before TEXT,
        after TEXT
      ) STRICT;
      CREATE INDEX audit_entity ON audit (entity, entity_id, id);
    `);
  },
};
