import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/**
 * Prepares each statement once per database handle. Modules call
 * `const stmt = prepared(db, SQL)`; the SQL string is the cache key.
 */
const cache = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let stmt = perDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    perDb.set(sql, stmt);
  }
  return stmt;
}
