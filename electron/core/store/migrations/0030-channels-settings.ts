import type { Migration } from '.';

/**
 * Settings (channel secrets and limits) and each channel's health and cursor. Traffic counts are
 * derived from the question table, so they can never drift from what is stored.
 */
export const m0030ChannelsSettings: Migration = {
  version: 30,
  name: 'channels-settings',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE channel_state (
        channel TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        error TEXT,
        cursor TEXT,
        changed_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX question_channel_received ON question (channel, received_at);
    `);
  },
};
