import type { Migration } from '.';

/**
 * Closing the loop: the outbox also carries notifications that tell a citizen what became of a
 * question (answered on air, handed off, answered by the department). `question_id` is the
 * question the step happened to, `recipient_question_id` the question whose sender is told (a
 * member of its duplicate group is told too); `notice` names the step, NULL for intake replies.
 * `cancelled` is a new status: the question was rejected before its message went.
 * Numbered after every migration already shipped: a database at 230 would never run a lower one.
 */
export const m0240CitizenNotifications: Migration = {
  version: 240,
  name: 'citizen-notifications',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN question_id INTEGER REFERENCES question (id);
      ALTER TABLE outbox ADD COLUMN recipient_question_id INTEGER REFERENCES question (id);
      ALTER TABLE outbox ADD COLUMN notice TEXT;
      CREATE INDEX outbox_question ON outbox (question_id) WHERE question_id IS NOT NULL;
      CREATE INDEX outbox_recipient_question ON outbox (recipient_question_id) WHERE recipient_question_id IS NOT NULL;
    `);
  },
};
