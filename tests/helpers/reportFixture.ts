import { parseOnAirName } from '../../electron/core/analysis/onAirName';
import type { Db } from '../../electron/core/store/db';

/**
 * A hand-counted week for the press report: Monday 2026-11-23 to Sunday 2026-11-29, Asia/Almaty
 * (UTC+5, so a week starts at 19:00 UTC on the Sunday before). Rows sit on both sides of the
 * week's edges and of midnight in Almaty; the expected figures are in tests/core/reports.
 */
export const FIXTURE_WEEK = { from: '2026-11-23', to: '2026-11-29' } as const;
/** The report is made on Tuesday 2026-12-01 (15:00 Almaty): due dates before then are past. */
export const FIXTURE_NOW = Date.parse('2026-12-01T10:00:00Z');
export const FIXTURE_EPISODE_ID = 1;

interface Row {
  id: number;
  channel: string;
  topic: string | null;
  district: string | null;
  language: string | null;
  status: string;
  reason?: string;
  received: string;
  name?: string;
  text?: string;
  group?: number;
}

const QUESTIONS: Row[] = [
  // Sunday 23:59:59 in Almaty: the week before.
  { id: 1, channel: 'web', topic: 'roads', district: 'alatau', language: 'ru', status: 'new', received: '2026-11-22T18:59:59Z' },
  // Monday 00:00:00 in Almaty: the first second of the week.
  {
    id: 2,
    channel: 'web',
    topic: 'roads',
    district: 'alatau',
    language: 'ru',
    status: 'answered',
    received: '2026-11-22T19:00:00Z',
    name: 'Айгерім Сейітқызы',
    text: 'Когда отремонтируют улицу Төле би? Звоните +7 701 123 45 67',
    group: 1,
  },
  { id: 3, channel: 'telegram', topic: 'roads', district: 'medeu', language: 'kk', status: 'answered', received: '2026-11-24T05:00:00Z', text: 'Медеу ауданындағы жол қашан жөнделеді? Әңгіме ұзақ, ғимарат, қала, өмір, ұлт, үй, һәм, іс.' },
  // Wednesday 23:30 in Almaty (Wednesday in UTC too).
  { id: 4, channel: 'whatsapp', topic: 'healthcare', district: 'medeu', language: 'kk', status: 'handed_off', received: '2026-11-25T18:30:00Z', text: 'Емханаға жазылу мүмкін емес' },
  // Thursday 00:30 in Almaty, still Wednesday in UTC: counts on the episode's air day.
  { id: 5, channel: 'telegram', topic: 'ecology', district: null, language: 'ru', status: 'rejected', reason: 'spam', received: '2026-11-25T19:30:00Z' },
  { id: 6, channel: 'web', topic: null, district: 'auezov', language: 'en', status: 'rejected', reason: 'abuse: rude words', received: '2026-11-26T06:00:00Z' },
  { id: 7, channel: 'phone', topic: 'roads', district: 'alatau', language: 'ru', status: 'merged', received: '2026-11-26T07:00:00Z', group: 1 },
  { id: 8, channel: 'web', topic: 'utilities', district: 'turksib', language: 'ru', status: 'new', received: '2026-11-27T10:00:00Z' },
  { id: 9, channel: 'csv', topic: 'roads', district: 'bostandyk', language: 'ru', status: 'queued', received: '2026-11-28T10:00:00Z' },
  // Sunday 23:59:59 in Almaty: the last second of the week.
  { id: 10, channel: 'webhook', topic: 'education', district: 'alatau', language: 'ru', status: 'deferred', received: '2026-11-29T18:59:59Z' },
  // Monday 00:00:00 of the next week.
  { id: 11, channel: 'web', topic: 'roads', district: 'alatau', language: 'ru', status: 'new', received: '2026-11-29T19:00:00Z' },
  { id: 12, channel: 'telegram', topic: 'transport', district: 'almaly', language: 'ru', status: 'answered', received: '2026-11-16T05:00:00Z' },
  { id: 13, channel: 'web', topic: 'roads', district: 'alatau', language: 'ru', status: 'dropped', received: '2026-11-20T05:00:00Z' },
];

const ms = (iso: string) => Date.parse(iso);

