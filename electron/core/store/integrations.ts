import { createHash, randomBytes } from 'node:crypto';
import type { Integration } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

const COLUMNS = `id, name, key_last4 AS keyLast4, created_at AS createdAt, revoked_at AS revokedAt, last_used_at AS lastUsedAt`;

const INSERT = `
  INSERT INTO integration (name, key_hash, key_last4, created_at)
  VALUES (@name, @hash, @last4, @now)
  RETURNING ${COLUMNS}
`;
const LIST = `SELECT ${COLUMNS} FROM integration ORDER BY id`;
const BY_HASH = `SELECT ${COLUMNS} FROM integration WHERE key_hash = @hash AND revoked_at IS NULL`;
const REVOKE = `
  UPDATE integration SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @id
  RETURNING ${COLUMNS}
`;
const TOUCH = `UPDATE integration SET last_used_at = @now WHERE id = @id`;

/** Keys are 32 random bytes; only their SHA-256 is stored, so a copied database leaks no key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function createIntegration(db: Db, name: string, now: number): { integration: Integration; key: string } {
  const key = `akd_${randomBytes(32).toString('base64url')}`;
  const integration = prepared(db, INSERT).get({ name, hash: hashApiKey(key), last4: key.slice(-4), now }) as Integration;
  return { integration, key };
}

export function listIntegrations(db: Db): Integration[] {
  return prepared(db, LIST).all() as Integration[];
}

/** The active integration holding this key, or null (unknown or revoked). */
export function findIntegrationByKey(db: Db, key: string): Integration | null {
  return (prepared(db, BY_HASH).get({ hash: hashApiKey(key) }) as Integration | undefined) ?? null;
}

export function revokeIntegration(db: Db, id: number, now: number): Integration | null {
  return (prepared(db, REVOKE).get({ id, now }) as Integration | undefined) ?? null;
}

export function touchIntegration(db: Db, id: number, now: number): void {
  prepared(db, TOUCH).run({ id, now });
}
