import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/protocol';
import { createIntake, type AcceptResult } from '../../../electron/core/intake/accept';
import { RESERVE } from '../../../electron/core/store/inbound';
import { getQuestion } from '../../../electron/core/store/questions';
import { startTestCore, type TestCore } from '../../helpers/core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

/** A flood as far as pacing goes: nothing is made inside the acknowledging commit, one question a turn. */
const FLOODED = { alwaysInlineUpTo: 0, maxSliceMs: 0.01 };

const inbound = () =>
  core.db.prepare('SELECT id, reference, payload IS NOT NULL AS waiting, failure FROM inbound ORDER BY id').all() as Array<{
    id: number;
    reference: string;
    waiting: number;
    failure: string | null;
  }>;

// Intake builds the question it emits from what it wrote, without reading the row back: it must
// be exactly what storage reads.
describe('the question intake emits', () => {
  it('equals the stored row, analysis and group included; a redelivery answers as the first time', async () => {
    const emitted: Question[] = [];
    core.bus.on('question.created', (q) => emitted.push(q));
    const messages = [
      { text: 'Қашан Абай даңғылы жөнделеді? Позвоните +7 701 123 45 67', district: 'medeu' as const },
      { text: 'Когда закончат ремонт проспекта Абая?', district: null },
      { text: 'Почему нет горячей воды в Аксае? Дурак сосед', district: 'auezov' as const },
      { text: 'Когда отремонтируют проспект Абая, сколько можно', district: null },
    ];
    const results: AcceptResult[] = [];
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
      // Quiet desk: the question was made in the commit that acknowledged it.
      expect(JSON.stringify(emitted.at(-1))).toBe(JSON.stringify(getQuestion(core.db, result.questionId)));
      results.push(result);
    }
    expect(emitted.map((q) => q.id)).toEqual(results.map((r) => r.questionId));
    expect(emitted.map((q) => q.reference)).toEqual(results.map((r) => r.reference));
    expect(results[0]!.reference).toMatch(/^\d{4}-0001$/);
    expect(emitted[3]!.groupId).toBe(emitted[1]!.groupId);
    expect(inbound().every((r) => r.waiting === 0)).toBe(true);

    const again = await core.intake.accept({ channel: 'web', externalId: 'same-1', senderName: 'X', text: 'другой текст' });
    expect(again).toEqual({ ...results[1], created: false });
    expect(getQuestion(core.db, again.questionId)!.originalText).toBe(messages[1]!.text);
    expect(emitted).toHaveLength(messages.length);
  });

  it('equals the stored row when many arrive in one commit (group size as of its own arrival)', async () => {
    const emitted: Question[] = [];
    core.bus.on('question.created', (q) => emitted.push(q));
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        core.intake.accept({ channel: 'web', externalId: `b-${i}`, senderName: 'Марат', text: `Когда закончат ремонт проспекта Абая? ${i % 3 ? '' : 'Срочно'}` }),
      ),
    );
    core.intake.drain();
    expect(emitted).toHaveLength(30);
    const sizes = new Map<number, number>();
    for (const question of emitted) {
      sizes.set(question.groupId!, (sizes.get(question.groupId!) ?? 0) + 1);
      expect(question).toEqual({ ...getQuestion(core.db, question.id)!, groupSize: sizes.get(question.groupId!) });
    }
  });
});

describe('under a flood', () => {
  it('acknowledges once the ledger row is committed, then makes every question in arrival order, once', async () => {
    // A disk that syncs at once, so the answers come before any making turn could run.
    const instantDisk = { sync: () => Promise.resolve(), close: async () => {} };
    const intake = createIntake({ db: core.db, bus: core.bus, now: Date.now, pace: FLOODED, durability: instantDisk });
    const emitted: Question[] = [];
    core.bus.on('question.created', (q) => emitted.push(q));
    const waitingReports: number[] = [];
    core.bus.on('intake.waiting', ({ waiting }) => waitingReports.push(waiting));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => intake.accept({ channel: 'webhook', externalId: `f-${i}`, senderName: 'Поток', text: `Вопрос номер ${i}` })),
    );
    // Answered before any question exists: every message is in the ledger, waiting.
    expect(intake.waiting()).toBe(20);
    expect(inbound().map((r) => r.reference)).toEqual(results.map((r) => r.reference));
    expect(inbound().every((r) => r.waiting === 1)).toBe(true);

    await expect.poll(() => emitted.length).toBe(20);
    expect(intake.waiting()).toBe(0);
    expect(emitted.map((q) => q.id)).toEqual(results.map((r) => r.questionId));
    for (const [i, q] of emitted.entries()) {
      expect(q).toEqual(getQuestion(core.db, q.id));
      expect(q.originalText).toBe(`Вопрос номер ${i}`);
      expect(q.reference).toBe(results[i]!.reference);
    }
    expect(inbound().every((r) => r.waiting === 0)).toBe(true);
    // The console was told of the backlog, and, last, that it is empty again.
    expect(waitingReports[0]).toBe(20);
    await expect.poll(() => waitingReports.at(-1)).toBe(0);
    const again = await intake.accept({ channel: 'webhook', externalId: 'f-3', senderName: 'Поток', text: 'повтор' });
    expect(again).toEqual({ ...results[3], created: false });
    expect(core.db.prepare(`SELECT COUNT(*) AS n FROM question WHERE channel = 'webhook'`).get()).toEqual({ n: 20 });
    await intake.close();
  });

  it('keeps a question it cannot make, with the reason, and makes it at the next start', async () => {
    const failing = createIntake({
      db: core.db,
      bus: core.bus,
      now: Date.now,
      pace: FLOODED,
      onInserted: (_db, question) => {
        if (question.originalText === 'сломанный') throw new Error('analysis failed');
        return question;
      },
    });
    const results = await Promise.all(
      ['первый', 'сломанный', 'третий'].map((text, i) => failing.accept({ channel: 'csv', externalId: `k-${i}`, senderName: 'Оператор', text })),
    );
    expect(results.every((r) => r.created)).toBe(true);
    await expect.poll(() => failing.waiting()).toBe(0);
    const texts = () => (core.db.prepare(`SELECT original_text AS t FROM question WHERE channel = 'csv' ORDER BY id`).all() as Array<{ t: string }>).map((r) => r.t);
    expect(texts()).toEqual(['первый', 'третий']);
    expect(inbound().find((r) => r.id === results[1]!.questionId)).toMatchObject({ waiting: 1, failure: 'analysis failed' });

    // The next start tries again; this time the analysis works.
    const restarted = createIntake({ db: core.db, bus: core.bus, now: Date.now });
    expect(restarted.waiting()).toBe(1);
    restarted.drain();
    expect(texts()).toEqual(['первый', 'сломанный', 'третий']);
    expect(getQuestion(core.db, results[1]!.questionId)!.reference).toBe(results[1]!.reference);
    await Promise.all([failing.close(), restarted.close()]);
  });
});

