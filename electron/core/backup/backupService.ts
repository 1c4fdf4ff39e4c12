import type { BackupInfo, BackupReason, Backups, BackupSettings } from '../../../shared/protocol';
import { backupTo, changeCount } from '../store/backup';
import { getBackupSettings, saveBackupSettings } from '../store/backupSettings';
import type { Db } from '../store/db';
import { listBackups, newBackupPath, rotateBackups } from './backupFolder';

export interface BackupServiceDeps {
  db: Db;
  dataDir: string;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** Every change of the list (a new backup, rotation, new settings): the Backups panels follow it. */
  onChange?: (backups: Backups) => void;
}

export interface BackupService {
  list(): Backups;
  /** An online backup now; old ones of the same reason beyond `keep` are removed. */
  create(reason: BackupReason): Promise<BackupInfo>;
  configure(settings: BackupSettings): Backups;
  /** A scheduled backup when one is due and something changed since the last; the timer calls it. */
  runSchedule(): Promise<BackupInfo | null>;
  close(): Promise<void>;
}

/** How often the schedule looks whether a backup is due (the interval itself is a setting). */
const SCHEDULE_TICK_MS = 60_000;

export function createBackupService(deps: BackupServiceDeps): BackupService {
  const { db, dataDir, now, log } = deps;
  const newest = listBackups(dataDir).find((b) => b.reason === 'scheduled' || b.reason === 'manual');
  let lastAt = newest?.at ?? -Infinity;
  // Changes counted since this connection opened: the first scheduled run after a start always copies.
  let changesAtLast = -1;
  let running: Promise<BackupInfo> | null = null;

  const list = (): Backups => ({ backups: listBackups(dataDir), settings: getBackupSettings(db) });

  const make = async (reason: BackupReason): Promise<BackupInfo> => {
    const at = now();
    const changes = changeCount(db);
    const path = newBackupPath(dataDir, at, reason);
    await backupTo(db, path);
    lastAt = at;
    changesAtLast = changes;
    rotateBackups(dataDir, getBackupSettings(db).keep);
    const current = list();
    deps.onChange?.(current);
    const made = current.backups.find((b) => path.endsWith(b.name));
    if (!made) throw new Error(`The backup ${path} vanished right after it was made`);
    return made;
  };

  // One backup at a time: a second request waits for the first and then makes its own.
  const create = (reason: BackupReason): Promise<BackupInfo> => {
    const previous = running ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => make(reason));
    running = next;
    void next.finally(() => {
      if (running === next) running = null;
    }).catch(() => undefined);
    return next;
  };

  const runSchedule = async (): Promise<BackupInfo | null> => {
    const { intervalMinutes } = getBackupSettings(db);
    if (intervalMinutes === 0 || now() - lastAt < intervalMinutes * 60_000) return null;
    if (changeCount(db) === changesAtLast) return null;
    return create('scheduled');
  };

  const timer = setInterval(() => {
    runSchedule().catch((error: unknown) => log('backup: the scheduled backup failed', error));
  }, SCHEDULE_TICK_MS);
  timer.unref();

  return {
    list,
    create,
    configure(settings) {
      saveBackupSettings(db, settings, now());
      rotateBackups(dataDir, settings.keep);
      const current = list();
      deps.onChange?.(current);
      return current;
    },
    runSchedule,
    async close() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
