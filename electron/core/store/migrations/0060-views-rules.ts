import type { Migration } from '.';

export const m0060ViewsRules: Migration = {
  version: 60,
  name: 'views-rules',
  up(db) {
    db.exec(`
      -- A producer's saved inbox filter ("Kazakh, flagged, Medeu"); shared by every producer.
      CREATE TABLE saved_view (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        filter TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Editable keyword rules behind topic/district/speaker suggestions; empty = built-in defaults.
      CREATE TABLE suggestion_rule (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('topic', 'district', 'speaker')),
        value TEXT NOT NULL,
        keywords TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (kind, value)
      ) STRICT;
    `);
  },
};
