import { z } from 'zod';
import {
  commitmentSchema,
  type Commitment,
  type DeferredHere,
  type Outcome,
  type OutcomeKind,
} from '../../../shared/protocol';
import { maskPersonalData } from '../analysis/personalData';
import type { Db } from './db';
import { prepared } from './statements';

export interface NewOutcome {
  questionId: number;
  episodeId: number | null;
  kind: OutcomeKind;
  summary: string;
  reason: string;
  commitments: readonly Commitment[];
  deferredTo: number | null;
  decidedAt: number;
  actor: string;
}

interface OutcomeRow {
  question_id: number;
  episode_id: number | null;
  reference: string;
  air_text: string;
  kind: OutcomeKind;
  summary: string;
  reason: string;
  commitments: string;
  department_id: number | null;
  handoff_reference: string | null;
  due_date: string | null;
  deferred_to: number | null;
  aired_ms: number;
  decided_at: number;
  asked_by: number;
}

const INSERT = `
  INSERT INTO outcome (question_id, episode_id, kind, summary, reason, commitments, deferred_to, decided_at, actor)
  VALUES (@questionId, @episodeId, @kind, @summary, @reason, @commitments, @deferredTo, @decidedAt, @actor)
`;

// The handoff made with this outcome is the question's latest one at or after the decision.
const FOR_EPISODE = `
  SELECT o.question_id, o.episode_id, q.reference, q.air_text, o.kind, o.summary, o.reason,
         o.commitments, h.department_id, h.reference AS handoff_reference, h.due_date, o.deferred_to,
         COALESCE((SELECT SUM(a.ended_at - a.started_at) FROM air_segment a
                   WHERE a.question_id = o.question_id AND a.episode_id IS o.episode_id
                     AND a.ended_at IS NOT NULL), 0) AS aired_ms,
         o.decided_at, MAX(COALESCE(g.size, 1), 1) AS asked_by
  FROM outcome o
  JOIN question q ON q.id = o.question_id
  LEFT JOIN question_group g ON g.id = q.group_id
  LEFT JOIN handoff h ON h.id = (
    SELECT MAX(h2.id) FROM handoff h2 WHERE h2.question_id = o.question_id AND o.kind = 'handed_off'
  )
  WHERE o.episode_id = @episodeId
  ORDER BY o.id
`;

interface DeferredHereRow {
  question_id: number;
  from_episode_id: number | null;
  from_title: string | null;
  from_air_date: string | null;
  note: string;
}

// Only a question still deferred counts, and only by its latest outcome: once queued again, or
// deferred again elsewhere, it no longer waits for this episode.
/** Read with every rundown; exported so a test can check its query plan. */
export const DEFERRED_HERE = `
  SELECT o.question_id, o.episode_id AS from_episode_id, e.title AS from_title,
         e.air_date AS from_air_date, o.reason AS note
  FROM outcome o
  JOIN question q ON q.id = o.question_id
  LEFT JOIN episode e ON e.id = o.episode_id
  WHERE o.deferred_to = @episodeId AND q.status = 'deferred'
    AND o.id = (SELECT MAX(o2.id) FROM outcome o2 WHERE o2.question_id = o.question_id)
  ORDER BY o.id
`;

const commitmentsSchema = z.array(commitmentSchema);

export function insertOutcome(db: Db, outcome: NewOutcome): void {
  prepared(db, INSERT).run({ ...outcome, commitments: JSON.stringify(outcome.commitments) });
}

/**
 * An episode's outcomes, the wording masked: this list is the outcomes table and what exports
 * of it print, read by people who must not see a citizen's phone, IIN or card number.
 */
export function listEpisodeOutcomes(db: Db, episodeId: number): Outcome[] {
  return (prepared(db, FOR_EPISODE).all({ episodeId }) as OutcomeRow[]).map((r) => ({
    questionId: r.question_id,
    episodeId: r.episode_id,
    reference: r.reference,
    airText: maskPersonalData(r.air_text),
    kind: r.kind,
    summary: r.summary,
    reason: r.reason,
    // Validated on read: a malformed stored list shows as none rather than breaking the screen.
    commitments: commitmentsSchema.safeParse(JSON.parse(r.commitments)).data ?? [],
    departmentId: r.department_id,
    handoffReference: r.handoff_reference,
    dueDate: r.due_date,
    deferredToEpisodeId: r.deferred_to,
    airedMs: r.aired_ms,
    decidedAt: r.decided_at,
    askedBy: r.asked_by,
  }));
}

export function listDeferredHere(db: Db, episodeId: number): DeferredHere[] {
  return (prepared(db, DEFERRED_HERE).all({ episodeId }) as DeferredHereRow[]).map((r) => ({
    questionId: r.question_id,
    fromEpisodeId: r.from_episode_id,
    fromTitle: r.from_title,
    fromAirDate: r.from_air_date,
    note: r.note,
  }));
}
