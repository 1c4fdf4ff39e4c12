import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/protocol';
import { getQuestion, INSERT } from '../../../electron/core/store/questions';
import { startTestCore, type TestCore } from '../../helpers/core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

// Intake builds the question it acknowledges and emits from what it wrote, without reading the
// row back: it must be exactly what storage reads.
describe('the question intake returns and emits', () => {
  it('equals the stored row, analysis and group included, for new questions and redeliveries', async () => {
    const emitted: Question[] = [];
    core.bus.on('question.created', (q) => emitted.push(q));
    const messages = [
      { text: 'Қашан Абай даңғылы жөнделеді? Позвоните +7 701 123 45 67', district: 'medeu' as const },
      { text: 'Когда закончат ремонт проспекта Абая?', district: null },
      { text: 'Почему нет горячей воды в Аксае? Дурак сосед', district: 'auezov' as const },
      { text: 'Когда отремонтируют проспект Абая, сколько можно', district: null },
    ];
    const results = [];
    for (const [i, m] of messages.entries()) {
      // One at a time, so each can be compared with the row as it stands right after it.
      const result = await core.intake.accept({
          channel: 'web',
          externalId: `same-${i}`,
          senderName: ` Зритель ${i} `,
          senderContact: i === 0 ? '+77011234567' : null,
          district: m.district,
          topic: i === 2 ? 'Вода' : null,
          language: 'ru',
          text: m.text,
      });
      expect(result.created).toBe(true);
      expect(JSON.stringify(result.question)).toBe(JSON.stringify(getQuestion(core.db, result.question.id)));
      results.push(result);
    }
    expect(emitted).toEqual(results.map((r) => r.question));
    expect(results[0]!.question.reference).toMatch(/^\d{4}-0001$/);
    expect(results[3]!.question.groupId).toBe(results[1]!.question.groupId);

    const again = await core.intake.accept({ channel: 'web', externalId: 'same-1', senderName: 'X', text: 'другой текст' });
    expect(again.created).toBe(false);
    expect(again.question).toEqual(getQuestion(core.db, results[1]!.question.id));
    expect(emitted).toHaveLength(messages.length);
  });

  it('equals the stored row when many arrive in one commit (group size as of its own arrival)', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        core.intake.accept({ channel: 'web', externalId: `b-${i}`, senderName: 'Марат', text: `Когда закончат ремонт проспекта Абая? ${i % 3 ? '' : 'Срочно'}` }),
      ),
    );
    const sizes = new Map<number, number>();
    for (const { question } of results) {
      sizes.set(question.groupId!, (sizes.get(question.groupId!) ?? 0) + 1);
      expect(question).toEqual({ ...getQuestion(core.db, question.id)!, groupSize: sizes.get(question.groupId!) });
    }
  });
});

describe('the insert statement', () => {
  it('reserves the next id from the last rowid, never by scanning the questions', () => {
    const plan = (
      core.db.prepare(`EXPLAIN QUERY PLAN ${INSERT}`).all({
        channel: 'web', externalId: 'x', senderName: 'x', senderContact: null, senderUserId: null, district: null,
        topic: null, language: null, text: 'x', meta: '{}', receivedAt: 1, referenceYear: '2026',
      }) as Array<{ detail: string }>
    ).map((r) => r.detail);
    expect(plan.some((d) => d.startsWith('SCAN question'))).toBe(false);
  });
});

describe('a message that fails inside the group commit', () => {
  it('is refused alone: its neighbours in the same batch are committed, its own writes are not', async () => {
    const { createIntake } = await import('../../../electron/core/intake/accept');
    const intake = createIntake({
      db: core.db,
      bus: core.bus,
      now: Date.now,
      onInserted: (db, question) => {
        db.prepare(`UPDATE question SET topic = 'half-done' WHERE id = ?`).run(question.id);
        if (question.originalText === 'сломанный') throw new Error('analysis failed');
        return question;
      },
    });
    const outcomes = await Promise.allSettled(
      ['первый', 'сломанный', 'третий'].map((text, i) =>
        intake.accept({ channel: 'csv', externalId: `bad-${i}`, senderName: 'Оператор', text }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = core.db.prepare(`SELECT original_text AS text, topic FROM question WHERE channel = 'csv' ORDER BY id`).all();
    expect(stored).toEqual([
      { text: 'первый', topic: 'half-done' },
      { text: 'третий', topic: 'half-done' },
    ]);
  });
});
