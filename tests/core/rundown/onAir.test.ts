import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rundown } from '../../../shared/protocol';
import { startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, questionVersion, queueOrder, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let clock = Date.UTC(2026, 4, 20, 14, 0);

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 14, 0);
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

const version = (id: number): number => questionVersion(core, id);
const statuses = () => core.db.prepare('SELECT id, status FROM question ORDER BY id').all();

async function show(): Promise<Rundown> {
  return saveEpisode(producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
}

async function queued(name: string, text: string): Promise<number> {
  const { id, version: v } = await approvedQuestion(core, producer, { name, text });
  await producer.send('queue.add', { id, version: v });
  return id;
}

describe('rules of air', () => {
  it('puts nothing on air outside a live episode, before it starts and after it ends', async () => {
    const rundown = await show();
    const a = await queued('Аня', 'Вопрос о свете');
    const before = await producer.request('question.putOnAir', { id: a, version: version(a) });
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error.messageKey).toBe('rundown.error.noLiveEpisode');
    const next = await producer.request('show.next', {});
    expect(next.ok).toBe(false);
    expect(statuses()).toEqual([{ id: a, status: 'queued' }]);
    expect((await producer.send('prompter.get', {})).current).toBeNull();

    await producer.send('episode.start', { id: rundown.episode.id });
    await producer.send('show.next', {});
    await producer.send('outcome.record', { id: a, version: version(a), outcome: { kind: 'answered', summary: '' } });
    await producer.send('episode.end', { id: rundown.episode.id });
    const b = await approvedQuestion(core, producer, { name: 'Болат', text: 'Вопрос о парке' });
    const after = await producer.request('question.putOnAir', b);
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.error.messageKey).toBe('rundown.error.noLiveEpisode');
    expect(core.db.prepare('SELECT status FROM question WHERE id = ?').get(b.id)).toEqual({ status: 'approved' });
  });

  it('refuses to replace what is on air without an outcome or a confirmation, and keeps it on air', async () => {
    const rundown = await show();
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    await producer.send('question.putOnAir', { id: a, version: version(a) });
    const replace = await producer.request('question.putOnAir', { id: b, version: version(b) });
    expect(replace.ok).toBe(false);
    if (!replace.ok) expect(replace.error.messageKey).toBe('rundown.error.replaceOnAir');
    const next = await producer.request('show.next', {});
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.error.messageKey).toBe('rundown.error.outcomeFirst');
    expect(statuses()).toEqual([
      { id: a, status: 'on_air' },
      { id: b, status: 'queued' },
    ]);
  });

  it('takes next with the outcome of the current question in one step', async () => {
    const rundown = await show();
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    const first = await producer.send('show.next', {});
    expect(first.onAir?.id).toBe(a);
    clock += 60_000;
    const second = await producer.send('show.next', { outcome: { kind: 'answered', summary: 'Ответил' } });
    expect(second.onAir?.id).toBe(b);
    expect(statuses()).toEqual([
      { id: a, status: 'answered' },
      { id: b, status: 'on_air' },
    ]);
    const pending = await producer.send('episode.pending', { id: rundown.episode.id });
    expect(pending.items.map((i) => [i.questionId, i.status])).toEqual([[b, 'on_air']]);
    const last = await producer.send('show.next', { outcome: { kind: 'dropped', reason: 'time' } });
    expect(last.onAir).toBeNull();
    expect((await producer.send('episode.pending', { id: rundown.episode.id })).items).toEqual([]);
  });

  it('undoes a confirmed replacement within seconds: the replaced question is back on air and the other back in its place', async () => {
    const rundown = await show();
    const speakerId = rundown.speakers[0]!.id;
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    const c = await queued('Вера', 'Вопрос В');
    await producer.send('question.putOnAir', { id: a, version: version(a) });
    await producer.send('prompter.cue', { cue: { kind: 'preset', preset: 'wrapUp' } });
    clock += 1_000;
    await producer.send('question.putOnAir', { id: c, version: version(c), confirm: true });
    expect((await producer.send('prompter.get', {})).current?.id).toBe(c);
    clock += 3_000;
    const undone = await producer.send('show.undo', {});
    expect(undone.onAir?.id).toBe(a);
    expect(statuses()).toEqual([
      { id: a, status: 'on_air' },
      { id: b, status: 'queued' },
      { id: c, status: 'queued' },
    ]);
    expect(queueOrder(core, speakerId)).toEqual([a, b, c]);
    const prompter = await producer.send('prompter.get', {});
    expect(prompter.current?.id).toBe(a);
    expect(prompter.cue).toBeNull();
    const audit = core.db.prepare("SELECT action FROM audit WHERE action LIKE 'onair.%' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'onair.replace' }, { action: 'onair.undo' }]);
  });

  it('refuses an undo after the window, or once the question has changed again', async () => {
    const rundown = await show();
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Аня', 'Вопрос А');
    await producer.send('question.putOnAir', { id: a, version: version(a) });
    clock += 11_000;
    const late = await producer.request('show.undo', {});
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.messageKey).toBe('rundown.error.undoExpired');
    expect(statuses()).toEqual([{ id: a, status: 'on_air' }]);

    const b = await queued('Болат', 'Вопрос Б');
    await producer.send('show.next', { outcome: { kind: 'answered', summary: '' } });
    await producer.send('question.edit', { id: b, version: version(b), airText: 'Вопрос Б, уточнён' });
    const changed = await producer.request('show.undo', {});
    expect(changed.ok).toBe(false);
    expect(statuses()).toEqual([
      { id: a, status: 'answered' },
      { id: b, status: 'on_air' },
    ]);
  });

  it('undoes putting an approved question on air: it goes back to approved and out of the queue', async () => {
    const rundown = await show();
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await approvedQuestion(core, producer, { name: 'Аня', text: 'Вопрос А' });
    await producer.send('question.putOnAir', a);
    await producer.send('show.undo', {});
    expect(statuses()).toEqual([{ id: a.id, status: 'approved' }]);
    expect(queueOrder(core, rundown.speakers[0]!.id)).toEqual([]);
    expect((await producer.send('prompter.get', {})).current).toBeNull();
  });

  it('clears a cue when the question it was sent for leaves the air', async () => {
    const rundown = await show();
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Аня', 'Вопрос А');
    await queued('Болат', 'Вопрос Б');
    await producer.send('show.next', {});
    await producer.send('prompter.cue', { cue: { kind: 'text', text: 'Закругляйтесь' } });
    expect((await producer.send('prompter.get', {})).cue).toEqual({ kind: 'text', text: 'Закругляйтесь' });
    await producer.send('outcome.record', { id: a, version: version(a), outcome: { kind: 'answered', summary: '' } });
    expect((await producer.send('prompter.get', {})).cue).toBeNull();
  });

  it('keeps a finished episode read-only', async () => {
    const rundown = await show();
    await producer.send('episode.start', { id: rundown.episode.id });
    clock += 42 * 60_000;
    const ended = await producer.send('episode.end', { id: rundown.episode.id });
    expect(ended.episode.endedAt! - ended.episode.startedAt!).toBe(42 * 60_000);
    const edit = await producer.request('episode.save', {
      id: rundown.episode.id,
      version: ended.episode.version,
      title: 'Другое название',
      airDate: '2026-05-20',
      startTime: '19:00',
      durationMin: 60,
      speakers: [{ name: 'Аким' }],
    });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.messageKey).toBe('rundown.error.episodeDone');
    const speaker = await producer.request('episode.setActiveSpeaker', { id: rundown.episode.id, speakerId: rundown.speakers[0]!.id });
    expect(speaker.ok).toBe(false);
    expect(core.db.prepare('SELECT title FROM episode WHERE id = ?').get(rundown.episode.id)).toEqual({ title: 'Akimat LIVE' });
  });
});
