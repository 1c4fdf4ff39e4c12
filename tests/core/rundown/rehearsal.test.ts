import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outcomesIn } from '../../../electron/core/store/reports';
import { startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;

beforeEach(async () => {
  core = await startTestCore();
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

async function runShow(rehearsal: boolean, text: string): Promise<void> {
  const rundown = await saveEpisode(producer, { title: rehearsal ? 'Прогон' : 'Эфир', rehearsal, speakers: [{ name: 'Аким', portfolio: 'Город' }] });
  expect(rundown.episode.rehearsal).toBe(rehearsal);
  await producer.send('episode.start', { id: rundown.episode.id });
  const q = await approvedQuestion(core, producer, { name: 'Асель', text });
  await producer.send('queue.add', { id: q.id, version: q.version });
  await producer.send('show.next', {});
  expect((await producer.send('prompter.get', {})).rehearsal).toBe(rehearsal);
  await producer.send('show.next', { outcome: { kind: 'answered', summary: 'Ответили', commitments: [] } });
  await producer.send('episode.end', { id: rundown.episode.id });
}

describe('a rehearsal', () => {
  it('runs like a show, tells the teleprompter it is a rehearsal, and stays out of press reports', async () => {
    await runShow(true, 'Проверочный вопрос для прогона эфира');
    await runShow(false, 'Когда отремонтируют дорогу на Абая?');
    expect((await producer.send('prompter.get', {})).rehearsal).toBe(false);
    const reported = outcomesIn(core.db, { start: 0, end: Number.MAX_SAFE_INTEGER, episodeId: null });
    expect(reported.map((o) => o.episodeTitle)).toEqual(['Эфир']);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM outcome').get()).toEqual({ n: 2 });
  });

  it('hands nothing off to a department', async () => {
    const rundown = await saveEpisode(producer, { title: 'Прогон', rehearsal: true, speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await producer.send('episode.start', { id: rundown.episode.id });
    const q = await approvedQuestion(core, producer, { name: 'Асель', text: 'Проверочный вопрос о передаче в управление' });
    await producer.send('queue.add', { id: q.id, version: q.version });
    await producer.send('show.next', {});
    const department = (await producer.send('department.list', {})).items[0]!;
    await producer.send('show.next', { outcome: { kind: 'handed_off', departmentId: department.id } });
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM handoff').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT kind FROM outcome WHERE question_id = ?').get(q.id)).toEqual({ kind: 'handed_off' });
  });
});
