import { AppError } from '../../../shared/errors';
import type { Handoff, HandoffStatus, HandoffUpdate } from '../../../shared/protocol';
import type { EventBus } from '../events';
import { insertAudit } from '../store/audit';
import { loadWorkingCalendar } from '../store/calendar';
import type { Db } from '../store/db';
import { getDepartment } from '../store/departments';
import { countHandoffs, getHandoff, insertHandoff, latestHandoffOf, updateHandoff, type HandoffRecord } from '../store/handoffs';
import { getQuestion } from '../store/questions';
import { notifyDepartmentAnswer, notifyHandedOff } from '../notifications/notify';
import { checkDueDate, cityToday, handoffDueDate } from './dueDates';
import { handoffView } from './view';

export interface HandoffDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
}

/** Where a hand-off may go next. An answered one stays answered (its answer may be corrected). */
const NEXT: Record<HandoffStatus, readonly HandoffStatus[]> = {
  handed_off: ['handed_off', 'in_progress', 'answered'],
  in_progress: ['in_progress', 'answered'],
  answered: ['answered'],
};

export function readHandoff(deps: HandoffDeps, record: HandoffRecord): Handoff {
  return handoffView(record, loadWorkingCalendar(deps.db), cityToday(deps.now()));
}

export interface HandOffInput {
  questionId: number;
  departmentId: number;
  note?: string;
  /** Defaults to 15 working days from today; a date in the past is refused. */
  dueDate?: string;
}

/**
 * Records a hand-off: reference (question reference + department code, suffixed when the question
 * goes to a second department), due date and note; audited; the citizen (and the question's
 * duplicate group) is told through the outbox. Call it inside the transaction that
 * changes the question's status; emit `handoff.changed` after commit with `publishHandoff`.
 */
export function handOff(deps: HandoffDeps, input: HandOffInput, actor: string): HandoffRecord {
  const { db } = deps;
  const now = deps.now();
  const question = getQuestion(db, input.questionId);
  if (!question) throw new AppError('not_found');
  const department = getDepartment(db, input.departmentId);
  if (!department) throw new AppError('not_found', { field: 'departmentId' });
  const earlier = countHandoffs(db, question.id);
  const reference = `${question.reference}/${department.code}${earlier > 0 ? `-${earlier + 1}` : ''}`;
  const dueDate = handoffDueDate(db, now, input.dueDate);
  const record = insertHandoff(db, {
    questionId: question.id,
    departmentId: department.id,
    reference,
    dueDate,
    note: input.note ?? '',
    createdAt: now,
  });
  insertAudit(db, {
    at: now,
    actor,
    action: 'handoff.create',
    entity: 'handoff',
    entityId: record.id,
    after: { reference, departmentId: department.id, dueDate, note: record.note },
  });
  notifyHandedOff(deps, record);
  return record;
}

export function publishHandoff(deps: HandoffDeps, id: number): Handoff | null {
  const record = getHandoff(deps.db, id);
  if (!record) return null;
  const view = readHandoff(deps, record);
  deps.bus.emit('handoff.changed', view);
  return view;
}

/**
 * Publishes a question's newest hand-off once the command that made it has committed: the show's
 * commands emit `question.updated` after commit, and a question becomes `handed_off` only with
 * handOff() in the same transaction. A later edit of such a question republishes the same view.
 */
export function publishHandoffsAfterCommit(deps: HandoffDeps): () => void {
  return deps.bus.on('question.updated', (question) => {
    if (question.status !== 'handed_off') return;
    const latest = latestHandoffOf(deps.db, question.id);
    if (latest) publishHandoff(deps, latest.id);
  });
}

/** Fields a producer (or a department's sheet) changes; each change is audited with before/after. */
export function changeHandoff(deps: HandoffDeps, input: HandoffUpdate, actor: string): HandoffRecord {
  const { db } = deps;
  const now = deps.now();
  const before = getHandoff(db, input.id);
  if (!before) throw new AppError('not_found');
  if (before.version !== input.version) throw new AppError('stale', { current: readHandoff(deps, before) });
  const status = input.status ?? (input.answer ? 'answered' : before.status);
  if (!NEXT[before.status].includes(status)) {
    throw new AppError('invalid_transition', { field: 'status', messageKey: 'handoffs.error.transition' });
  }
  const answer = input.answer ?? before.answer;
  if (status === 'answered' && answer === '') {
    throw new AppError('validation', { field: 'answer', messageKey: 'handoffs.error.answerRequired' });
  }
  if (input.dueDate !== undefined && input.dueDate !== before.dueDate) checkDueDate(input.dueDate, now);
  const changes = {
    note: input.note ?? before.note,
    dueDate: input.dueDate ?? before.dueDate,
    status,
    answer,
    answeredAt: status === 'answered' ? (before.answeredAt ?? now) : null,
  };
  if (!updateHandoff(db, before.id, before.version, changes, now)) throw new AppError('stale');
  const pick = (r: typeof changes) => ({ note: r.note, dueDate: r.dueDate, status: r.status, answer: r.answer });
  insertAudit(db, {
    at: now,
    actor,
    action: 'handoff.update',
    entity: 'handoff',
    entityId: before.id,
    before: pick(before),
    after: pick(changes),
  });
  const after = getHandoff(db, before.id)!;
  if (after.status === 'answered' && before.status !== 'answered') notifyDepartmentAnswer(deps, after);
  return after;
}
