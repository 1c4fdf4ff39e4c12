import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/core/reports/buildReport';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { episodesForReports, REPORT_QUERIES } from '../../../electron/core/store/reports';
import { weekOf, previousRange, rangeBounds } from '../../../shared/protocol';
import { FIXTURE_EPISODE_ID, FIXTURE_NOW, FIXTURE_WEEK, seedReportWeek } from '../../helpers/reportFixture';

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-report-'));
  db = openDatabase(join(dir, 'desk.sqlite'));
  seedReportWeek(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const week = (lang: 'kk' | 'ru' | 'en' = 'en', personal = false) =>
  buildReport(db, { scope: { kind: 'range', range: FIXTURE_WEEK }, lang, personal, now: FIXTURE_NOW });
const counts = (items: Array<{ key: string | null; count: number }>) => Object.fromEntries(items.map((c) => [String(c.key), c.count]));

describe('report periods in Almaty time', () => {
  it('finds the Monday–Sunday week of a day and the period before it', () => {
    expect(weekOf('2026-11-29')).toEqual(FIXTURE_WEEK);
    expect(weekOf('2026-11-23')).toEqual(FIXTURE_WEEK);
    expect(previousRange(FIXTURE_WEEK)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(rangeBounds(FIXTURE_WEEK)).toEqual({ start: Date.parse('2026-11-22T19:00:00Z'), end: Date.parse('2026-11-29T19:00:00Z') });
    // Before 2024-03-01 Almaty was UTC+6.
    expect(rangeBounds({ from: '2024-01-01', to: '2024-01-01' }).start).toBe(Date.parse('2023-12-31T18:00:00Z'));
  });
});

describe('the weekly report', () => {
  it('counts every figure as hand-counted for the fixture week', () => {
    const r = week();
    expect(r.totals).toEqual({ received: 9, approved: 5, rejected: 2, merged: 1, pending: 2, answered: 2, handedOff: 1, deferred: 0, dropped: 1 });
    expect(r.previousEpisode).toBeNull();
    expect(r.previousTotals).toEqual({ received: 3, approved: 2, rejected: 0, merged: 0, pending: 1, answered: 1, handedOff: 0, deferred: 0, dropped: 0 });
    expect(counts(r.rejectedByReason)).toEqual({ spam: 1, abuse: 1 });
    expect(counts(r.byChannel)).toEqual({ web: 3, telegram: 2, whatsapp: 1, phone: 1, csv: 1, webhook: 1 });
    expect(counts(r.byTopic)).toEqual({ roads: 4, utilities: 1, ecology: 1, education: 1, healthcare: 1, null: 1 });
    expect(counts(r.byDistrict)).toEqual({ alatau: 3, medeu: 2, auezov: 1, turksib: 1, bostandyk: 1, null: 1 });
    expect(counts(r.byLanguage)).toEqual({ ru: 6, kk: 2, en: 1 });
    expect(counts(r.bySpeaker)).toEqual({ 'Ерлан Қожабаев': 1, 'Айгүл Нұрланқызы': 1 });
    expect(counts(r.byDepartment)).toEqual({ health: 1, energy: 1, mobility: 1, ecology: 1 });
    expect(r.handoffs).toEqual({ onTime: 1, late: 1, open: 1, overdue: 1 });
    expect(r.commitments).toEqual({ upcoming: 1, overdue: 1, noDate: 1 });
    expect(r.busiestTopics.map((c) => [c.key, c.count])).toEqual([['roads', 4], ['utilities', 1], ['ecology', 1], ['education', 1], ['healthcare', 1]]);
    expect(r.busiestDistricts[0]).toEqual({ key: 'alatau', label: 'Alatau', count: 3 });
  });

  it('lists answered questions with summary, commitments and asked-by, personal data masked and names left out', () => {
    const r = week('ru');
    expect(r.answered.map((a) => [a.reference, a.askedBy, a.speaker, a.topic, a.district, a.asker])).toEqual([
      ['2026-0002', 3, 'Ерлан Қожабаев', 'Дороги', 'Алатауский', null],
      ['2026-0003', 1, 'Айгүл Нұрланқызы', 'Дороги', 'Медеуский', null],
    ]);
    const first = r.answered[0]!;
    expect(first.question).not.toContain('123 45 67');
    expect(first.summary).not.toContain('123 45 67');
    expect(first.summary).toContain('Ремонт начнут весной');
    expect(first.commitments).toEqual([
      { what: 'Отремонтировать улицу Төле би', who: 'Управление мобильности', due: '2026-12-15', state: 'upcoming' },
      { what: 'Проверить освещение', who: 'Аким Алатауского района', due: '2026-11-28', state: 'overdue' },
    ]);
    expect(JSON.stringify(r)).not.toContain('Сейітқызы');
    expect(r.handoffList.map((h) => [h.reference, h.department, h.due, h.state])).toEqual([
      ['2026-0012/mobility', 'Управление мобильности', '2026-11-30', 'overdue'],
      ['2026-0012/energy', 'Управление энергетики и коммунального хозяйства', '2026-11-27', 'late'],
      ['2026-0003/ecology', 'Управление экологии и окружающей среды', '2026-12-10', 'onTime'],
      ['2026-0004/health', 'Управление общественного здравоохранения', '2026-12-17', 'open'],
    ]);
  });

  it('adds only the asker’s first name when personal data is asked for', () => {
    const r = week('kk', true);
    expect(r.answered[0]!.asker).toBe('Айгерім');
    expect(JSON.stringify(r)).not.toContain('Сейітқызы');
  });

  it('reports one episode: its air day’s intake (Almaty midnight) and what the show decided', () => {
    const r = buildReport(db, { scope: { kind: 'episode', episodeId: FIXTURE_EPISODE_ID }, lang: 'kk', personal: false, now: FIXTURE_NOW });
    expect(r.episode).toEqual({ id: 1, title: 'Әкімдік LIVE №47', airDate: '2026-11-26' });
    expect(r.totals).toEqual({ received: 3, approved: 0, rejected: 2, merged: 1, pending: 0, answered: 2, handedOff: 1, deferred: 0, dropped: 1 });
    expect(r.handoffList.map((h) => h.reference)).toEqual(['2026-0004/health']);
    expect(r.byTopic.find((c) => c.key === 'roads')?.label).toBe('Жолдар');
    // Compared with the show before: its air day's intake (none) and what it decided.
    expect(r.previousEpisode).toEqual({ id: 2, title: 'Әкімдік LIVE №46', airDate: '2026-11-19' });
    expect(r.previousRange).toEqual({ from: '2026-11-19', to: '2026-11-19' });
    expect(r.previousTotals).toEqual({ received: 0, approved: 0, rejected: 0, merged: 0, pending: 0, answered: 1, handedOff: 0, deferred: 0, dropped: 0 });
  });

  it('compares the first episode with the day before it', () => {
    const r = buildReport(db, { scope: { kind: 'episode', episodeId: 2 }, lang: 'en', personal: false, now: FIXTURE_NOW });
    expect(r.previousEpisode).toBeNull();
    expect(r.previousRange).toEqual({ from: '2026-11-18', to: '2026-11-18' });
    expect(r.totals.answered).toBe(1);
  });

  it('reads its rows through the report indexes', () => {
    for (const sql of Object.values(REPORT_QUERIES)) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ start: 0, end: 1, episodeId: null }) as Array<{ detail: string }>;
      const text = plan.map((p) => p.detail).join('\n');
      expect(text).toMatch(/USING (COVERING )?INDEX (question_report|outcome_decided|handoff_created)/);
      expect(text).not.toMatch(/SCAN (question|outcome|handoff)\b(?! USING)/);
    }
  });
});

