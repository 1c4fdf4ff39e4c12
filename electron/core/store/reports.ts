import type { HandoffStatus } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

/** Half-open UTC window [start, end), optionally narrowed to one episode's outcomes. */
export interface ReportWindow {
  start: number;
  end: number;
  episodeId: number | null;
}

/** Questions received in the window, counted per combination of the columns a report groups by. */
export interface IntakeCell {
  status: string;
  channel: string;
  topic: string | null;
  district: string | null;
  language: string | null;
  /** The reason code of a rejection, without the producer's note. */
  reason: string | null;
  n: number;
}

// Grouped by the stored reason ("code" or "code: note"); the code is cut out of the few cells in
// JavaScript rather than out of every row in SQL.
const INTAKE_CELLS = `
  SELECT status, channel, topic, district, language, reject_reason AS reason, COUNT(*) AS n
  FROM question INDEXED BY question_report
  WHERE received_at >= @start AND received_at < @end
  GROUP BY status, channel, topic, district, language, reject_reason
`;

const reasonCode = (reason: string | null): string | null => (reason === null ? null : reason.split(': ', 1)[0]!);

export function intakeCells(db: Db, window: ReportWindow): IntakeCell[] {
  const rows = prepared(db, INTAKE_CELLS).all({ start: window.start, end: window.end }) as IntakeCell[];
  return rows.map((row) => ({ ...row, reason: reasonCode(row.reason) }));
}

/** Questions received in the window by status alone: all the period before needs (its totals). */
export interface StatusCount {
  status: string;
  n: number;
}

const INTAKE_STATUSES = `
  SELECT status, COUNT(*) AS n
  FROM question INDEXED BY question_report
  WHERE received_at >= @start AND received_at < @end
  GROUP BY status
`;

export function intakeStatuses(db: Db, window: ReportWindow): StatusCount[] {
  return prepared(db, INTAKE_STATUSES).all({ start: window.start, end: window.end }) as StatusCount[];
}

/** One outcome decided in the window, with what the report shows about its question. */
export interface OutcomeRow {
  kind: 'answered' | 'handed_off' | 'deferred' | 'dropped';
  summary: string;
  commitments: string;
  decidedAt: number;
  episodeTitle: string | null;
  reference: string;
  airText: string;
  /** The on-air first name a producer confirmed: never the surname. */
  airName: string;
  topic: string | null;
  district: string | null;
  suggestedSpeaker: string | null;
  /** Who answered on air: the speaker of the question's latest air time. */
  speakerName: string | null;
  askedBy: number;
}

// The group's size is the audience's vote; a question outside any group was asked once.
const OUTCOMES = `
  SELECT o.kind, o.summary, o.commitments, o.decided_at AS decidedAt, e.title AS episodeTitle,
         q.reference, q.air_text AS airText, q.air_name AS airName, q.topic, q.district,
         q.speaker AS suggestedSpeaker,
         (SELECT s.name FROM air_segment a JOIN speaker s ON s.id = a.speaker_id
          WHERE a.question_id = o.question_id ORDER BY a.started_at DESC, a.id DESC LIMIT 1) AS speakerName,
         MAX(COALESCE(g.size, 1), 1) AS askedBy
  FROM outcome o INDEXED BY outcome_decided
  JOIN question q ON q.id = o.question_id
  LEFT JOIN episode e ON e.id = o.episode_id
  LEFT JOIN question_group g ON g.id = q.group_id
  WHERE o.decided_at >= @start AND o.decided_at < @end
    AND (@episodeId IS NULL OR o.episode_id = @episodeId)
    -- A rehearsal's outcomes answered nobody.
    AND (e.id IS NULL OR e.rehearsal = 0)
  ORDER BY o.decided_at, o.id
`;

export function outcomesIn(db: Db, window: ReportWindow): OutcomeRow[] {
  return prepared(db, OUTCOMES).all(window) as OutcomeRow[];
}

/** A hand-off made in the window, with its department's names. */
export interface HandoffRow {
  reference: string;
  questionReference: string;
  airText: string;
  status: HandoffStatus;
  dueDate: string;
  createdAt: number;
  /** When it was last changed: for an answered hand-off, when it was answered. */
  updatedAt: number;
  departmentCode: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

const HANDOFFS = `
  SELECT h.reference, q.reference AS questionReference, q.air_text AS airText, h.status,
         h.due_date AS dueDate, h.created_at AS createdAt, COALESCE(h.answered_at, h.updated_at) AS updatedAt,
         d.code AS departmentCode, d.name_kk AS nameKk, d.name_ru AS nameRu, d.name_en AS nameEn
  FROM handoff h INDEXED BY handoff_created
  JOIN question q ON q.id = h.question_id
  JOIN department d ON d.id = h.department_id
  WHERE h.created_at >= @start AND h.created_at < @end
    AND (@episodeId IS NULL OR EXISTS (
      SELECT 1 FROM outcome o WHERE o.question_id = h.question_id AND o.episode_id = @episodeId AND o.kind = 'handed_off'))
    -- A question handed off only in rehearsals was handed to nobody.
    AND NOT (
      EXISTS (SELECT 1 FROM outcome o JOIN episode e ON e.id = o.episode_id
              WHERE o.question_id = h.question_id AND o.kind = 'handed_off' AND e.rehearsal = 1)
      AND NOT EXISTS (SELECT 1 FROM outcome o LEFT JOIN episode e ON e.id = o.episode_id
                      WHERE o.question_id = h.question_id AND o.kind = 'handed_off' AND (e.id IS NULL OR e.rehearsal = 0)))
  ORDER BY h.created_at, h.id
`;

export function handoffsIn(db: Db, window: ReportWindow): HandoffRow[] {
  return prepared(db, HANDOFFS).all(window) as HandoffRow[];
}

export interface EpisodeRow {
  id: number;
  title: string;
  airDate: string;
}

// A rehearsal answered nobody: there is no press report of it.
const EPISODE = `SELECT id, title, air_date AS airDate FROM episode WHERE id = @id AND rehearsal = 0`;

export function episodeForReport(db: Db, id: number): EpisodeRow | null {
  return (prepared(db, EPISODE).get({ id }) as EpisodeRow | undefined) ?? null;
}

// The show before: the latest earlier episode that was not a rehearsal.
const EPISODE_BEFORE = `
  SELECT id, title, air_date AS airDate FROM episode
  WHERE rehearsal = 0 AND planned_start < (SELECT planned_start FROM episode WHERE id = @id)
  ORDER BY planned_start DESC LIMIT 1
`;

/** The episode an episode's report is compared with, if there was one before it. */
export function episodeBefore(db: Db, id: number): EpisodeRow | null {
  return (prepared(db, EPISODE_BEFORE).get({ id }) as EpisodeRow | undefined) ?? null;
}

const EPISODES = `SELECT id, title, air_date AS airDate FROM episode WHERE rehearsal = 0 ORDER BY planned_start DESC LIMIT 200`;

/** The latest episodes, newest first, for the press screen's picker. */
export function episodesForReports(db: Db): EpisodeRow[] {
  return prepared(db, EPISODES).all() as EpisodeRow[];
}

/** Exported so a test can check the query plans use the report's indexes. */
export const REPORT_QUERIES = { INTAKE_CELLS, INTAKE_STATUSES, OUTCOMES, HANDOFFS } as const;
