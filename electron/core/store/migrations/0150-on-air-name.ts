import { parseOnAirName, surnameFirstByDefault } from '../../analysis/onAirName';
import type { Channel } from '../../../../shared/domain';
import type { Migration } from '.';

/**
 * The first name read on air, parsed once from the sender's name and correctable by a producer,
 * so the teleprompter never derives it (it took the first word: a surname in "Фамилия Имя").
 * `air_name_check` = 1: the rule was unsure, a producer should confirm it. Existing questions are
 * parsed with the rule of this release.
 */
export const m0150OnAirName: Migration = {
  version: 150,
  name: 'on-air-name',
  up(db) {
    db.exec(`
      ALTER TABLE question ADD COLUMN air_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE question ADD COLUMN air_name_check INTEGER NOT NULL DEFAULT 0 CHECK (air_name_check IN (0, 1));
    `);
    // In pages: better-sqlite3 cannot write while a statement is still reading.
    const page = db.prepare(
      `SELECT id, channel, sender_name AS senderName FROM question WHERE id > @after ORDER BY id LIMIT 5000`,
    );
    const set = db.prepare(`UPDATE question SET air_name = @firstName, air_name_check = @check WHERE id = @id`);
    let after = 0;
    for (;;) {
      const rows = page.all({ after }) as Array<{ id: number; channel: Channel; senderName: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        const name = parseOnAirName(row.senderName, surnameFirstByDefault(row.channel));
        set.run({ id: row.id, firstName: name.firstName, check: name.toCheck ? 1 : 0 });
      }
      after = rows.at(-1)!.id;
    }
  },
};
