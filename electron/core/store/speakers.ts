import { AppError } from '../../../shared/errors';
import type { Speaker } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

const LIST = `
  SELECT id, name, portfolio, position FROM speaker WHERE episode_id = @episodeId ORDER BY position, id
`;
const BY_ID = `SELECT id, episode_id AS episodeId, name, portfolio, position FROM speaker WHERE id = @id`;
const INSERT = `
  INSERT INTO speaker (episode_id, position, name, portfolio) VALUES (@episodeId, @position, @name, @portfolio)
`;
const UPDATE = `
  UPDATE speaker SET position = @position, name = @name, portfolio = @portfolio
  WHERE id = @id AND episode_id = @episodeId
`;
const DELETE = `DELETE FROM speaker WHERE id = @id`;
const IN_USE = `
  SELECT (SELECT COUNT(*) FROM queue_item WHERE speaker_id = @id)
       + (SELECT COUNT(*) FROM air_segment WHERE speaker_id = @id) AS n
`;

export interface SpeakerInput {
  id?: number | undefined;
  name: string;
  portfolio: string;
}

export function listSpeakers(db: Db, episodeId: number): Speaker[] {
  return prepared(db, LIST).all({ episodeId }) as Speaker[];
}

export function getSpeaker(db: Db, id: number): (Speaker & { episodeId: number }) | null {
  return (prepared(db, BY_ID).get({ id }) as (Speaker & { episodeId: number }) | undefined) ?? null;
}

/**
 * Makes the episode's speakers exactly `speakers`, in that order. A speaker who has questions
 * queued, or has been on air, cannot be removed: the rundown must keep saying who answered.
 */
export function replaceSpeakers(db: Db, episodeId: number, speakers: readonly SpeakerInput[]): void {
  const keep = new Set(speakers.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  for (const existing of listSpeakers(db, episodeId)) {
    if (keep.has(existing.id)) continue;
    const { n } = prepared(db, IN_USE).get({ id: existing.id }) as { n: number };
    if (n > 0) throw new AppError('invalid_transition', { messageKey: 'rundown.error.speakerHasQueue' });
    prepared(db, DELETE).run({ id: existing.id });
  }
  speakers.forEach((s, position) => {
    const row = { episodeId, position, name: s.name, portfolio: s.portfolio };
    if (s.id === undefined) {
      prepared(db, INSERT).run(row);
      return;
    }
    const changed = prepared(db, UPDATE).run({ ...row, id: s.id }).changes;
    if (changed === 0) throw new AppError('not_found', { field: 'speakers' });
  });
}
