import type { Migration } from '.';

/**
 * Which later episode a deferred question goes to (NULL: not chosen yet). Kept on the outcome
 * row, so a question deferred twice keeps where each deferral sent it; the target episode lists
 * the questions whose latest outcome points at it.
 */
export const m0100DeferredToEpisode: Migration = {
  version: 100,
  name: 'deferred-to-episode',
  up(db) {
    db.exec(`
      ALTER TABLE outcome ADD COLUMN deferred_to INTEGER REFERENCES episode (id);
      CREATE INDEX outcome_deferred_to ON outcome (deferred_to) WHERE deferred_to IS NOT NULL;
    `);
  },
};
