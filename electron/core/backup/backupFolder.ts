import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../../shared/protocol';
import { checkFile } from '../store/backup';

/** Backups live beside the database, one self-contained `.sqlite` file each. */
export const BACKUP_DIR = 'backups';

/** `desk-20261202T031500123Z-scheduled.sqlite`: sorts by time, says why it was made. */
const NAME = /^desk-(\d{8}T\d{9}Z)-([a-z-]+)\.sqlite$/;

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:.]/g, '');
}

function parseStamp(s: string): number {
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return Date.parse(iso);
}

/** A fresh file name for a backup made at `at` (never an existing one, even within a millisecond). */
export function newBackupPath(dataDir: string, at: number, reason: BackupReason): string {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const taken = new Set(readdirSync(dir));
  let t = at;
  while (taken.has(`desk-${stamp(t)}-${reason}.sqlite`)) t += 1;
  return join(dir, `desk-${stamp(t)}-${reason}.sqlite`);
}

/** Every finished backup, newest first (a `.partial` copy is not one). */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupDir(dataDir));
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    const reason = match?.[2] as BackupReason | undefined;
    if (!match || !reason || !BACKUP_REASONS.includes(reason)) continue;
    found.push({ name, at: parseStamp(match[1]!), reason, bytes: statSync(join(backupDir(dataDir), name)).size });
  }
  return found.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

/** The file of a listed backup; null for any name that is not one (no path from a client reaches the disk). */
export function backupPath(dataDir: string, name: string): string | null {
  return listBackups(dataDir).some((b) => b.name === name) ? join(backupDir(dataDir), name) : null;
}

/**
 * Keeps the `keep` newest backups of each reason: the hourly copies never push out the copy made
 * before a migration or a restore, which is the one to go back to when those went wrong.
 */
export function rotateBackups(dataDir: string, keep: number): string[] {
  const removed: string[] = [];
  const seen = new Map<BackupReason, number>();
  for (const backup of listBackups(dataDir)) {
    const n = (seen.get(backup.reason) ?? 0) + 1;
    seen.set(backup.reason, n);
    if (n <= keep) continue;
    rmSync(join(backupDir(dataDir), backup.name), { force: true });
    removed.push(backup.name);
  }
  return removed;
}

/** The newest backup that passes `quick_check` (older ones are read only while newer ones fail). */
export function newestGoodBackup(dataDir: string): BackupInfo | null {
  for (const backup of listBackups(dataDir)) {
    if (checkFile(join(backupDir(dataDir), backup.name)) === 'ok') return backup;
  }
  return null;
}
