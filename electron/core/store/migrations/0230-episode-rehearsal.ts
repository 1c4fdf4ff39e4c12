import type { Migration } from '.';

export const m0230EpisodeRehearsal: Migration = {
  version: 230,
  name: 'episode-rehearsal',
  up(db) {
    db.exec(`
      -- A rehearsal runs like a show (on air, teleprompter, outcomes) and is marked as one on every
      -- screen; press reports leave it out.
      ALTER TABLE episode ADD COLUMN rehearsal INTEGER NOT NULL DEFAULT 0 CHECK (rehearsal IN (0, 1));
    `);
  },
};
