import type { Language } from '../../../shared/domain';
import { formatCityTime } from '../../../shared/time';
import { maskPersonalData, PERSONAL_DATA_MASK } from '../analysis/personalData';
import { cityToday } from '../handoffs/dueDates';
import { firstOnAir } from '../store/airTime';
import type { Db } from '../store/db';
import { getDepartment } from '../store/departments';
import { latestHandoffOf } from '../store/handoffs';
import { answeredOnAir, findStatusQuestion, senderOf } from '../store/publicStatus';

/** Where a question stands, in words a citizen reads (public status page). */
export type PublicStage =
  | 'received'
  | 'taken_up'
  | 'deferred'
  | 'answered_on_air'
  | 'handed_off'
  | 'in_progress'
  | 'department_answered'
  | 'closed';

/** Everything the public page shows: no question text, name or contact, and free texts masked. */
export interface PublicStatus {
  reference: string;
  stage: PublicStage;
  /** Answered on air: when (city time, DD.MM.YYYY), and the producer's summary. */
  onAir: { date: string; summary: string } | null;
  handoff: { reference: string; department: string; dueDate: string; overdue: boolean; answer: string } | null;
}

const cityDate = (isoDay: string): string => `${isoDay.slice(8, 10)}.${isoDay.slice(5, 7)}.${isoDay.slice(0, 4)}`;

/**
 * Free text written by staff (a summary, the department's answer) may still name the citizen or
 * quote a number: personal numbers and e-mails are masked as on the teleprompter, and the sender's
 * own name and contact wherever they appear, word by word.
 */
function publicText(text: string, senders: ReadonlyArray<{ senderName: string; senderContact: string | null }>): string {
  let out = maskPersonalData(text);
  const words = senders
    .flatMap((q) => [q.senderContact ?? '', ...q.senderName.split(/[\s,.;:()«»"']+/)])
    .map((w) => w.trim())
    .filter((w) => w.length >= 2);
  for (const word of words.sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), PERSONAL_DATA_MASK);
  }
  return out;
}

/** The page for a reference (a question's or a hand-off's), or null when no question has it. */
export function publicStatus(db: Db, reference: string, now: number, lang: Language): PublicStatus | null {
  const q = findStatusQuestion(db, reference);
  if (!q) return null;
  // A merged question shows its lead's answer, which may name the lead's sender too.
  const senders = [q, ...(q.standsBy === q.id ? [] : [senderOf(db, q.standsBy)].filter((x) => x !== null))];
  const handoffRecord = q.status === 'handed_off' ? latestHandoffOf(db, q.standsBy) : null;
  const handoff = handoffRecord && {
    reference: handoffRecord.reference,
    department: getDepartment(db, handoffRecord.departmentId)?.names[lang] ?? '',
    dueDate: cityDate(handoffRecord.dueDate),
    overdue: handoffRecord.status !== 'answered' && handoffRecord.dueDate < cityToday(now),
    answer: handoffRecord.status === 'answered' ? publicText(handoffRecord.answer, senders) : '',
  };
  const aired = q.status === 'answered' ? answeredOnAir(db, q.standsBy) : null;
  const onAir = aired && {
    date: formatCityTime(firstOnAir(db, q.standsBy) ?? aired.decidedAt, 'DD.MM.YYYY'),
    summary: publicText(aired.summary, senders),
  };
  return { reference: q.reference, stage: stageOf(q.status, handoffRecord?.status ?? null), onAir, handoff };
}

function stageOf(status: string, handoffStatus: string | null): PublicStage {
  switch (status) {
    case 'new':
    case 'approved':
      return 'received';
    case 'queued':
    case 'on_air':
      return 'taken_up';
    case 'deferred':
      return 'deferred';
    case 'answered':
      return 'answered_on_air';
    case 'handed_off':
      return handoffStatus === 'answered' ? 'department_answered' : handoffStatus === 'in_progress' ? 'in_progress' : 'handed_off';
    default:
      // rejected, dropped, or a merged question whose group is gone
      return 'closed';
  }
}
