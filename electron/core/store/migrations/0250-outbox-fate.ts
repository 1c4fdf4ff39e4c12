import type { Migration } from '.';

/**
 * Outbox fates for citizen notifications (at most once): `uncertain` — its send was cut off by a
 * crash, so it may or may not have arrived and is never re-sent unless a producer asks;
 * `window_closed` — WhatsApp's 24-hour window had closed and no template was configured.
 * `sent_as` records a WhatsApp message sent as the approved template instead of free text.
 * Statuses are plain text (no CHECK), so only the column is new.
 */
export const m0250OutboxFate: Migration = {
  version: 250,
  name: 'outbox-fate',
  up(db) {
    db.exec(`ALTER TABLE outbox ADD COLUMN sent_as TEXT;`);
  },
};
