import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, questionVersion, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

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

const version = (id: number): number => questionVersion(core, id);

async function queued(name: string, text: string): Promise<number> {
  const { id, version: v } = await approvedQuestion(core, producer, { name, text });
  await producer.send('queue.add', { id, version: v });
  return id;
}

/** What each view says is on air: the teleprompter, the rundown and the console's banner source. */
async function threeViews(episodeId: number) {
  const prompter = await speaker.send('prompter.get', {});
  const rundown = await producer.send('episode.get', { id: episodeId });
  const inbox = await producer.send('inbox.list', { limit: 5, filter: { status: 'on_air' } });
  return {
    prompter: prompter.current?.id ?? null,
    rundown: rundown?.items.filter((i) => i.status === 'on_air').map((i) => i.questionId) ?? [],
    console: inbox.items.map((q) => q.id),
  };
}

async function expectAgree(episodeId: number, id: number | null): Promise<void> {
  expect(await threeViews(episodeId)).toEqual({ prompter: id, rundown: id === null ? [] : [id], console: id === null ? [] : [id] });
  // The last state pushed to the speaker is the state the speaker would read.
  await expect.poll(() => speaker.events.filter((e) => e.name === 'prompter.state').at(-1)?.payload.current?.id ?? null).toBe(id);
}

describe('the on-air projection', () => {
  it('keeps the rundown, the console and the teleprompter in agreement through a whole show', async () => {
    const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    const episodeId = rundown.episode.id;
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    const c = await queued('Вера', 'Вопрос В');
    await producer.request('question.putOnAir', { id: a, version: version(a) });
    await expectAgree(episodeId, null);
    await producer.send('episode.start', { id: episodeId });
    await producer.send('show.next', {});
    await expectAgree(episodeId, a);
    await producer.request('question.putOnAir', { id: c, version: version(c) });
    await expectAgree(episodeId, a);
    await producer.send('question.putOnAir', { id: c, version: version(c), confirm: true });
    await expectAgree(episodeId, c);
    await producer.send('show.undo', {});
    await expectAgree(episodeId, a);
    await producer.send('show.next', { outcome: { kind: 'answered', summary: '' } });
    await expectAgree(episodeId, b);
    await producer.send('outcome.record', { id: b, version: version(b), outcome: { kind: 'dropped', reason: 'время' } });
    await expectAgree(episodeId, null);
  });

  it('is not republished when questions arrive or change off air', async () => {
    const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким' }] });
    await producer.send('episode.start', { id: rundown.episode.id });
    const a = await queued('Аня', 'Вопрос А');
    await producer.send('show.next', {});
    await speaker.waitForEvent('prompter.state', (p) => p.current?.id === a);
    const before = speaker.events.filter((e) => e.name === 'prompter.state').length;
    const texts = ['школа', 'парк', 'автобус', 'свет', 'вода', 'мусор', 'снег', 'собаки', 'шум', 'газ'].map((w) => `Что будет с проблемой: ${w}?`);
    for (const [i, text] of texts.entries()) {
      const { json } = await postJson(`${core.url}/api/questions`, { name: `Житель${i}`, text, district: 'medeu' });
      const { id } = core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
      await producer.send('question.approve', { id, version: 1 });
    }
    // A change that does concern the air is still published, and arrives after everything above.
    await producer.send('prompter.cue', { cue: { kind: 'preset', preset: 'louder' } });
    await speaker.waitForEvent('prompter.state', (p) => p.cue?.kind === 'preset');
    expect(speaker.events.filter((e) => e.name === 'prompter.state').length).toBe(before + 1);
  });
});
