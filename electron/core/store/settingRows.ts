import type { z } from 'zod';
import type { Db } from './db';
import { prepared } from './statements';

const GET = `SELECT value FROM setting WHERE key = @key`;
const PUT = `
  INSERT INTO setting (key, value, updated_at) VALUES (@key, @value, @now)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
`;

/**
 * One JSON setting row, validated on read: a damaged row (or a schema older than settings, read
 * before a migration) gives `fallback`.
 */
export function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const row = prepared(db, GET).get({ key }) as { value: string } | undefined;
    if (!row) return fallback;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function writeSetting(db: Db, key: string, value: unknown, now: number): void {
  prepared(db, PUT).run({ key, value: JSON.stringify(value), now });
}
