import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/store/migrations';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0180: hand-off statuses', () => {
  it('moves the stored overdue status away: open and overdue become handed off, resolved becomes answered', () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-mig-'));
    const db = new Database(join(dir, 'desk.sqlite'));
    for (const m of MIGRATIONS.filter((x) => x.version < 180)) m.up(db);
    db.exec(`
      INSERT INTO question (id, reference, channel, external_id, sender_name, original_text, air_text, received_at, updated_at)
      VALUES (1, '2026-0001', 'web', 'a', 'A', 'q', 'q', 1, 1);
      INSERT INTO handoff (question_id, department_id, reference, due_date, status, resolution, created_at, updated_at) VALUES
        (1, 1, '2026-0001/energy', '2026-01-20', 'open', NULL, 1, 1),
        (1, 2, '2026-0001/mobility-2', '2026-01-20', 'overdue', NULL, 1, 2),
        (1, 3, '2026-0001/urban_planning-3', '2026-01-20', 'resolved', 'Сделано', 1, 3);
    `);
    MIGRATIONS.find((m) => m.version === 180)!.up(db);
    expect(db.prepare('SELECT reference, status, answer, answered_at AS answeredAt, version FROM handoff ORDER BY id').all()).toEqual([
      { reference: '2026-0001/energy', status: 'handed_off', answer: '', answeredAt: null, version: 1 },
      { reference: '2026-0001/mobility-2', status: 'handed_off', answer: '', answeredAt: null, version: 1 },
      { reference: '2026-0001/urban_planning-3', status: 'answered', answer: 'Сделано', answeredAt: 3, version: 1 },
    ]);
    expect(() => db.prepare("UPDATE handoff SET status = 'overdue' WHERE id = 1").run()).toThrow(/CHECK/);
    const seeded = db.prepare("SELECT COUNT(*) AS n FROM calendar_day WHERE source = 'date-holidays' AND day LIKE '2026-%'").get();
    expect((seeded as { n: number }).n).toBeGreaterThan(10);
    db.close();
  });
});
