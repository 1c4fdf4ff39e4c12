import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3, used only when the core runs inside Electron. */
  nativeBinding?: string;
}

/**
 * Opens (and migrates) the desk's database. WAL with synchronous=FULL: better-sqlite3 is built
 * with NORMAL as the WAL default, which can roll back the last commits on power loss — and an
 * acknowledged question must survive that.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new Error(`Database ${file} failed its integrity check: ${String(check)}`);
  }
  migrate(db);
  return db;
}
