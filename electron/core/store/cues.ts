import { cueSchema, type Cue } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

const GET = `SELECT cue, countdown_ends_at AS countdownEndsAt FROM prompter_cue WHERE id = 1`;
const SET_CUE = `UPDATE prompter_cue SET cue = @cue, updated_at = @now WHERE id = 1`;
const SET_COUNTDOWN = `UPDATE prompter_cue SET countdown_ends_at = @endsAt, updated_at = @now WHERE id = 1`;

export interface CueState {
  cue: Cue | null;
  countdownEndsAt: number | null;
}

/** Kept in the database so a restarted core shows the speaker the same cue and countdown. */
export function getCueState(db: Db): CueState {
  const row = prepared(db, GET).get() as { cue: string | null; countdownEndsAt: number | null } | undefined;
  if (!row) return { cue: null, countdownEndsAt: null };
  const cue = row.cue === null ? null : (cueSchema.safeParse(JSON.parse(row.cue)).data ?? null);
  return { cue, countdownEndsAt: row.countdownEndsAt };
}

export function setCue(db: Db, cue: Cue | null, now: number): void {
  prepared(db, SET_CUE).run({ cue: cue === null ? null : JSON.stringify(cue), now });
}

export function setCountdown(db: Db, endsAt: number | null, now: number): void {
  prepared(db, SET_COUNTDOWN).run({ endsAt, now });
}
