import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/db';
import { MIGRATIONS, migrate } from '../../../electron/core/store/migrations';
import { SEARCH_FOLDS_0170 } from '../../../electron/core/store/migrations/0170-search-kazakh-fold';
import { SEARCH_FOLDS } from '../../../shared/text';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-db-'));
  dirs.push(dir);
  return join(dir, 'desk.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('database', () => {
  it('runs every migration and records the schema version', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['question', 'audit']));
    db.close();
  });

  it('checks every page after an abrupt stop and refuses a damaged file', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (body BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (body) VALUES (randomblob(300))');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run();
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('after', '1', 0)").run();
    // The files as a kill -9 would leave them: the log still holds the last commit.
    const crashed = tempFile();
    copyFileSync(file, crashed);
    copyFileSync(`${file}-wal`, `${crashed}-wal`);
    db.close();
    expect(statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    const pageSize = 4096;
    const middlePage = Math.floor(statSync(crashed).size / pageSize / 2);
    const fd = openSync(crashed, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, middlePage * pageSize);
    closeSync(fd);
    expect(() => openDatabase(crashed)).toThrow(/integrity check/);
  });

  it('uses WAL with synchronous=FULL so acknowledged questions survive power loss', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('numbers migrations in increasing steps', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('refuses a database from a newer version of the desk', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma('user_version = 99999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer version/);
  });

  it('reopens an existing database without re-running migrations', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    db.close();
  });

  it('gives questions stored before the on-air name their parsed first name (0150)', () => {
    const file = tempFile();
    const raw = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version < 150)) m.up(raw);
    raw.pragma('user_version = 140');
    const insert = raw.prepare(
      `INSERT INTO question (id, reference, channel, external_id, sender_name, original_text, air_text, received_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'Вопрос', 'Вопрос', 0, 0)`,
    );
    insert.run(1, '2026-0001', 'csv', 'a', 'Сейткали Айгерим Болатовна');
    insert.run(2, '2026-0002', 'web', 'b', 'Иванов');
    migrate(raw);
    expect(raw.prepare('SELECT air_name, air_name_check FROM question ORDER BY id').all()).toEqual([
      { air_name: 'Айгерим', air_name_check: 0 },
      { air_name: '', air_name_check: 1 },
    ]);
    raw.close();
  });

  it('rebuilds the search index with Kazakh letters folded, as queries are (0170)', () => {
    expect(SEARCH_FOLDS_0170).toEqual(SEARCH_FOLDS);
    const file = tempFile();
    const raw = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version < 170)) m.up(raw);
    raw.pragma('user_version = 160');
    raw
      .prepare(
        `INSERT INTO question (id, reference, channel, external_id, sender_name, original_text, air_text, received_at, updated_at)
         VALUES (1, '2026-0001', 'web', 'a', 'Айгерім', 'Төле би қашан жөнделеді?', 'Төле би қашан жөнделеді?', 0, 0)`,
      )
      .run();
    migrate(raw);
    const match = (q: string) => raw.prepare('SELECT rowid FROM question_fts WHERE question_fts MATCH ?').pluck().all(q);
    expect(match('"толе" "кашан"*')).toEqual([1]);
    expect(match('"айгерим"')).toEqual([1]);
    raw.prepare("UPDATE question SET air_text = 'Шуғыла' WHERE id = 1").run();
    expect(match('"шугыла"')).toEqual([1]);
    raw.prepare('DELETE FROM question WHERE id = 1').run();
    expect(match('"толе"')).toEqual([]);
    raw.close();
  });
});
