import type { Migration } from '.';

/**
 * Retention of senders' personal data: a question's personal fields are erased once, after the
 * retention period (`store/personalData.ts`); the mark keeps the scheduled run from reading the
 * same rows again, and the partial index finds the next ones without reading the erased.
 */
export const m0201PersonalDataRetention: Migration = {
  version: 201,
  name: 'personal-data-retention',
  up(db) {
    db.exec(`
      ALTER TABLE question ADD COLUMN personal_erased_at INTEGER;
      CREATE INDEX question_personal_kept ON question (received_at) WHERE personal_erased_at IS NULL;
    `);
  },
};
