import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/protocol';
import { startTestCore, type TestCore } from '../../helpers/core';
import { saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
const clock = Date.UTC(2026, 4, 20, 14, 0);

beforeEach(async () => {
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

let n = 0;
async function arrive(channel: 'csv' | 'web', senderName: string): Promise<Question> {
  n++;
  const { questionId } = await core.intake.accept({ channel, externalId: `name-${n}`, senderName, text: `Когда починят лифт? ${n}` });
  const [question] = (await producer.send('inbox.list', { limit: 1, filter: {} })).items.filter((q) => q.id === questionId);
  return question!;
}

describe('the on-air name', () => {
  it('is the first name of a call-centre "Фамилия Имя Отчество", stored with the question', async () => {
    const q = await arrive('csv', 'Сейткали Айгерим Болатовна');
    expect(q).toMatchObject({ senderName: 'Сейткали Айгерим Болатовна', airName: 'Айгерим', airNameToCheck: false });
    expect(core.db.prepare('SELECT air_name, air_name_check FROM question WHERE id = ?').get(q.id)).toEqual({
      air_name: 'Айгерим',
      air_name_check: 0,
    });
  });

  it('is marked to check when the order is unclear, and a producer’s correction is audited and clears it', async () => {
    const q = await arrive('web', 'Сейткали Айгерим');
    expect(q).toMatchObject({ airName: 'Сейткали', airNameToCheck: true });
    const fixed = await producer.send('question.setAirName', { id: q.id, version: q.version, airName: '  Айгерим ' });
    expect(fixed).toMatchObject({ airName: 'Айгерим', airNameToCheck: false, version: q.version + 1 });
    const audit = core.db
      .prepare("SELECT actor, before, after FROM audit WHERE entity_id = ? AND action = 'question.setAirName'")
      .all(q.id) as Array<{ actor: string; before: string; after: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before)).toEqual({ airName: 'Сейткали' });
    expect(JSON.parse(audit[0]!.after)).toEqual({ airName: 'Айгерим' });

    const stale = await producer.request('question.setAirName', { id: q.id, version: q.version, airName: 'Ая' });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('stale');
  });

  it('can be confirmed unchanged, and the confirmation is undone like any action', async () => {
    const q = await arrive('web', 'Зуфар');
    expect(q.airNameToCheck).toBe(true);
    const confirmed = await producer.send('question.setAirName', { id: q.id, version: q.version, airName: 'Зуфар' });
    expect(confirmed.airNameToCheck).toBe(false);
    const undone = await producer.send('question.undo', {});
    expect(undone.items.at(-1)).toMatchObject({ id: q.id, airName: 'Зуфар', airNameToCheck: true });
  });

  it('is refused to read-only roles and to an empty name', async () => {
    const q = await arrive('web', 'Айгерим');
    const speaker = await TestWsClient.connect(core.url, 'speaker');
    const refused = await speaker.request('question.setAirName', { id: q.id, version: q.version, airName: 'Сейткали' });
    speaker.close();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    const empty = await producer.request('question.setAirName', { id: q.id, version: q.version, airName: '   ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe('validation');
    expect(core.db.prepare('SELECT air_name, version FROM question WHERE id = ?').get(q.id)).toEqual({ air_name: 'Айгерим', version: q.version });
  });

  it('is what the teleprompter shows, never the surname', async () => {
    const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await producer.send('episode.start', { id: rundown.episode.id });
    const q = await arrive('csv', 'Сейткали Айгерим Болатовна');
    const approved = await producer.send('question.approve', { id: q.id, version: q.version });
    await producer.send('queue.add', { id: q.id, version: approved.version, speakerId: rundown.speakers[0]!.id });
    const state = await producer.send('prompter.get', {});
    expect(state.next).toMatchObject({ id: q.id, askerFirstName: 'Айгерим' });
    expect(JSON.stringify(state)).not.toContain('Сейткали');
  });
});
