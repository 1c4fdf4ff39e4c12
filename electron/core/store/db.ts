import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { prepared } from './statements';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3, used only when the core runs inside Electron. */
  nativeBinding?: string;
  /**
   * Called before migrations change the schema of an existing database (the desk's only
   * connection, at start): where the copy to go back to is made.
   */
  beforeMigration?: (db: Db, fromVersion: number) => void;
}

/** The file is not a sound SQLite database: the desk refuses to run on it rather than make it worse. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`The database ${file} is damaged: it failed its integrity check (${detail}).`);
    this.name = 'DamagedDatabaseError';
  }
}

/** SQLite's own words for a file that is not a sound database. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Opens (and migrates) the desk's database. WAL with synchronous=FULL: better-sqlite3 is built
 * with NORMAL as the WAL default, which can roll back the last commits on power loss — and an
 * acknowledged question must survive that.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const stoppedAbruptly = hasWriteAheadLog(file);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  let version: number;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Statement journals (every INSERT with a trigger or an index to undo on a failed constraint
    // copies each page it touches) and temporary b-trees stay in memory: on disk they were a
    // write system call per page, a third of the cost of making a question during a storm.
    db.pragma('temp_store = MEMORY');
    // The check reads every page (tens of seconds on a 1,000,000-question database on a busy
    // machine), so it runs after an abrupt stop, when damage is possible, not at every start.
    const check = stoppedAbruptly ? String(db.pragma('quick_check', { simple: true })) : 'ok';
    if (check !== 'ok') throw new DamagedDatabaseError(file, `quick_check: ${check}`);
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGE_CODES.has(code)) throw new DamagedDatabaseError(file, (error as Error).message);
    throw error;
  }
  if (options.beforeMigration && version > 0 && version < LATEST_SCHEMA_VERSION) options.beforeMigration(db, version);
  migrate(db);
  return db;
}

/**
 * Whether a write-ahead log with content is left next to `file`: SQLite removes it when the last
 * connection closes cleanly, so one left behind means the last run stopped abruptly (a crash, a
 * power cut, kill -9).
 */
function hasWriteAheadLog(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Runs `work` as commits that do not wait for the disk (synchronous=NORMAL): atomic, and safe from
 * a crash of the process, but not from a power cut until a `WalSync.sync()` started after them
 * resolves. For intake's group commit, whose senders are answered only after that sync, so the
 * fsync runs in libuv's thread pool instead of holding the main thread (one fsync per ~200 µs turn
 * was a third of it under a flood). Everything else keeps synchronous=FULL.
 */
export function withoutWaitingForDisk<T>(db: Db, work: () => T): T {
  prepared(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return work();
  } finally {
    prepared(db, 'PRAGMA synchronous = FULL').run();
  }
}

/** The part of a file handle a WAL sync uses (tests inject failures through it). */
export interface WalFile {
  datasync(): Promise<void>;
  close(): Promise<void>;
}

export interface WalSync {
  /** Resolves once every commit made before the call is on disk. */
  sync(): Promise<void>;
  /** Waits for syncs in flight and releases the file. */
  close(): Promise<void>;
}

/**
 * fdatasync of the database's write-ahead log, off the main thread. fdatasync covers the file,
 * whichever descriptor wrote it; SQLite keeps the same WAL file while a connection is open (it only
 * truncates or rewinds it, and a checkpoint syncs what it copies). Calls that arrive while a sync
 * runs, or within `minGapMs` of the last one's start, share the next one: under a flood one fsync
 * serves dozens of commits (each costs ~0.1 ms of CPU, taken from the senders' side of the
 * machine), while a lone message is synced at once.
 */
export function createWalSync(db: Db, minGapMs = 1, openWal: (path: string) => Promise<WalFile> = (p) => open(p, 'r+')): WalSync {
  const path = `${db.name}-wal`;
  let handle: Promise<WalFile> | null = null;
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  let lastStart = -Infinity;
  // After a failed fsync the kernel may have dropped those pages and marks them clean, so a later
  // fsync "succeeds" without them; and WAL recovery stops at the first bad frame, taking every later
  // commit with it. Nothing more is acknowledged until a checkpoint has copied the whole log into
  // the database file and synced it.
  let poisoned = false;

  /** Makes every commit so far durable through SQLite's own descriptors (main thread; faults only). */
  const checkpoint = (cause: unknown): void => {
    try {
      const [result] = db.pragma('wal_checkpoint(FULL)') as Array<{ busy: number; log: number; checkpointed: number }>;
      if (result && result.busy === 0 && result.checkpointed >= result.log) return;
    } catch (error) {
      throw new AppError('unavailable', { detail: `write-ahead log not durable: ${String(cause)}; checkpoint failed: ${String(error)}` });
    }
    throw new AppError('unavailable', { detail: `write-ahead log not durable: ${String(cause)}; checkpoint incomplete` });
  };

  const syncOnce = async (): Promise<void> => {
    if (poisoned) {
      checkpoint('an earlier fsync failed');
      poisoned = false;
      return;
    }
    const opening = (handle ??= openWal(path));
    let file: WalFile;
    try {
      file = await opening;
    } catch (error) {
      // Not cached: "too many open files" passes; this time SQLite's open descriptor does the work.
      if (handle === opening) handle = null;
      checkpoint(error);
      return;
    }
    try {
      await file.datasync();
    } catch (error) {
      poisoned = true;
      if (handle === opening) handle = null;
      void file.close().catch(() => undefined);
      throw new AppError('unavailable', { detail: `fsync of the write-ahead log failed: ${String(error)}` });
    }
  };

  const start = (): Promise<void> => {
    lastStart = performance.now();
    const current = syncOnce().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };

  return {
    sync() {
      if (!running && !next && performance.now() - lastStart >= minGapMs) return start();
      // A running sync may have started before this caller's commit: join the one after it.
      next ??= (running ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => new Promise((resolve) => setTimeout(resolve, Math.max(0, lastStart + minGapMs - performance.now()))))
        .then(() => {
          next = null;
          return start();
        });
      return next;
    },
    async close() {
      await Promise.allSettled([running, next]);
      const h = handle;
      handle = null;
      if (h) await (await h.catch(() => null))?.close();
    },
  };
}
