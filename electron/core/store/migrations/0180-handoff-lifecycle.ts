import Holidays from 'date-holidays';
import type { Migration } from '.';

/** Years seeded from date-holidays; later years (and every decree) are entered by an admin. */
const SEEDED_YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

/**
 * Hand-offs get their life: handed_off → in_progress → answered, a note to the department and the
 * department's answer. "Overdue" is no longer a stored status: it is derived from the due date and
 * the clock, so the old 'overdue' rows become 'handed_off' again ('open' too; 'resolved' becomes
 * 'answered' with its resolution as the answer).
 *
 * `calendar_day` holds the exceptions to the Monday–Friday week that due dates count in: public
 * holidays (and their carried-over days off) and the government's yearly day-off transfers, as
 * data an admin edits. Seeded with Kazakhstan's public holidays from date-holidays.
 */
export const m0180HandoffLifecycle: Migration = {
  version: 180,
  name: 'handoff-lifecycle',
  up(db) {
    db.exec(`
      CREATE TABLE calendar_day (
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day')),
        name TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('date-holidays', 'admin')),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE handoff_next (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question (id),
        department_id INTEGER NOT NULL REFERENCES department (id),
        reference TEXT NOT NULL UNIQUE,
        note TEXT NOT NULL DEFAULT '',
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'handed_off' CHECK (status IN ('handed_off', 'in_progress', 'answered')),
        answer TEXT NOT NULL DEFAULT '',
        answered_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      INSERT INTO handoff_next (id, question_id, department_id, reference, due_date, status, answer, answered_at,
                                created_at, updated_at)
      SELECT id, question_id, department_id, reference, due_date,
             CASE status WHEN 'resolved' THEN 'answered' ELSE 'handed_off' END,
             COALESCE(resolution, ''),
             CASE status WHEN 'resolved' THEN updated_at END,
             created_at, updated_at
      FROM handoff;
      DROP TABLE handoff;
      ALTER TABLE handoff_next RENAME TO handoff;
      CREATE INDEX handoff_question ON handoff (question_id);
      CREATE INDEX handoff_department ON handoff (department_id, status, due_date);
      CREATE INDEX handoff_created ON handoff (created_at);
    `);
    const insert = db.prepare(`
      INSERT INTO calendar_day (day, kind, name, source, updated_at)
      VALUES (@day, 'day_off', @name, 'date-holidays', 0)
      ON CONFLICT (day) DO NOTHING
    `);
    const holidays = new Holidays('KZ');
    for (const year of SEEDED_YEARS) {
      for (const holiday of holidays.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        // date-holidays gives local dates as "YYYY-MM-DD hh:mm:ss [offset]".
        insert.run({ day: holiday.date.slice(0, 10), name: holiday.name });
      }
    }
  },
};
