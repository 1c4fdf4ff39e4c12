import type { Migration } from '.';

export const m0220GraphicsOutput: Migration = {
  version: 220,
  name: 'graphics-output',
  up(db) {
    db.exec(`
      -- What the vision mixer's graphics page shows: one row, like the teleprompter's cue. Kept in
      -- the database so a restarted desk does not flash a lower third the producer had cleared.
      CREATE TABLE graphics_output (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        question_id INTEGER REFERENCES question(id),
        taken_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO graphics_output (id, question_id, taken_at, updated_at) VALUES (1, NULL, NULL, 0);
    `);
  },
};
