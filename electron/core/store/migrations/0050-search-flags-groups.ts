import type { Migration } from '.';

// FTS indexes text with ё folded to е (unicode61 folds case, Kazakh letters included, but not ё);
// the same fold is applied to every query by shared/text.ts searchKey.
const FOLD = (column: string): string => `replace(replace(${column}, 'ё', 'е'), 'Ё', 'Е')`;
const FTS_VALUES = (row: 'new.' | 'old.' | ''): string =>
  [`${row}id`, FOLD(`${row}original_text`), FOLD(`${row}air_text`), FOLD(`${row}sender_name`)].join(', ');

export const m0050SearchFlagsGroups: Migration = {
  version: 50,
  name: 'search-flags-groups',
  up(db) {
    db.exec(`
      ALTER TABLE question ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE question ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE question ADD COLUMN group_id INTEGER;
      ALTER TABLE question ADD COLUMN speaker TEXT;
      ALTER TABLE question ADD COLUMN suggestions TEXT NOT NULL DEFAULT '{}';

      CREATE INDEX question_channel ON question (channel, id);
      CREATE INDEX question_district ON question (district, id);
      CREATE INDEX question_topic ON question (topic, id);
      CREATE INDEX question_language ON question (language, id);
      CREATE INDEX question_speaker ON question (speaker, id);
      CREATE INDEX question_flagged ON question (id) WHERE flagged = 1;
      CREATE INDEX question_group_member ON question (group_id, id);
      CREATE INDEX question_sender_user ON question (channel, sender_user_id) WHERE sender_user_id IS NOT NULL;
      CREATE INDEX question_sender_contact ON question (sender_contact) WHERE sender_contact IS NOT NULL;

      -- A group of near-duplicates; its size is the audience's vote.
      CREATE TABLE question_group (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Fingerprint of each question's text, compared only with questions sharing a blocking key.
      CREATE TABLE question_fingerprint (
        question_id INTEGER PRIMARY KEY REFERENCES question (id),
        fingerprint TEXT NOT NULL
      ) STRICT;

      -- Blocking keys: newest questions first per key, so a new arrival reads a bounded slice.
      -- group_id repeats question.group_id so that slice is read from this index alone.
      CREATE TABLE group_key (
        key TEXT NOT NULL,
        question_id INTEGER NOT NULL,
        group_id INTEGER NOT NULL,
        PRIMARY KEY (key, question_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX group_key_question ON group_key (question_id);

      CREATE VIRTUAL TABLE question_fts USING fts5 (
        original_text, air_text, sender_name,
        content = 'question', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE TRIGGER question_fts_insert AFTER INSERT ON question BEGIN
        INSERT INTO question_fts (rowid, original_text, air_text, sender_name) VALUES (${FTS_VALUES('new.')});
      END;
      CREATE TRIGGER question_fts_delete AFTER DELETE ON question BEGIN
        INSERT INTO question_fts (question_fts, rowid, original_text, air_text, sender_name)
        VALUES ('delete', ${FTS_VALUES('old.')});
      END;
      CREATE TRIGGER question_fts_update AFTER UPDATE OF original_text, air_text, sender_name ON question BEGIN
        INSERT INTO question_fts (question_fts, rowid, original_text, air_text, sender_name)
        VALUES ('delete', ${FTS_VALUES('old.')});
        INSERT INTO question_fts (rowid, original_text, air_text, sender_name) VALUES (${FTS_VALUES('new.')});
      END;
      INSERT INTO question_fts (rowid, original_text, air_text, sender_name)
        SELECT ${FTS_VALUES('')} FROM question;
    `);
  },
};
