import type { QuestionStatus } from './domain';

/** The one place that says which status may follow which (see ../design: status flow). */
const NEXT: Record<QuestionStatus, readonly QuestionStatus[]> = {
  new: ['approved', 'rejected', 'merged'],
  approved: ['queued', 'on_air', 'rejected', 'merged'],
  rejected: ['new', 'approved'],
  merged: ['new'],
  queued: ['approved', 'on_air', 'deferred', 'dropped'],
  on_air: ['answered', 'handed_off', 'deferred', 'dropped', 'queued'],
  answered: ['handed_off'],
  handed_off: [],
  deferred: ['approved', 'queued'],
  dropped: ['approved'],
};

export function canTransition(from: QuestionStatus, to: QuestionStatus): boolean {
  return NEXT[from].includes(to);
}
