import type { Department, DepartmentEntry, DepartmentInput } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

interface DepartmentRow {
  id: number;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  contact_person: string;
  email: string;
  active: number;
}

const COLUMNS = `id, code, name_kk, name_ru, name_en, contact_person, email, active`;
const ACTIVE = `SELECT ${COLUMNS} FROM department WHERE active = 1 ORDER BY position, id`;
const ALL = `SELECT ${COLUMNS} FROM department ORDER BY position, id`;
const BY_ID = `SELECT ${COLUMNS} FROM department WHERE id = @id`;
const BY_CODE = `SELECT id FROM department WHERE code = @code`;
const INSERT = `
  INSERT INTO department (code, name_kk, name_ru, name_en, contact_person, email, active, position, updated_at)
  VALUES (@code, @kk, @ru, @en, @contactPerson, @email, @active,
          (SELECT COALESCE(MAX(position), 0) + 1 FROM department), @now)
  RETURNING id
`;
const UPDATE = `
  UPDATE department
  SET code = @code, name_kk = @kk, name_ru = @ru, name_en = @en, contact_person = @contactPerson,
      email = @email, active = @active, updated_at = @now
  WHERE id = @id
`;

function toDepartment(row: DepartmentRow): Department {
  return { id: row.id, code: row.code, names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en } };
}

function toEntry(row: DepartmentRow): DepartmentEntry {
  return { ...toDepartment(row), contactPerson: row.contact_person, email: row.email, active: row.active === 1 };
}

/** Departments a question can be handed to now (archived ones left out). */
export function listDepartments(db: Db): Department[] {
  return (prepared(db, ACTIVE).all() as DepartmentRow[]).map(toDepartment);
}

/** The whole directory for its editor, archived departments included. */
export function listDepartmentDirectory(db: Db): DepartmentEntry[] {
  return (prepared(db, ALL).all() as DepartmentRow[]).map(toEntry);
}

export function getDepartment(db: Db, id: number): Department | null {
  const row = prepared(db, BY_ID).get({ id }) as DepartmentRow | undefined;
  return row ? toDepartment(row) : null;
}

export function getDepartmentEntry(db: Db, id: number): DepartmentEntry | null {
  const row = prepared(db, BY_ID).get({ id }) as DepartmentRow | undefined;
  return row ? toEntry(row) : null;
}

/** The id of the department using `code`, or null. */
export function departmentIdByCode(db: Db, code: string): number | null {
  return (prepared(db, BY_CODE).get({ code }) as { id: number } | undefined)?.id ?? null;
}

/** Inserts (no id) or updates one department; returns its id, or null when the id is unknown. */
export function saveDepartment(db: Db, input: DepartmentInput, now: number): number | null {
  const values = {
    code: input.code,
    ...input.names,
    contactPerson: input.contactPerson,
    email: input.email,
    active: input.active ? 1 : 0,
    now,
  };
  if (input.id === undefined) return (prepared(db, INSERT).get(values) as { id: number }).id;
  return prepared(db, UPDATE).run({ ...values, id: input.id }).changes === 1 ? input.id : null;
}
