import type { QuestionStatus } from './domain';

/** The one place that says which status may follow which (see ../design: status flow). */
const NEXT: Record<QuestionStatus, readonly QuestionStatus[]> = {
  new: ['approved', 'rejected', 'merged'],
  approved: ['queued', 'on_air', 'rejected', 'merged'],
  rejected: ['new', 'approved'],
  merged: ['new'],
  // answered/handed_off from queued: a question put back after time on air, decided later.
  queued: ['approved', 'on_air', 'deferred', 'dropped', 'answered', 'handed_off'],
  // approved: put back when another goes on air and it was never in a queue.
  on_air: ['answered', 'handed_off', 'deferred', 'dropped', 'queued', 'approved'],
  answered: ['handed_off'],
  handed_off: [],
  deferred: ['approved', 'queued'],
  dropped: ['approved'],
};

export function canTransition(from: QuestionStatus, to: QuestionStatus): boolean {
  return NEXT[from].includes(to);
}
