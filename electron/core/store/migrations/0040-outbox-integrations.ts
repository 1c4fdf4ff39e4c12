import type { Migration } from '.';

/**
 * Replies to citizens wait in the outbox until a channel confirms them (retries with back-off;
 * `dedupe_key` makes enqueueing idempotent across redeliveries). Integrations hold the generic
 * webhook's API keys as SHA-256 hashes only.
 */
export const m0040OutboxIntegrations: Migration = {
  version: 40,
  name: 'outbox-integrations',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        body TEXT NOT NULL,
        dedupe_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE TABLE integration (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        key_last4 TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_used_at INTEGER
      ) STRICT;
    `);
  },
};
