import type { CommandRequest, Rundown } from '../../shared/protocol';
import { postJson, type TestCore } from './core';
import { TestWsClient } from './wsClient';

type EpisodeRequest = CommandRequest<'episode.save'>;

/** Creates an episode; unless told otherwise, an hour-long show at 19:00 on Wednesday 20 May 2026. */
export function saveEpisode(
  producer: TestWsClient,
  fields: Partial<EpisodeRequest> & Pick<EpisodeRequest, 'speakers'>,
): Promise<Rundown> {
  return producer.send('episode.save', {
    title: 'Akimat LIVE',
    airDate: '2026-05-20',
    startTime: '19:00',
    durationMin: 60,
    ...fields,
  });
}

export interface Submission {
  name: string;
  text: string;
  district?: string;
  /** The public form's optional topic. */
  topic?: string;
  phone?: string;
  consent?: boolean;
}

/** Sends a question through the public form and approves it, as a producer would in the console. */
export async function approvedQuestion(
  core: TestCore,
  producer: TestWsClient,
  submission: Submission,
): Promise<{ id: number; version: number }> {
  const { json } = await postJson(`${core.url}/api/questions`, { district: 'medeu', ...submission });
  const { id } = core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
  const approved = await producer.send('question.approve', { id, version: 1 });
  return { id, version: approved.version };
}

export function questionVersion(core: TestCore, id: number): number {
  return (core.db.prepare('SELECT version FROM question WHERE id = ?').get(id) as { version: number }).version;
}

/** Question ids in a speaker's queue, front first, as stored. */
export function queueOrder(core: TestCore, speakerId: number): number[] {
  return (
    core.db
      .prepare('SELECT question_id AS id FROM queue_item WHERE speaker_id = ? ORDER BY position')
      .all(speakerId) as Array<{ id: number }>
  ).map((r) => r.id);
}

/** Creates and starts a one-speaker episode: nothing goes on air outside a live one. */
export async function startLiveEpisode(url: string): Promise<Rundown> {
  const producer = await TestWsClient.connect(url, 'producer');
  try {
    const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    return await producer.send('episode.start', { id: rundown.episode.id });
  } finally {
    producer.close();
  }
}
