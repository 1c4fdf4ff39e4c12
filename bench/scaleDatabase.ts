import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../electron/core/createCore';
import { openDatabase } from '../electron/core/store/db';
import { generateQuestions } from './questionData';

/**
 * The benchmark's database of `rows` synthetic questions, built once and kept in the system's
 * temporary directory (a few minutes to build; reused by every later run). Its name carries the
 * schema version, so a new migration builds a new one instead of measuring a migration (and the
 * one built for an older schema is deleted: each takes half a gigabyte).
 */
export function cachedDatabase(rows: number): { file: string; builtMs: number | null } {
  const probe = openDatabase(':memory:');
  const version = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  const dir = join(tmpdir(), `akimat-desk-bench-${rows}-v${version}`);
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file)) return { file, builtMs: null };
  const prefix = `akimat-desk-bench-${rows}-v`;
  for (const old of readdirSync(tmpdir()).filter((name) => name.startsWith(prefix))) rmSync(join(tmpdir(), old), { recursive: true, force: true });
  mkdirSync(`${dir}.partial`, { recursive: true });
  const db = openDatabase(join(`${dir}.partial`, DATABASE_FILE));
  console.log(`building the benchmark's database of ${rows.toLocaleString('en')} questions (once; kept in ${dir})…`);
  const builtMs = generateQuestions(db, rows);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(`${dir}.partial`, dir);
  return { file, builtMs };
}
