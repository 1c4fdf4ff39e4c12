import type { Migration } from '.';

/**
 * Indexes for the press report: a period's questions are counted from the index alone (range on
 * received_at, every grouped column in it), outcomes and hand-offs are read by their own time.
 */
export const m0140ReportIndexes: Migration = {
  version: 140,
  name: 'report-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX question_report ON question (received_at, status, channel, topic, district, language, reject_reason);
      CREATE INDEX outcome_decided ON outcome (decided_at);
      CREATE INDEX handoff_created ON handoff (created_at);
    `);
  },
};
