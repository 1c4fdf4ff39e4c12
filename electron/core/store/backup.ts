import { copyFileSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './db';
import { prepared } from './statements';

/**
 * Online copy of the live database into `target` (better-sqlite3's `backup()`: pages are copied in
 * steps between which the event loop runs, so intake goes on). Written beside the target and
 * renamed, so a half-made copy never looks like a backup. The copy is switched to a rollback
 * journal: a backup is one self-contained file that opens anywhere, read-only too.
 */
export async function backupTo(db: Db, target: string): Promise<void> {
  const partial = `${target}.partial`;
  await db.backup(partial);
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, target);
}

/**
 * A copy made synchronously while the desk is starting and this is the only connection (before a
 * migration): the log is folded into the file first, so the file alone is the whole database.
 */
export function copyWhileAlone(db: Db, target: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const partial = `${target}.partial`;
  copyFileSync(db.name, partial);
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  renameSync(partial, target);
}

/**
 * `PRAGMA quick_check` of a database file, opened on its own: 'ok', or what SQLite found wrong
 * (a file that is not a database at all says so too).
 */
export function checkFile(file: string): string {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/** Changes this connection has committed since it opened: a scheduled backup is skipped while it stands still. */
export function changeCount(db: Db): number {
  return (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
}

/** Whether a write can be committed right now (a probe while the disk is full or read-only). */
export function canWrite(db: Db): boolean {
  try {
    db.transaction(() => {
      prepared(db, `INSERT INTO setting (key, value, updated_at) VALUES ('storage.probe', '1', 0)
        ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at + 1`).run();
      prepared(db, `DELETE FROM setting WHERE key = 'storage.probe'`).run();
    })();
    return true;
  } catch {
    return false;
  }
}