describe('the ledger statement', () => {
  it('reserves the next id from the last rowids, never by scanning the questions or the ledger', () => {
    const plan = (
      core.db.prepare(`EXPLAIN QUERY PLAN ${RESERVE}`).all({
        channel: 'web', externalId: 'x', receivedAt: 1, referenceYear: '2026', payload: null,
      }) as Array<{ detail: string }>
    ).map((r) => r.detail);
    expect(plan.some((d) => d.startsWith('SCAN question') || d.startsWith('SCAN inbound'))).toBe(false);
  });
});

describe('a message that fails inside the group commit', () => {
  it('is refused alone: its neighbours in the same batch are committed, its own writes are not', async () => {
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
    expect(core.db.prepare(`SELECT COUNT(*) AS n FROM inbound WHERE channel = 'csv'`).get()).toEqual({ n: 2 });
    await intake.close();
  });
});

describe('acknowledgement', () => {
  it('waits until the commit is synced to disk, and one sync serves every message committed before it', async () => {
    const syncs: Array<() => void> = [];
    const intake = createIntake({
      db: core.db,
      bus: core.bus,
      now: Date.now,
      durability: { sync: () => new Promise<void>((resolve) => syncs.push(resolve)), close: async () => {} },
    });
    let answered = 0;
    const acks = Array.from({ length: 5 }, (_, i) =>
      intake.accept({ channel: 'phone', externalId: `d-${i}`, senderName: 'Оператор', text: `Вопрос ${i}` }).then(() => answered++),
    );
    await expect.poll(() => syncs.length).toBe(1);
    // Committed (a crash of the process would keep it), not yet answered.
    expect(core.db.prepare(`SELECT COUNT(*) AS n FROM inbound WHERE channel = 'phone'`).get()).toEqual({ n: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(0);
    syncs[0]!();
    await Promise.all(acks);
    expect(answered).toBe(5);
    await intake.close();
  });
});

describe('a stop after a flood', () => {
  it('leaves what it could not make in time in the ledger, and the next start makes it', async () => {
    const intake = createIntake({ db: core.db, bus: core.bus, now: Date.now, pace: FLOODED, closeDrainMs: 0 });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => intake.accept({ channel: 'webhook', externalId: `s-${i}`, senderName: 'Поток', text: `Вопрос ${i}` })),
    );
    expect(intake.waiting()).toBeGreaterThan(0);
    await intake.close();
    const made = () => (core.db.prepare(`SELECT COUNT(*) AS n FROM question WHERE channel = 'webhook'`).get() as { n: number }).n;
    expect(made()).toBeLessThan(40);

    const next = createIntake({ db: core.db, bus: core.bus, now: Date.now });
    expect(next.waiting()).toBe(40 - made());
    next.drain();
    expect(made()).toBe(40);
    expect(getQuestion(core.db, results[39]!.questionId)!.reference).toBe(results[39]!.reference);
    await next.close();
  });
});

describe('a sender’s edit during a flood', () => {
  it('changes the message still waiting in the ledger, so its question is made with the new text, audited', async () => {
    const instantDisk = { sync: () => Promise.resolve(), close: async () => {} };
    const intake = createIntake({ db: core.db, bus: core.bus, now: Date.now, pace: FLOODED, durability: instantDisk });
    const { questionId } = await intake.accept({ channel: 'telegram', externalId: '77:5', senderName: 'Дана', text: 'Когда откроют метро Калкаман?' });
    expect(intake.waiting()).toBe(1);
    expect(intake.edit({ channel: 'telegram', externalId: '77:5', text: 'Когда откроют станцию метро Калкаман?' })).toEqual({ kind: 'updatedWaiting' });
    expect(intake.waiting()).toBe(1);
    intake.drain();
    expect(getQuestion(core.db, questionId)!.originalText).toBe('Когда откроют станцию метро Калкаман?');
    const audit = core.db.prepare(`SELECT entity_id AS id, before, after FROM audit WHERE action = 'question.editedBySender'`).all();
    expect(audit).toEqual([
      { id: questionId, before: JSON.stringify({ originalText: 'Когда откроют метро Калкаман?' }), after: JSON.stringify({ originalText: 'Когда откроют станцию метро Калкаман?' }) },
    ]);
    await intake.close();
  });
});