export function seedReportWeek(db: Db): void {
  db.transaction(() => {
    const insertQuestion = db.prepare(`
      INSERT INTO question (id, reference, channel, external_id, sender_name, air_name, district, topic, language, original_text, air_text,
                            status, reject_reason, received_at, updated_at, group_id)
      VALUES (@id, @reference, @channel, @externalId, @name, @airName, @district, @topic, @language, @text, @text, @status, @reason, @received, @received, @group)
    `);
    for (const q of QUESTIONS) {
      insertQuestion.run({
        id: q.id,
        reference: `2026-${String(q.id).padStart(4, '0')}`,
        channel: q.channel,
        externalId: `x${q.id}`,
        name: q.name ?? 'Ерлан',
        airName: parseOnAirName(q.name ?? 'Ерлан', false).firstName,
        district: q.district,
        topic: q.topic,
        language: q.language,
        text: q.text ?? `Вопрос ${q.id}`,
        status: q.status,
        reason: q.reason ?? null,
        received: ms(q.received),
        group: q.group ?? null,
      });
    }
    // Asked by three people: question 2, question 7 (merged into it) and one more.
    db.prepare(`INSERT INTO question_group (id, lead_id, size, created_at) VALUES (1, 2, 3, 0)`).run();

    db.prepare(`
      INSERT INTO episode (id, title, air_date, start_time, planned_start, duration_min, status, created_at, updated_at)
      VALUES (1, 'Әкімдік LIVE №47', '2026-11-26', '19:00', @start, 60, 'done', 0, 0),
             (2, 'Әкімдік LIVE №46', '2026-11-19', '19:00', @earlier, 60, 'done', 0, 0)
    `).run({ start: ms('2026-11-26T14:00:00Z'), earlier: ms('2026-11-19T14:00:00Z') });
    db.prepare(`
      INSERT INTO speaker (id, episode_id, position, name) VALUES (1, 1, 1, 'Ерлан Қожабаев'), (2, 1, 2, 'Айгүл Нұрланқызы')
    `).run();
    db.prepare(`
      INSERT INTO air_segment (question_id, episode_id, speaker_id, started_at, ended_at)
      VALUES (2, 1, 1, @a, @a2), (3, 1, 2, @b, @b2)
    `).run({ a: ms('2026-11-26T14:05:00Z'), a2: ms('2026-11-26T14:10:00Z'), b: ms('2026-11-26T14:15:00Z'), b2: ms('2026-11-26T14:20:00Z') });

    const outcome = db.prepare(`
      INSERT INTO outcome (question_id, episode_id, kind, summary, commitments, decided_at, actor)
      VALUES (@question, @episode, @kind, @summary, @commitments, @at, 'producer')
    `);
    outcome.run({
      question: 2,
      episode: 1,
      kind: 'answered',
      summary: 'Ремонт начнут весной; по вопросам: +7 701 123 45 67',
      commitments: JSON.stringify([
        { what: 'Отремонтировать улицу Төле би', who: 'Управление мобильности', due: '2026-12-15' },
        { what: 'Проверить освещение', who: 'Аким Алатауского района', due: '2026-11-28' },
      ]),
      at: ms('2026-11-26T14:10:00Z'),
    });
    outcome.run({
      question: 3,
      episode: 1,
      kind: 'answered',
      summary: 'Жол көктемде жөнделеді',
      commitments: JSON.stringify([{ what: '=HYPERLINK("http://evil")', who: 'Әкімдік', due: null }]),
      at: ms('2026-11-26T14:20:00Z'),
    });
    outcome.run({ question: 4, episode: 1, kind: 'handed_off', summary: '', commitments: '[]', at: ms('2026-11-26T14:30:00Z') });
    outcome.run({ question: 13, episode: 1, kind: 'dropped', summary: '', commitments: '[]', at: ms('2026-11-26T14:40:00Z') });
    outcome.run({ question: 12, episode: 2, kind: 'answered', summary: 'Автобус', commitments: '[]', at: ms('2026-11-19T14:20:00Z') });
    // Deferred on the Monday after the week: not this week's.
    outcome.run({ question: 10, episode: null, kind: 'deferred', summary: '', commitments: '[]', at: ms('2026-11-30T10:00:00Z') });

    const department = (code: string) => (db.prepare('SELECT id FROM department WHERE code = ?').get(code) as { id: number }).id;
    const handoff = db.prepare(`
      INSERT INTO handoff (question_id, department_id, reference, due_date, status, answer, answered_at, created_at, updated_at)
      VALUES (@question, @department, @reference, @due, @status,
              CASE @status WHEN 'answered' THEN 'Ответ управления' ELSE '' END,
              CASE @status WHEN 'answered' THEN @updated END, @created, @updated)
    `);
    // Open, due later than today.
    handoff.run({ question: 4, department: department('health'), reference: '2026-0004/health', due: '2026-12-17', status: 'handed_off', created: ms('2026-11-26T14:30:00Z'), updated: ms('2026-11-26T14:30:00Z') });
    // Answered at 01:00 on the 28th in Almaty (still the 27th in UTC), due the 27th: late.
    handoff.run({ question: 12, department: department('energy'), reference: '2026-0012/energy', due: '2026-11-27', status: 'answered', created: ms('2026-11-24T10:00:00Z'), updated: ms('2026-11-27T20:00:00Z') });
    // Open, due yesterday: overdue.
    handoff.run({ question: 12, department: department('mobility'), reference: '2026-0012/mobility', due: '2026-11-30', status: 'handed_off', created: ms('2026-11-23T10:00:00Z'), updated: ms('2026-11-23T10:00:00Z') });
    // Answered well before its due day: on time.
    handoff.run({ question: 3, department: department('ecology'), reference: '2026-0003/ecology', due: '2026-12-10', status: 'answered', created: ms('2026-11-24T10:00:00Z'), updated: ms('2026-11-28T10:00:00Z') });
  })();
}
