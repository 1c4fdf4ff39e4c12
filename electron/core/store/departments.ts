import type { Department } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

interface DepartmentRow {
  id: number;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
}

const COLUMNS = `id, code, name_kk, name_ru, name_en`;
const ALL = `SELECT ${COLUMNS} FROM department ORDER BY position, id`;
const BY_ID = `SELECT ${COLUMNS} FROM department WHERE id = @id`;

function toDepartment(row: DepartmentRow): Department {
  return { id: row.id, code: row.code, names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en } };
}

export function listDepartments(db: Db): Department[] {
  return (prepared(db, ALL).all() as DepartmentRow[]).map(toDepartment);
}

export function getDepartment(db: Db, id: number): Department | null {
  const row = prepared(db, BY_ID).get({ id }) as DepartmentRow | undefined;
  return row ? toDepartment(row) : null;
}
