import { AppError } from '../../../shared/errors';
import type { Episode, EpisodeStatus } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

interface EpisodeRow {
  id: number;
  title: string;
  air_date: string;
  start_time: string;
  planned_start: number;
  duration_min: number;
  status: EpisodeStatus;
  started_at: number | null;
  ended_at: number | null;
  active_speaker_id: number | null;
  version: number;
  rehearsal: 0 | 1;
}

const COLUMNS = `
  id, title, air_date, start_time, planned_start, duration_min, status, started_at, ended_at,
  active_speaker_id, version, rehearsal
`;

function toEpisode(row: EpisodeRow): Episode {
  return {
    id: row.id,
    title: row.title,
    airDate: row.air_date,
    startTime: row.start_time,
    plannedStart: row.planned_start,
    durationMin: row.duration_min,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    activeSpeakerId: row.active_speaker_id,
    version: row.version,
    rehearsal: row.rehearsal === 1,
  };
}

export interface EpisodeFields {
  title: string;
  airDate: string;
  startTime: string;
  plannedStart: number;
  durationMin: number;
  rehearsal: boolean;
}

const INSERT = `
  INSERT INTO episode (title, air_date, start_time, planned_start, duration_min, rehearsal, created_at, updated_at)
  VALUES (@title, @airDate, @startTime, @plannedStart, @durationMin, @rehearsal, @now, @now)
  RETURNING ${COLUMNS}
`;

const UPDATE = `
  UPDATE episode
  SET title = @title, air_date = @airDate, start_time = @startTime, planned_start = @plannedStart,
      duration_min = @durationMin, rehearsal = @rehearsal, updated_at = @now, version = version + 1
  WHERE id = @id AND version = @version
  RETURNING ${COLUMNS}
`;

const BY_ID = `SELECT ${COLUMNS} FROM episode WHERE id = @id`;
const LIVE = `SELECT ${COLUMNS} FROM episode WHERE status = 'live'`;
const NEXT_PLANNED = `
  SELECT ${COLUMNS} FROM episode WHERE status = 'planned' ORDER BY planned_start, id LIMIT 1
`;
const NEXT_ON_AIR = `
  SELECT ${COLUMNS} FROM episode
  WHERE rehearsal = 0 AND (status = 'live' OR (status = 'planned' AND planned_start >= @now))
  ORDER BY status = 'live' DESC, planned_start, id
  LIMIT 1
`;
const LATEST = `SELECT ${COLUMNS} FROM episode ORDER BY planned_start DESC, id DESC LIMIT 1`;
const ALL = `SELECT ${COLUMNS} FROM episode ORDER BY planned_start DESC, id DESC LIMIT 500`;

const SET_STATUS = `
  UPDATE episode
  SET status = @status, started_at = COALESCE(@startedAt, started_at), ended_at = @endedAt,
      updated_at = @now, version = version + 1
  WHERE id = @id
  RETURNING ${COLUMNS}
`;

const SET_ACTIVE_SPEAKER = `
  UPDATE episode SET active_speaker_id = @speakerId, updated_at = @now, version = version + 1
  WHERE id = @id
  RETURNING ${COLUMNS}
`;

export function insertEpisode(db: Db, fields: EpisodeFields, now: number): Episode {
  return toEpisode(prepared(db, INSERT).get({ ...fields, rehearsal: Number(fields.rehearsal), now }) as EpisodeRow);
}

/** Optimistic concurrency, as for questions: an edit applies only to the version the producer saw. */
export function updateEpisode(db: Db, id: number, version: number, fields: EpisodeFields, now: number): Episode {
  const row = prepared(db, UPDATE).get({ ...fields, rehearsal: Number(fields.rehearsal), id, version, now }) as EpisodeRow | undefined;
  if (row) return toEpisode(row);
  const current = getEpisode(db, id);
  if (!current) throw new AppError('not_found');
  throw new AppError('stale', { current });
}

export function getEpisode(db: Db, id: number): Episode | null {
  const row = prepared(db, BY_ID).get({ id }) as EpisodeRow | undefined;
  return row ? toEpisode(row) : null;
}

export function getLiveEpisode(db: Db): Episode | null {
  const row = prepared(db, LIVE).get() as EpisodeRow | undefined;
  return row ? toEpisode(row) : null;
}

/** The episode producers work on by default: the live one, else the next planned, else the latest. */
export function getCurrentEpisode(db: Db): Episode | null {
  const row = (prepared(db, LIVE).get() ?? prepared(db, NEXT_PLANNED).get() ?? prepared(db, LATEST).get()) as
    | EpisodeRow
    | undefined;
  return row ? toEpisode(row) : null;
}

/** What citizens are told airs next: a real (not rehearsal) episode live now, else the next one ahead of `now`. */
export function getNextAiring(db: Db, now: number): Episode | null {
  const row = prepared(db, NEXT_ON_AIR).get({ now }) as EpisodeRow | undefined;
  return row ? toEpisode(row) : null;
}

/** The episode new questions are queued into: the live one, else the next planned. */
export function getQueueingEpisode(db: Db): Episode | null {
  const row = (prepared(db, LIVE).get() ?? prepared(db, NEXT_PLANNED).get()) as EpisodeRow | undefined;
  return row ? toEpisode(row) : null;
}

export function listEpisodes(db: Db): Episode[] {
  return (prepared(db, ALL).all() as EpisodeRow[]).map(toEpisode);
}

export function setEpisodeStatus(
  db: Db,
  id: number,
  status: EpisodeStatus,
  times: { startedAt?: number; endedAt?: number | null },
  now: number,
): Episode {
  const row = prepared(db, SET_STATUS).get({
    id,
    status,
    startedAt: times.startedAt ?? null,
    endedAt: times.endedAt ?? null,
    now,
  }) as EpisodeRow | undefined;
  if (!row) throw new AppError('not_found');
  return toEpisode(row);
}

export function setActiveSpeaker(db: Db, id: number, speakerId: number, now: number): Episode {
  const row = prepared(db, SET_ACTIVE_SPEAKER).get({ id, speakerId, now }) as EpisodeRow | undefined;
  if (!row) throw new AppError('not_found');
  return toEpisode(row);
}
