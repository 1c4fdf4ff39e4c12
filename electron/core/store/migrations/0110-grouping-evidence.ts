import type { Migration } from '.';

export const m0110GroupingEvidence: Migration = {
  version: 110,
  name: 'grouping-evidence',
  up(db) {
    db.exec(`
      -- What producers decided about groups, which automatic grouping then follows: a question
      -- split out of a group ('split') is never put back into it, and neither is what most resembles
      -- it; a question merged into a group ('merge') vouches for the questions that resemble it.
      CREATE TABLE group_evidence (
        question_id INTEGER NOT NULL REFERENCES question (id),
        group_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('split', 'merge')),
        PRIMARY KEY (question_id, kind, group_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
