import type { Migration } from '.';

/**
 * The per-role LAN link tokens (one shared secret per role, kept in plain text) are retired: every
 * LAN client is now a paired device with its own hashed, revocable token. Removing the stored
 * tokens makes an old link or a copy of an old database open nothing.
 */
export const m0200RetireRoleLinks: Migration = {
  version: 200,
  name: 'retire-role-links',
  up(db) {
    db.exec(`DELETE FROM setting WHERE key = 'access.tokens'`);
  },
};
