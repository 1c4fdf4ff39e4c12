import type { Migration } from '.';

/**
 * The department directory becomes editable in the app: the unused free-text `contact` becomes
 * the contact person, with an e-mail beside it. Departments are archived, never deleted: hand-offs
 * keep pointing at them.
 */
export const m0130DepartmentDirectory: Migration = {
  version: 130,
  name: 'department-directory',
  up(db) {
    db.exec(`
      ALTER TABLE department RENAME COLUMN contact TO contact_person;
      ALTER TABLE department ADD COLUMN email TEXT NOT NULL DEFAULT '';
      ALTER TABLE department ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE department ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
