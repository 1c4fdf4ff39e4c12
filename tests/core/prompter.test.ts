import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mayReceive } from '../../shared/protocol';
import { startTestCore, type TestCore } from '../helpers/core';
import { approvedQuestion, questionVersion, saveEpisode } from '../helpers/episodes';
import { TestWsClient } from '../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let speaker: TestWsClient;
let clock = Date.UTC(2026, 4, 20, 14, 0);

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 14, 0);
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer');
  speaker = await TestWsClient.connect(core.url, 'speaker');
});
afterEach(async () => {
  producer.close();
  speaker.close();
  await core.stop();
});

async function queued(name: string, text: string, speakerId: number): Promise<number> {
  const contact = { district: 'almaly', phone: '+7 701 999 88 77', consent: true };
  const { id, version } = await approvedQuestion(core, producer, { name, text, ...contact });
  await producer.send('queue.add', { id, version, speakerId });
  return id;
}

const version = (id: number): number => questionVersion(core, id);

describe('prompter state', () => {
  it('follows the live speaker: current, next from that speaker’s queue, and the speaker’s name', async () => {
    const rundown = await saveEpisode(producer, {
      title: 'Эфир',
      speakers: [
        { name: 'Аким', portfolio: 'Город' },
        { name: 'Руководитель', portfolio: 'Мобильность' },
      ],
    });
    const [akim, mobility] = rundown.speakers;
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Асель Нурова', 'Вопрос акиму', akim!.id);
    const b = await queued('Берик Ким', 'Вопрос о дорогах', mobility!.id);
    const c = await queued('Вика Ли', 'Когда откроют новую поликлинику в Алатау?', mobility!.id);

    let state = await producer.send('prompter.get', {});
    expect(state.current).toBeNull();
    expect(state.next?.id).toBe(a);
    expect(state.speaker).toEqual({ name: 'Аким', portfolio: 'Город' });

    await producer.send('question.putOnAir', { id: b, version: version(b) });
    const event = await speaker.waitForEvent('prompter.state', (p) => p.current?.id === b);
    expect(event.payload.next.id).toBe(c);
    expect(event.payload.speaker).toEqual({ name: 'Руководитель', portfolio: 'Мобильность' });
    state = await speaker.send('prompter.get', {});
    expect(state.current).toEqual({ id: b, text: 'Вопрос о дорогах', askerFirstName: 'Берик', district: 'almaly', askedBy: 1 });

    // The speaker never receives the rundown, question events or any contact data.
    const received = JSON.stringify(speaker.events);
    expect(received).not.toContain('Ким');
    expect(received).not.toContain('999');
    expect(speaker.events.every((e) => e.name === 'prompter.state')).toBe(true);
    expect(mayReceive('speaker', 'rundown.changed')).toBe(false);
  });

  it('keeps the cue and the countdown in the database, and counts down from the server clock', async () => {
    await producer.send('prompter.cue', { cue: { kind: 'text', text: 'Далее: Жетысу' } });
    const started = await producer.send('prompter.countdown', { seconds: 30 });
    expect(started.countdown).toEqual({ endsAt: clock + 30_000, remainingMs: 30_000 });
    clock += 12_000;
    const later = await speaker.send('prompter.get', {});
    expect(later.cue).toEqual({ kind: 'text', text: 'Далее: Жетысу' });
    expect(later.countdown?.remainingMs).toBe(18_000);
    expect(core.db.prepare('SELECT cue, countdown_ends_at AS endsAt FROM prompter_cue').get()).toEqual({
      cue: JSON.stringify({ kind: 'text', text: 'Далее: Жетысу' }),
      endsAt: Date.UTC(2026, 4, 20, 14, 0) + 30_000,
    });
    const cleared = await producer.send('prompter.cue', { cue: null });
    expect(cleared.cue).toBeNull();
    const refused = await speaker.request('prompter.cue', { cue: { kind: 'preset', preset: 'wrapUp' } });
    expect(refused.ok).toBe(false);
  });
});
