import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFERRED_HERE } from '../../../electron/core/store/outcomes';
import { startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, questionVersion, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
const clock = Date.UTC(2026, 4, 20, 14, 30); // Wednesday 20 May 2026, 19:30 in Almaty

beforeEach(async () => {
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

const speakers = [{ name: 'Ерболат Досаев', portfolio: 'Аким города' }];

function outcomeRows(questionId: number): unknown[] {
  return core.db
    .prepare('SELECT episode_id AS episodeId, kind, reason, deferred_to AS deferredTo FROM outcome WHERE question_id = ? ORDER BY id')
    .all(questionId);
}

/** Last week's show (done), tonight's (live, with two queued questions) and two planned ones. */
async function showsAndQueue() {
  const lastWeek = await saveEpisode(producer, { title: 'Akimat LIVE №11', airDate: '2026-05-13', speakers });
  await producer.send('episode.start', { id: lastWeek.episode.id });
  await producer.send('episode.end', { id: lastWeek.episode.id });
  const tonight = await saveEpisode(producer, { title: 'Akimat LIVE №12', speakers });
  const nextWeek = await saveEpisode(producer, { title: 'Akimat LIVE №13', airDate: '2026-05-27', speakers });
  const inTwoWeeks = await saveEpisode(producer, { title: 'Akimat LIVE №14', airDate: '2026-06-03', speakers });
  await producer.send('episode.start', { id: tonight.episode.id });
  const a = await approvedQuestion(core, producer, { name: 'Аня', text: 'Когда отремонтируют мост на Абая?' });
  const b = await approvedQuestion(core, producer, { name: 'Болат', text: 'Будет ли новая школа в Алатау?' });
  for (const q of [a, b]) await producer.send('queue.add', { id: q.id, version: questionVersion(core, q.id) });
  return { lastWeek, tonight, nextWeek, inTwoWeeks, a, b };
}

describe('deferring a question to a later episode', () => {
  it('defers all the rest at the end of the show in one step, on air first, and ends the episode', async () => {
    const { tonight, nextWeek, a, b } = await showsAndQueue();
    await producer.send('question.putOnAir', { id: a.id, version: questionVersion(core, a.id) });
    const ended = await producer.send('episode.end', { id: tonight.episode.id, deferRest: { toEpisodeId: nextWeek.episode.id, note: 'Не успели' } });
    expect(ended.episode.status).toBe('done');
    for (const q of [a, b]) {
      expect(outcomeRows(q.id)).toEqual([{ episodeId: tonight.episode.id, kind: 'deferred', reason: 'Не успели', deferredTo: nextWeek.episode.id }]);
    }
    const target = await producer.send('episode.get', { id: nextWeek.episode.id });
    expect(target?.deferredHere.map((d) => d.questionId)).toEqual([a.id, b.id]);
  });

  it('refuses to defer the rest to an episode already done, and changes nothing', async () => {
    const { lastWeek, tonight, a } = await showsAndQueue();
    const reply = await producer.request('episode.end', { id: tonight.episode.id, deferRest: { toEpisodeId: lastWeek.episode.id } });
    expect(reply.ok).toBe(false);
    expect(outcomeRows(a.id)).toEqual([]);
    expect((await producer.send('episode.get', { id: tonight.episode.id }))?.episode.status).toBe('live');
  });

  it('stores the chosen episode and lists the question first in that episode’s rundown, marked with where it came from', async () => {
    const { tonight, nextWeek, inTwoWeeks, a, b } = await showsAndQueue();
    await producer.send('question.putOnAir', { id: a.id, version: questionVersion(core, a.id) });

    const changed = producer.waitForEvent(
      'rundown.changed',
      (p) => p.episode.id === nextWeek.episode.id && p.deferredHere.length === 1,
    );
    const deferred = await producer.send('outcome.record', {
      id: a.id,
      version: questionVersion(core, a.id),
      outcome: { kind: 'deferred', note: 'Ждём ответа из управления', toEpisodeId: nextWeek.episode.id },
    });
    expect(deferred.status).toBe('deferred');
    expect(outcomeRows(a.id)).toEqual([
      { episodeId: tonight.episode.id, kind: 'deferred', reason: 'Ждём ответа из управления', deferredTo: nextWeek.episode.id },
    ]);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM queue_item WHERE question_id = ?').get(a.id)).toEqual({ n: 0 });
    // A producer already looking at next week's rundown sees it arrive.
    expect((await changed).payload.deferredHere.map((d: { questionId: number }) => d.questionId)).toEqual([a.id]);

    // Deferred without choosing an episode: stored with no target, listed nowhere.
    await producer.send('outcome.record', { id: b.id, version: questionVersion(core, b.id), outcome: { kind: 'deferred' } });
    expect(outcomeRows(b.id)).toEqual([{ episodeId: tonight.episode.id, kind: 'deferred', reason: '', deferredTo: null }]);

    const target = await producer.send('episode.get', { id: nextWeek.episode.id });
    expect(target?.deferredHere).toEqual([
      {
        questionId: a.id,
        fromEpisodeId: tonight.episode.id,
        fromTitle: 'Akimat LIVE №12',
        fromAirDate: '2026-05-20',
        note: 'Ждём ответа из управления',
      },
    ]);
    expect((await producer.send('episode.get', { id: inTwoWeeks.episode.id }))?.deferredHere).toEqual([]);
    const source = await producer.send('episode.get', { id: tonight.episode.id });
    expect(source?.outcomes.map((o) => [o.questionId, o.deferredToEpisodeId])).toEqual([
      [a.id, nextWeek.episode.id],
      [b.id, null],
    ]);

    // A deferred question can still be queued again; once it is, it no longer waits to be taken up.
    const speakerId = target!.speakers[0]!.id;
    const requeued = await producer.send('queue.add', { id: a.id, version: questionVersion(core, a.id), speakerId });
    expect(requeued).toMatchObject({ episodeId: nextWeek.episode.id, question: { status: 'queued' } });
    expect((await producer.send('episode.get', { id: nextWeek.episode.id }))?.deferredHere).toEqual([]);
  });

  it('refuses an episode that does not exist, the one the question is in, or one that has ended', async () => {
    const { lastWeek, tonight, a } = await showsAndQueue();
    const attempts = [
      { toEpisodeId: 9999, code: 'not_found', message: /not found/i },
      { toEpisodeId: tonight.episode.id, code: 'validation', message: /another episode/ },
      { toEpisodeId: lastWeek.episode.id, code: 'invalid_transition', message: /has ended/ },
    ];
    for (const { toEpisodeId, code, message } of attempts) {
      const reply = await producer.request('outcome.record', {
        id: a.id,
        version: questionVersion(core, a.id),
        outcome: { kind: 'deferred', note: '', toEpisodeId },
      });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatchObject({ code, field: 'toEpisodeId', message: expect.stringMatching(message) });
    }
    // Nothing was recorded: the question is still queued in tonight's show.
    expect(outcomeRows(a.id)).toEqual([]);
    const row = core.db.prepare('SELECT q.status, qi.episode_id AS episodeId FROM question q JOIN queue_item qi ON qi.question_id = q.id WHERE q.id = ?').get(a.id);
    expect(row).toEqual({ status: 'queued', episodeId: tonight.episode.id });
  });

  it('finds the questions deferred to an episode through an index, with every rundown read', () => {
    const plan = core.db.prepare(`EXPLAIN QUERY PLAN ${DEFERRED_HERE}`).all({ episodeId: 1 }) as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail)).toEqual(
      expect.arrayContaining(['SEARCH o USING INDEX outcome_deferred_to (deferred_to=?)']),
    );
    expect(plan.some((r) => r.detail.startsWith('SCAN'))).toBe(false);
  });
});
