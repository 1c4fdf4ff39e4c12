import type { Migration } from '.';

export const m0010Questions: Migration = {
  version: 10,
  name: 'questions',
  up(db) {
    db.exec(`
      CREATE TABLE question (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        external_id TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        sender_contact TEXT,
        sender_user_id TEXT,
        district TEXT,
        topic TEXT,
        language TEXT,
        original_text TEXT NOT NULL,
        air_text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new',
        reject_reason TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        received_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (channel, external_id)
      ) STRICT;
      CREATE INDEX question_status ON question (status, id);
      CREATE INDEX question_received ON question (received_at);
    `);
  },
};
