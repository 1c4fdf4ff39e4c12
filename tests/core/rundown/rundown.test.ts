import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, questionVersion, queueOrder as storedQueue, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let clock = Date.UTC(2026, 4, 20, 13, 0); // Wednesday 20 May 2026, 18:00 in Almaty

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 13, 0);
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

const approved = (name: string, text: string) => approvedQuestion(core, producer, { name, text });
const version = (id: number): number => questionVersion(core, id);
const queueOrder = (speakerId: number): number[] => storedQueue(core, speakerId);

function episodeWithTwoSpeakers() {
  return saveEpisode(producer, {
    title: 'Akimat LIVE №12',
    speakers: [
      { name: 'Ерболат Досаев', portfolio: 'Аким города' },
      { name: 'Айдар Нұрланұлы', portfolio: 'Энергетика' },
    ],
  });
}

describe('episodes', () => {
  it('stores the planned start in Almaty time and its speakers in order', async () => {
    const rundown = await episodeWithTwoSpeakers();
    expect(rundown.episode.plannedStart).toBe(Date.UTC(2026, 4, 20, 14, 0));
    expect(rundown.speakers.map((s) => s.name)).toEqual(['Ерболат Досаев', 'Айдар Нұрланұлы']);
    const edited = await producer.send('episode.save', {
      id: rundown.episode.id,
      version: rundown.episode.version,
      title: 'Akimat LIVE №12 (энергетика)',
      airDate: '2026-05-20',
      startTime: '19:30',
      durationMin: 45,
      speakers: [{ id: rundown.speakers[1]!.id, name: 'Айдар Нұрланұлы', portfolio: 'Энергетика' }],
    });
    expect(edited.speakers).toHaveLength(1);
    expect(edited.episode.durationMin).toBe(45);
    const stale = await producer.request('episode.save', {
      id: rundown.episode.id,
      version: rundown.episode.version,
      title: 'x',
      airDate: '2026-05-20',
      startTime: '19:30',
      durationMin: 45,
      speakers: [{ name: 'x' }],
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('stale');
  });

  it('lets only one episode be live at a time', async () => {
    const a = await episodeWithTwoSpeakers();
    const b = await episodeWithTwoSpeakers();
    await producer.send('episode.start', { id: a.episode.id });
    const reply = await producer.request('episode.start', { id: b.episode.id });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/already live/);
    expect(core.db.prepare("SELECT id FROM episode WHERE status = 'live'").all()).toEqual([{ id: a.episode.id }]);
  });
});

describe('queues', () => {
  it('queues to the next episode’s first speaker by default, reorders and moves between speakers', async () => {
    const rundown = await episodeWithTwoSpeakers();
    const [first, second] = rundown.speakers;
    const a = await approved('Аня', 'Вопрос А');
    const b = await approved('Болат', 'Вопрос Б');
    const c = await approved('Вера', 'Вопрос В');
    const added = await producer.send('queue.add', a);
    expect(added).toMatchObject({ episodeId: rundown.episode.id, speakerId: first!.id });
    expect(added.question.status).toBe('queued');
    await producer.send('queue.add', b);
    await producer.send('queue.add', { ...c, speakerId: second!.id });
    expect(queueOrder(first!.id)).toEqual([a.id, b.id]);

    const event = producer.waitForEvent('rundown.changed', (p) => p.items.find((i: any) => i.questionId === b.id)?.position === 0);
    await producer.send('queue.move', { questionId: b.id, speakerId: first!.id, index: 0 });
    await event;
    expect(queueOrder(first!.id)).toEqual([b.id, a.id]);

    await producer.send('queue.move', { questionId: a.id, speakerId: second!.id, index: 0 });
    expect(queueOrder(first!.id)).toEqual([b.id]);
    expect(queueOrder(second!.id)).toEqual([a.id, c.id]);

    const out = await producer.send('queue.remove', { id: c.id, version: version(c.id) });
    expect(out.status).toBe('approved');
    expect(queueOrder(second!.id)).toEqual([a.id]);
  });

  it('gives each card its topic and flags, so the producer can order the queue at a glance', async () => {
    const rundown = await episodeWithTwoSpeakers();
    const { id, version: v } = await approvedQuestion(core, producer, { name: 'Даулет', text: 'Позвоните мне 8 701 555 12 34 про ремонт дороги', topic: 'roads' });
    await producer.send('queue.add', { id, version: v });
    const state = await producer.send('episode.get', { id: rundown.episode.id });
    expect(state!.items.find((i) => i.questionId === id)).toMatchObject({ topic: 'roads', flags: ['phone'] });
  });

  it('refuses to queue a question that is not approved, or when there is no episode', async () => {
    const a = await approved('Аня', 'Вопрос А');
    const none = await producer.request('queue.add', a);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toMatch(/episode/i);
    await episodeWithTwoSpeakers();
    await producer.send('queue.add', a);
    const twice = await producer.request('queue.add', { id: a.id, version: version(a.id) });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.code).toBe('invalid_transition');
  });
});

