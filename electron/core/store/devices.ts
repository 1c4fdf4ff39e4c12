import { createHash, randomBytes } from 'node:crypto';
import type { LinkRole, PairedDevice } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

/** A device's token is only ever stored as this hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface DeviceRow {
  id: number;
  name: string;
  role: LinkRole;
  created_at: number;
  last_used_at: number | null;
}

const toDevice = (row: DeviceRow): PairedDevice => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

const INSERT = `
  INSERT INTO device (name, role, token_hash, created_at)
  VALUES (@name, @role, @hash, @now)
`;
const BY_HASH = `
  SELECT id, name, role, created_at, last_used_at
  FROM device
  WHERE token_hash = @hash AND revoked_at IS NULL
`;
/** Written at most once a minute per device: a busy console does not write on every request. */
const TOUCH = `
  UPDATE device SET last_used_at = @now
  WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @now - 60000)
`;
const LIST = `
  SELECT id, name, role, created_at, last_used_at
  FROM device
  WHERE revoked_at IS NULL
  ORDER BY id
`;
const REVOKE = `UPDATE device SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL`;

/** Pairs a device; the token is returned once, to be handed to the device, and never again. */
export function insertDevice(db: Db, name: string, role: LinkRole, now: number): { device: PairedDevice; token: string } {
  const token = randomBytes(24).toString('base64url');
  const { lastInsertRowid } = prepared(db, INSERT).run({ name, role, hash: hashToken(token), now });
  return { device: { id: Number(lastInsertRowid), name, role, createdAt: now, lastUsedAt: null }, token };
}

/**
 * The live (not revoked) device holding `token`, its use recorded; null for anything else.
 * `touched`: this use was written down (the first in a minute), so the device list changed.
 */
export function deviceForToken(db: Db, token: string, now: number): (PairedDevice & { touched: boolean }) | null {
  const row = prepared(db, BY_HASH).get({ hash: hashToken(token) }) as DeviceRow | undefined;
  if (!row) return null;
  let touched = false;
  try {
    touched = prepared(db, TOUCH).run({ id: row.id, now }).changes === 1;
  } catch {
    // A full or read-only disk: the device is still who it is; only its "last seen" waits.
  }
  return { ...toDevice(row), lastUsedAt: touched ? now : row.last_used_at, touched };
}

export function listDevices(db: Db): PairedDevice[] {
  return (prepared(db, LIST).all() as DeviceRow[]).map(toDevice);
}

/** True when a live device was revoked. */
export function revokeDevice(db: Db, id: number, now: number): boolean {
  return prepared(db, REVOKE).run({ id, now }).changes === 1;
}

const REVOKED = `SELECT token_hash AS hash, revoked_at AS at FROM device WHERE revoked_at IS NOT NULL`;
const REVOKE_HASH = `UPDATE device SET revoked_at = @at WHERE token_hash = @hash AND revoked_at IS NULL`;

/** Every revoked device's token hash: a restore carries these over, so a backup never brings a revoked device back. */
export function revokedTokenHashes(db: Db): Array<{ hash: string; at: number }> {
  return prepared(db, REVOKED).all() as Array<{ hash: string; at: number }>;
}

export function revokeTokenHashes(db: Db, revoked: ReadonlyArray<{ hash: string; at: number }>): void {
  db.transaction(() => {
    for (const r of revoked) prepared(db, REVOKE_HASH).run(r);
  })();
}
