import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOff, publishHandoff } from '../../../electron/core/handoffs/lifecycle';
import { listAudit } from '../../../electron/core/store/audit';
import { startTestCore, type TestCore } from '../../helpers/core';
import { handedOffQuestion } from '../../helpers/handoffs';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let clock: number;
const DAY = 86_400_000;

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 14, 30); // Wednesday 20 May 2026, 19:30 in Almaty
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Данияр');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

async function boardItem(id: number) {
  const board = await producer.send('handoff.board', {});
  return { item: board.items.find((h) => h.id === id)!, today: board.today };
}

describe('a hand-off', () => {
  it('has a reference the citizen can quote and a due date 15 working days on, by the calendar table', async () => {
    const h = await handedOffQuestion(core, producer, 'Когда починят светофор на Абая — Сейфуллина?');
    const { item, today } = await boardItem(h.handoffId);
    expect(today).toBe('2026-05-20');
    expect(item).toMatchObject({
      reference: expect.stringMatching(/^\d{4}-\d{4}\/mobility$/),
      questionText: 'Когда починят светофор на Абая — Сейфуллина?',
      status: 'handed_off',
      dueDate: '2026-06-11', // Kurban Ait (27 May) is a day off
      overdue: false,
      dueSoon: false,
      workingDaysLeft: 15,
    });
  });

  it('follows a day-off transfer an admin enters before the hand-off is made', async () => {
    await producer.send('calendar.save', { day: '2026-06-01', kind: 'day_off', name: 'Перенос выходного' });
    const h = await handedOffQuestion(core, producer, 'Когда откроют бассейн в Медеу?');
    expect((await boardItem(h.handoffId)).item.dueDate).toBe('2026-06-12');
    const days = await producer.send('calendar.list', { year: 2026 });
    expect(days.days.find((d) => d.day === '2026-06-01')).toEqual({
      day: '2026-06-01',
      kind: 'day_off',
      name: 'Перенос выходного',
      source: 'admin',
    });
    expect(days.days.find((d) => d.day === '2026-05-27')).toMatchObject({ source: 'date-holidays', kind: 'day_off' });
  });

  it('refuses a due date in the past with a clear error, and stores nothing', async () => {
    await expect(handedOffQuestion(core, producer, 'Вопрос про мост', 'mobility', '2026-05-19')).rejects.toThrow(
      /validation The due date is already past/,
    );
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM handoff').get()).toEqual({ n: 0 });
    // Today is allowed.
    const h = await handedOffQuestion(core, producer, 'Когда откроют новую поликлинику в Алатау?', 'mobility', '2026-05-20');
    const { item } = await boardItem(h.handoffId);
    expect(item).toMatchObject({ dueDate: '2026-05-20', dueSoon: true, overdue: false, workingDaysLeft: 0 });
    const later = await producer.request('handoff.update', { id: h.handoffId, version: item.version, dueDate: '2026-05-01' });
    expect(later).toMatchObject({ ok: false, error: { code: 'validation', field: 'dueDate' } });
  });

  it('becomes due soon and then overdue as time passes, without anything being stored', async () => {
    const h = await handedOffQuestion(core, producer, 'Когда уберут мусор во дворе на Жандосова?');
    const stored = () => core.db.prepare('SELECT status, updated_at AS at FROM handoff WHERE id = ?').get(h.handoffId);
    const before = stored();
    clock = Date.UTC(2026, 5, 8, 6); // Monday 8 June: 3 working days left
    expect((await boardItem(h.handoffId)).item).toMatchObject({ dueSoon: true, overdue: false, workingDaysLeft: 3 });
    clock = Date.UTC(2026, 5, 11, 18); // 11 June, 23:00 in Almaty: due today, not late yet
    expect((await boardItem(h.handoffId)).item).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    clock = Date.UTC(2026, 5, 11, 19, 30); // 12 June, 00:30 in Almaty
    expect((await boardItem(h.handoffId)).item).toMatchObject({ overdue: true, dueSoon: false });
    expect(stored()).toEqual(before);
  });

  it('goes handed off → in progress → answered with the department’s answer, each step audited', async () => {
    const h = await handedOffQuestion(core, producer, 'Когда отремонтируют дорогу на Рыскулова?');
    const other = await TestWsClient.connect(core.url, 'producer');
    let { item } = await boardItem(h.handoffId);
    item = await producer.send('handoff.update', { id: item.id, version: item.version, note: 'Ответить до конца месяца', status: 'in_progress' });
    expect(item).toMatchObject({ status: 'in_progress', note: 'Ответить до конца месяца' });
    const noAnswer = await producer.request('handoff.update', { id: item.id, version: item.version, status: 'answered' });
    expect(noAnswer).toMatchObject({ ok: false, error: { code: 'validation', field: 'answer' } });
    clock += DAY;
    item = await producer.send('handoff.update', { id: item.id, version: item.version, status: 'answered', answer: 'Ремонт до 1 июля.' });
    expect(item).toMatchObject({ status: 'answered', answer: 'Ремонт до 1 июля.', answeredAt: clock, overdue: false });
    await other.waitForEvent('handoff.changed', (p) => p.id === item.id && p.status === 'answered');
    other.close();
    const back = await producer.request('handoff.update', { id: item.id, version: item.version, status: 'in_progress' });
    expect(back).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    const stale = await producer.request('handoff.update', { id: item.id, version: 1, note: 'x' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });

    const audit = listAudit(core.db, 'handoff', h.handoffId);
    expect(audit.map((a) => [a.action, (a.after as { status?: string }).status])).toEqual([
      ['handoff.create', undefined],
      ['handoff.update', 'in_progress'],
      ['handoff.update', 'answered'],
    ]);
    expect(audit[2]).toMatchObject({ actor: expect.stringContaining('Данияр'), before: { status: 'in_progress', answer: '' } });
    // Answered after its due date: it is answered, never overdue.
    clock = Date.UTC(2026, 7, 1);
    expect((await boardItem(h.handoffId)).item.overdue).toBe(false);
  });

  it('lists one department’s hand-offs on its own', async () => {
    await handedOffQuestion(core, producer, 'Светофор', 'mobility');
    await handedOffQuestion(core, producer, 'Школа', 'education');
    const education = (await producer.send('department.list', {})).items.find((d) => d.code === 'education')!;
    const board = await producer.send('handoff.board', { departmentId: education.id });
    expect(board.items.map((h) => h.questionText)).toEqual(['Школа']);
  });

  it('keeps calendar edits away from the press, and audits them', async () => {
    const press = await TestWsClient.connect(core.url, 'press');
    expect(await press.request('calendar.save', { day: '2026-06-01', kind: 'day_off' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await press.request('handoff.board', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    press.close();
    await producer.send('calendar.save', { day: '2026-06-06', kind: 'working_day', name: 'Рабочая суббота' });
    await producer.send('calendar.remove', { day: '2026-06-06' });
    const actions = core.db.prepare("SELECT action FROM audit WHERE entity = 'calendar_day' ORDER BY id").all();
    expect(actions).toEqual([{ action: 'calendar.save' }, { action: 'calendar.remove' }]);
    expect(await producer.request('calendar.remove', { day: '2026-06-06' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('handOff(), the function the show calls', () => {
  it('is how the rundown’s handed-off outcome makes its hand-off: audited, and published once committed', async () => {
    const other = await TestWsClient.connect(core.url, 'producer');
    const published = other.waitForEvent('handoff.changed', (p) => p.questionText === 'Где новый автобус №92?');
    const h = await handedOffQuestion(core, producer, 'Где новый автобус №92?', 'mobility');
    expect((await published).payload).toMatchObject({ id: h.handoffId, reference: h.reference, status: 'handed_off', dueDate: '2026-06-11' });
    other.close();
    expect(listAudit(core.db, 'handoff', h.handoffId)).toMatchObject([
      { action: 'handoff.create', actor: expect.stringContaining('Данияр'), after: { reference: h.reference, dueDate: '2026-06-11' } },
    ]);
  });

  it('suffixes the reference for a second department, takes a note and audits the creation', async () => {
    const first = await handedOffQuestion(core, producer, 'Кто отвечает за арык на Тимирязева?', 'mobility');
    const ecology = (await producer.send('department.list', {})).items.find((d) => d.code === 'ecology')!;
    const deps = { db: core.db, bus: core.bus, now: () => clock };
    const second = core.db.transaction(() =>
      handOff(deps, { questionId: first.questionId, departmentId: ecology.id, note: 'Проверить деревья' }, 'test'),
    )();
    expect(second.reference).toBe(`${first.reference.split('/')[0]}/ecology-2`);
    expect(publishHandoff(deps, second.id)).toMatchObject({ note: 'Проверить деревья', dueDate: '2026-06-11' });
    expect(listAudit(core.db, 'handoff', second.id)).toMatchObject([{ action: 'handoff.create', actor: 'test' }]);
    expect(() => handOff(deps, { questionId: first.questionId, departmentId: ecology.id, dueDate: '2026-01-01' }, 'test')).toThrow(
      /validation/,
    );
  });
});
