import type { District, QuestionStatus } from '../../../shared/domain';
import { QUESTION_FLAGS, type RundownItem } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

type QuestionFlag = (typeof QUESTION_FLAGS)[number];

export interface QueueItem {
  questionId: number;
  episodeId: number;
  speakerId: number;
  position: number;
}

interface RundownRow {
  question_id: number;
  version: number;
  reference: string;
  status: QuestionStatus;
  air_text: string;
  sender_name: string;
  district: District | null;
  topic: string | null;
  flags: string;
  speaker_id: number;
  position: number;
  aired_ms: number;
  on_air_since: number | null;
  asked_by: number;
}

const GET = `
  SELECT question_id AS questionId, episode_id AS episodeId, speaker_id AS speakerId, position
  FROM queue_item WHERE question_id = @questionId
`;

const APPEND = `
  INSERT INTO queue_item (question_id, episode_id, speaker_id, position, added_at)
  VALUES (
    @questionId, @episodeId, @speakerId,
    (SELECT COALESCE(MAX(position), -1) + 1 FROM queue_item WHERE speaker_id = @speakerId),
    @now
  )
  ON CONFLICT (question_id) DO UPDATE SET
    episode_id = excluded.episode_id, speaker_id = excluded.speaker_id,
    position = excluded.position, added_at = excluded.added_at
`;

const SPEAKER_ORDER = `
  SELECT question_id AS questionId FROM queue_item WHERE speaker_id = @speakerId ORDER BY position, added_at
`;

const SET_PLACE = `
  UPDATE queue_item SET speaker_id = @speakerId, position = @position WHERE question_id = @questionId
`;

const DELETE = `DELETE FROM queue_item WHERE question_id = @questionId`;

const FRONT_OF_SPEAKER = `
  SELECT q.id FROM queue_item qi JOIN question q ON q.id = qi.question_id
  WHERE qi.speaker_id = @speakerId AND q.status = 'queued'
  ORDER BY qi.position, qi.added_at
  LIMIT 1
`;

const FIRST_NON_EMPTY_SPEAKER = `
  SELECT qi.speaker_id AS speakerId FROM queue_item qi
  JOIN question q ON q.id = qi.question_id
  JOIN speaker s ON s.id = qi.speaker_id
  WHERE qi.episode_id = @episodeId AND q.status = 'queued'
  ORDER BY s.position, s.id
  LIMIT 1
`;

const EPISODE_ITEMS = `
  SELECT qi.question_id, q.version, q.reference, q.status, q.air_text, q.sender_name, q.district,
         q.topic, q.flags, qi.speaker_id, qi.position,
         COALESCE((SELECT SUM(a.ended_at - a.started_at) FROM air_segment a
                   WHERE a.question_id = q.id AND a.ended_at IS NOT NULL), 0) AS aired_ms,
         (SELECT a.started_at FROM air_segment a
          WHERE a.question_id = q.id AND a.ended_at IS NULL) AS on_air_since,
         MAX(COALESCE(g.size, 1), 1) AS asked_by
  FROM queue_item qi
  JOIN question q ON q.id = qi.question_id
  LEFT JOIN question_group g ON g.id = q.group_id
  WHERE qi.episode_id = @episodeId AND q.status IN ('queued', 'on_air')
  ORDER BY qi.speaker_id, qi.position, qi.added_at
`;

// A row whose question left the queue some other way (a status change made elsewhere) is not pending.
const PENDING = `
  SELECT qi.question_id AS id FROM queue_item qi JOIN question q ON q.id = qi.question_id
  WHERE qi.episode_id = @episodeId AND q.status IN ('queued', 'on_air')
  ORDER BY qi.speaker_id, qi.position
`;

export function getQueueItem(db: Db, questionId: number): QueueItem | null {
  return (prepared(db, GET).get({ questionId }) as QueueItem | undefined) ?? null;
}

/** Adds at the end of the speaker's queue; a stale row for the same question is replaced. */
export function appendToQueue(db: Db, item: Omit<QueueItem, 'position'>, now: number): void {
  prepared(db, APPEND).run({ ...item, now });
}

/**
 * Places a queued question at `index` in a speaker's queue and renumbers that queue (and the one
 * it left) 0..n-1, so positions stay dense and the order is the same for every producer.
 */
export function moveInQueue(db: Db, questionId: number, speakerId: number, index: number): void {
  const from = getQueueItem(db, questionId);
  if (!from) return;
  const target = (prepared(db, SPEAKER_ORDER).all({ speakerId }) as Array<{ questionId: number }>)
    .map((r) => r.questionId)
    .filter((id) => id !== questionId);
  target.splice(Math.min(index, target.length), 0, questionId);
  target.forEach((id, position) => prepared(db, SET_PLACE).run({ questionId: id, speakerId, position }));
  if (from.speakerId !== speakerId) renumber(db, from.speakerId);
}

function renumber(db: Db, speakerId: number): void {
  const ids = prepared(db, SPEAKER_ORDER).all({ speakerId }) as Array<{ questionId: number }>;
  ids.forEach((r, position) => prepared(db, SET_PLACE).run({ questionId: r.questionId, speakerId, position }));
}

export function removeFromQueue(db: Db, questionId: number): void {
  const item = getQueueItem(db, questionId);
  if (!item) return;
  prepared(db, DELETE).run({ questionId });
  renumber(db, item.speakerId);
}

/** The next question for a speaker: the first one still waiting in their queue. */
export function frontOfQueue(db: Db, speakerId: number): number | null {
  const row = prepared(db, FRONT_OF_SPEAKER).get({ speakerId }) as { id: number } | undefined;
  return row?.id ?? null;
}

export function firstSpeakerWithQueue(db: Db, episodeId: number): number | null {
  const row = prepared(db, FIRST_NON_EMPTY_SPEAKER).get({ episodeId }) as { speakerId: number } | undefined;
  return row?.speakerId ?? null;
}

export function listRundownItems(db: Db, episodeId: number): RundownItem[] {
  return (prepared(db, EPISODE_ITEMS).all({ episodeId }) as RundownRow[]).map((r) => ({
    questionId: r.question_id,
    version: r.version,
    reference: r.reference,
    status: r.status,
    airText: r.air_text,
    senderName: r.sender_name,
    district: r.district,
    speakerId: r.speaker_id,
    position: r.position,
    airedMs: r.aired_ms,
    onAirSince: r.on_air_since,
    askedBy: r.asked_by,
    topic: r.topic,
    flags: (JSON.parse(r.flags) as string[]).filter((f): f is QuestionFlag => KNOWN_FLAGS.has(f)),
  }));
}

const KNOWN_FLAGS = new Set<string>(QUESTION_FLAGS);

/** Questions of the episode that still need an outcome (queued or on air). */
export function listPending(db: Db, episodeId: number): number[] {
  return (prepared(db, PENDING).all({ episodeId }) as Array<{ id: number }>).map((r) => r.id);
}
