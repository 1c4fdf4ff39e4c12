import type { Db } from './db';
import { prepared } from './statements';

const OPEN = `
  INSERT INTO air_segment (question_id, episode_id, speaker_id, started_at)
  VALUES (@questionId, @episodeId, @speakerId, @now)
`;
const CLOSE = `UPDATE air_segment SET ended_at = @now WHERE question_id = @questionId AND ended_at IS NULL`;
const TOTAL = `
  SELECT COALESCE(SUM(COALESCE(ended_at, @now) - started_at), 0) AS ms
  FROM air_segment WHERE question_id = @questionId
`;
const FIRST_ON_AIR = `SELECT MIN(started_at) AS at FROM air_segment WHERE question_id = @questionId`;

/** A question may go on air more than once (put back, taken again): each time is one segment. */
export function openAirSegment(
  db: Db,
  segment: { questionId: number; episodeId: number | null; speakerId: number | null },
  now: number,
): void {
  prepared(db, OPEN).run({ ...segment, now });
}

export function closeAirSegment(db: Db, questionId: number, now: number): void {
  prepared(db, CLOSE).run({ questionId, now });
}

export function totalAirMs(db: Db, questionId: number, now: number): number {
  return (prepared(db, TOTAL).get({ questionId, now }) as { ms: number }).ms;
}

/** When the question first went on air (the time its asker is told), or null if it never did. */
export function firstOnAir(db: Db, questionId: number): number | null {
  return (prepared(db, FIRST_ON_AIR).get({ questionId }) as { at: number | null }).at;
}
