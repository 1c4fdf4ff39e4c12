import { AppError } from '../../../shared/errors';
import { inboxFilterSchema, type InboxFilter, type SavedView } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

interface ViewRow {
  id: number;
  name: string;
  filter: string;
  created_by: string;
  created_at: number;
}

const LIST = `SELECT id, name, filter, created_by, created_at FROM saved_view ORDER BY name`;

// Saving under an existing name replaces that view: producers rename by saving anew.
const UPSERT = `
  INSERT INTO saved_view (name, filter, created_by, created_at)
  VALUES (@name, @filter, @createdBy, @createdAt)
  ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, created_by = excluded.created_by,
    created_at = excluded.created_at
  RETURNING id, name, filter, created_by, created_at
`;

const DELETE = `DELETE FROM saved_view WHERE id = @id`;

function toView(row: ViewRow): SavedView {
  // A view saved by an older build may hold fields this one no longer knows: keep the rest.
  const parsed = inboxFilterSchema.safeParse(JSON.parse(row.filter));
  return {
    id: row.id,
    name: row.name,
    filter: parsed.success ? parsed.data : {},
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function listViews(db: Db): SavedView[] {
  return (prepared(db, LIST).all() as ViewRow[]).map(toView);
}

export function saveView(db: Db, name: string, filter: InboxFilter, createdBy: string, now: number): SavedView {
  const row = prepared(db, UPSERT).get({ name, filter: JSON.stringify(filter), createdBy, createdAt: now }) as ViewRow;
  return toView(row);
}

export function deleteView(db: Db, id: number): void {
  if (prepared(db, DELETE).run({ id }).changes === 0) throw new AppError('not_found');
}
