import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { copyWhileAlone } from '../store/backup';
import { revokedTokenHashes, revokeTokenHashes } from '../store/devices';
import { backupDir, backupPath, newBackupPath, newestGoodBackup } from './backupFolder';

/**
 * A restore is asked for by writing this file and restarting; the swap happens at the next start,
 * before the database is opened, so no connection ever sees the file change under it. The file is
 * removed last: a crash anywhere in between simply does the restore again at the following start.
 */
export const RESTORE_MARKER = 'restore.json';

const markerSchema = z.object({ name: z.string(), actor: z.string(), requestedAt: z.number() });
export type RestoreRequest = z.infer<typeof markerSchema>;

export function requestRestore(dataDir: string, request: RestoreRequest): void {
  const file = join(dataDir, RESTORE_MARKER);
  writeFileSync(`${file}.partial`, JSON.stringify(request));
  renameSync(`${file}.partial`, file);
}

/**
 * `serve --restore-backup <name|newest>`: the way back when the desk refuses a damaged database
 * and so cannot show its Backups panel. Returns the backup's name.
 */
export function requestRestoreFromCommandLine(dataDir: string, which: string, at: number): string {
  const name = which === 'newest' ? newestGoodBackup(dataDir)?.name : backupPath(dataDir, which) ? which : undefined;
  if (!name) throw new Error(`No backup "${which}" in ${backupDir(dataDir)} (give a file name from that folder, or "newest").`);
  requestRestore(dataDir, { name, actor: 'serve --restore-backup', requestedAt: at });
  return name;
}

export function pendingRestore(dataDir: string): RestoreRequest | null {
  try {
    const parsed = markerSchema.safeParse(JSON.parse(readFileSync(join(dataDir, RESTORE_MARKER), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a restore did, for the audit row the restored database gets. */
export interface RestoreDone extends RestoreRequest {
  /** The copy of the database the backup replaced (`pre-restore`), or the damaged file moved aside. */
  keptAs: string;
}

/** Revocations in the database being replaced; none when it cannot be read (damaged) or predates devices. */
function keepCurrent(dbFile: string, dataDir: string, at: number): { keptAs: string; revoked: Array<{ hash: string; at: number }> } {
  const safety = newBackupPath(dataDir, at, 'pre-restore');
  try {
    const current = new Database(dbFile, { fileMustExist: true });
    try {
      copyWhileAlone(current, safety);
      let revoked: Array<{ hash: string; at: number }> = [];
      try {
        revoked = revokedTokenHashes(current);
      } catch {
        // A database from before paired devices existed has none to carry over.
      }
      return { keptAs: safety, revoked };
    } finally {
      current.close();
    }
  } catch {
    // It cannot even be read: moved aside whole, log and all, for whoever investigates.
    const aside = `${dbFile}.damaged-${at}`;
    for (const suffix of ['', '-wal']) if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, aside + suffix);
    rmSync(`${dbFile}-shm`, { force: true });
    return { keptAs: aside, revoked: [] };
  }
}

/**
 * Does a pending restore (see `RESTORE_MARKER`); the desk's database is not open yet. A device
 * revoked since the backup stays revoked: a backup never brings back a token someone stopped.
 */
export function applyPendingRestore(dataDir: string, dbFile: string, at: number, log: (message: string) => void): RestoreDone | null {
  const request = pendingRestore(dataDir);
  if (!request) {
    rmSync(join(dataDir, RESTORE_MARKER), { force: true });
    return null;
  }
  const source = backupPath(dataDir, request.name);
  if (!source) {
    log(`restore: the backup ${request.name} is not in the backups folder; the database was left as it is`);
    rmSync(join(dataDir, RESTORE_MARKER), { force: true });
    return null;
  }
  const { keptAs, revoked } = existsSync(dbFile) ? keepCurrent(dbFile, dataDir, at) : { keptAs: '', revoked: [] };
  const incoming = `${dbFile}.restoring`;
  copyFileSync(source, incoming);
  if (revoked.length > 0) {
    const db = new Database(incoming);
    try {
      revokeTokenHashes(db, revoked);
    } catch {
      // The backup predates paired devices: none of them can come back from it.
    } finally {
      db.close();
    }
  }
  // The old log must never be replayed onto the new file.
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(incoming, dbFile);
  rmSync(join(dataDir, RESTORE_MARKER), { force: true });
  log(`restore: the database is now the backup ${request.name}; the one it replaced is kept as ${keptAs}`);
  return { ...request, keptAs };
}