describe('a rehearsal in the week', () => {
  it('leaves no trace in the report: not in the picker, no episode report, its hand-offs and answers not counted', () => {
    const rehearsalDir = mkdtempSync(join(tmpdir(), 'desk-report-rehearsal-'));
    const other = openDatabase(join(rehearsalDir, 'desk.sqlite'));
    try {
      seedReportWeek(other);
      const at = Date.parse('2026-11-27T13:00:00Z');
      other.prepare(`
        INSERT INTO episode (id, title, air_date, start_time, planned_start, duration_min, status, rehearsal, created_at, updated_at)
        VALUES (3, 'Прогон', '2026-11-27', '18:00', @at, 30, 'done', 1, 0, 0)
      `).run({ at });
      const outcome = other.prepare(`
        INSERT INTO outcome (question_id, episode_id, kind, summary, commitments, decided_at, actor) VALUES (@q, 3, @kind, '', '[]', @at, 'producer')
      `);
      outcome.run({ q: 8, kind: 'handed_off', at });
      outcome.run({ q: 9, kind: 'answered', at: at + 60_000 });
      const health = (other.prepare(`SELECT id FROM department WHERE code = 'health'`).get() as { id: number }).id;
      other.prepare(`
        INSERT INTO handoff (question_id, department_id, reference, due_date, status, created_at, updated_at)
        VALUES (8, @health, '2026-0008/health', '2026-12-20', 'handed_off', @at, @at)
      `).run({ health, at });

      const withRehearsal = buildReport(other, { scope: { kind: 'range', range: FIXTURE_WEEK }, lang: 'en', personal: false, now: FIXTURE_NOW });
      const { generatedAt: _a, ...expected } = week();
      const { generatedAt: _b, ...actual } = withRehearsal;
      expect(actual).toEqual(expected);
      expect(episodesForReports(other).map((e) => e.id)).toEqual([1, 2]);
      expect(() => buildReport(other, { scope: { kind: 'episode', episodeId: 3 }, lang: 'en', personal: false, now: FIXTURE_NOW })).toThrow(
        expect.objectContaining({ code: 'not_found' }),
      );
    } finally {
      other.close();
      rmSync(rehearsalDir, { recursive: true, force: true });
    }
  });
});