describe('on air and outcomes', () => {
  it('on a confirmed replacement puts the previous question back at the front of its queue instead of marking it answered', async () => {
    const rundown = await episodeWithTwoSpeakers();
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await approved('Аня', 'Вопрос А');
    const b = await approved('Болат', 'Вопрос Б');
    await producer.send('queue.add', a);
    await producer.send('queue.add', b);
    await producer.send('question.putOnAir', { id: a.id, version: version(a.id) });
    clock += 90_000;
    await producer.send('question.putOnAir', { id: b.id, version: version(b.id), confirm: true });
    const rows = core.db.prepare('SELECT id, status FROM question ORDER BY id').all();
    expect(rows).toEqual([
      { id: a.id, status: 'queued' },
      { id: b.id, status: 'on_air' },
    ]);
    // Back at the front of its speaker's queue, ahead of the one now on air.
    expect(queueOrder(rundown.speakers[0]!.id)).toEqual([a.id, b.id]);
    const segments = core.db.prepare('SELECT question_id AS id, ended_at - started_at AS ms FROM air_segment ORDER BY id').all();
    expect(segments).toEqual([
      { id: a.id, ms: 90_000 },
      { id: b.id, ms: null },
    ]);
  });

  it('records answered with summary and commitments, hands off with a due date in working days, and ends only when nothing is left', async () => {
    const rundown = await episodeWithTwoSpeakers();
    const episodeId = rundown.episode.id;
    await producer.send('episode.start', { id: episodeId });
    const a = await approved('Аня', 'Когда дадут свет на Сатпаева?');
    const b = await approved('Болат', 'Яма на Абая');
    const c = await approved('Вера', 'Парк в Медеу');
    for (const q of [a, b, c]) await producer.send('queue.add', q);

    await producer.send('question.putOnAir', { id: a.id, version: version(a.id) });
    clock += 120_000;
    await producer.send('outcome.record', {
      id: a.id,
      version: version(a.id),
      outcome: {
        kind: 'answered',
        summary: 'Свет дадут к пятнице',
        commitments: [{ what: 'Заменить кабель', who: 'Алматинские электрические сети', due: '2026-05-29' }],
      },
    });
    const department = (await producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!;
    expect(department.names).toEqual({ kk: 'Мобильділік басқармасы', ru: 'Управление мобильности', en: 'Department of Mobility' });
    await producer.send('outcome.record', {
      id: b.id,
      version: version(b.id),
      outcome: { kind: 'handed_off', departmentId: department.id },
    });

    const refused = await producer.request('episode.end', { id: episodeId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.current).toEqual([c.id]);
      expect(refused.error.message).toMatch(/outcome/);
    }
    const neverAired = await producer.request('outcome.record', {
      id: c.id,
      version: version(c.id),
      outcome: { kind: 'answered', summary: '', commitments: [] },
    });
    expect(neverAired.ok).toBe(false);
    await producer.send('outcome.record', { id: c.id, version: version(c.id), outcome: { kind: 'dropped', reason: 'Нет времени' } });
    const ended = await producer.send('episode.end', { id: episodeId });
    expect(ended.episode.status).toBe('done');
    expect(ended.outcomes.map((o) => [o.questionId, o.kind])).toEqual([
      [a.id, 'answered'],
      [b.id, 'handed_off'],
      [c.id, 'dropped'],
    ]);
    expect(ended.outcomes[0]).toMatchObject({ summary: 'Свет дадут к пятнице', airedMs: 120_000 });

    // Wed 20 May 2026 + 15 working days: Kurban Ait (27 May) is a day off → 11 June.
    const handoff = core.db.prepare('SELECT reference, due_date AS dueDate, status FROM handoff').get() as any;
    expect(handoff.dueDate).toBe('2026-06-11');
    expect(handoff.reference).toMatch(/^\d{4}-\d{4}\/mobility$/);
    const statuses = core.db.prepare('SELECT id, status FROM question ORDER BY id').all();
    expect(statuses).toEqual([
      { id: a.id, status: 'answered' },
      { id: b.id, status: 'handed_off' },
      { id: c.id, status: 'dropped' },
    ]);
    const audit = core.db.prepare("SELECT action FROM audit WHERE entity = 'question' AND entity_id = ? ORDER BY id").all(a.id);
    expect(audit.map((r: any) => r.action)).toEqual([
      'question.approved',
      'question.queued',
      'question.on_air',
      'question.answered',
      'outcome.record',
    ]);
  });
});
