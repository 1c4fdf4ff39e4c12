import { fillTemplate, NOTIFICATION_TEMPLATES, type NotificationTemplate } from '../../../shared/data/notificationTemplates';
import type { Language } from '../../../shared/domain';
import type { Notice } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { firstOnAir } from '../store/airTime';
import type { Db } from '../store/db';
import { getDepartment } from '../store/departments';
import { getEpisode } from '../store/episodes';
import type { HandoffRecord } from '../store/handoffs';
import { notificationRecipients, type NotifiableQuestion } from '../store/notifications';
import { enqueueOutbox } from '../store/outbox';

export interface NotifyDeps {
  db: Db;
  now: () => number;
}

/**
 * Where a message to this sender goes, by the channel they wrote from, or null when that channel
 * cannot answer (web form, CSV, phone-in, webhook) or their contact was erased.
 */
function replyTarget(q: NotifiableQuestion): { recipient: string; extra: Record<string, unknown> } | null {
  switch (q.channel) {
    case 'telegram': {
      const chatId = q.meta.chatId;
      if (typeof chatId !== 'number') return null;
      return { recipient: String(chatId), extra: typeof q.meta.messageId === 'number' ? { replyTo: q.meta.messageId } : {} };
    }
    case 'whatsapp':
      if (!q.senderUserId) return null;
      return { recipient: q.senderUserId, extra: { phoneNumberId: String(q.meta.phoneNumberId ?? ''), replyTo: q.externalId } };
    default:
      return null;
  }
}

/** Dates as the city writes them. */
const cityDate = (isoDay: string): string => `${isoDay.slice(8, 10)}.${isoDay.slice(5, 7)}.${isoDay.slice(0, 4)}`;

/**
 * Queues one message per sender — the question's own and every question merged into its group —
 * in each sender's language, inside the caller's transaction: it is committed with the step it
 * tells about, or not at all. The key makes each step tell each sender once. Nothing goes about
 * a rejected question. Returns how many were queued.
 */
function notify(
  deps: NotifyDeps,
  questionId: number,
  notice: Notice,
  step: string,
  template: NotificationTemplate,
  values: (lang: Language) => Record<string, string>,
): number {
  const recipients = notificationRecipients(deps.db, questionId);
  if (recipients.find((q) => q.id === questionId)?.status === 'rejected') return 0;
  let queued = 0;
  for (const q of recipients) {
    const target = replyTarget(q);
    if (!target || q.status === 'rejected') continue;
    const text = fillTemplate(NOTIFICATION_TEMPLATES[q.language][template], { ...values(q.language), reference: q.reference });
    const added = enqueueOutbox(
      deps.db,
      {
        channel: q.channel,
        recipient: target.recipient,
        body: { ...target.extra, text, language: q.language },
        dedupeKey: `notice:${step}:${q.id}`,
        notice: { kind: notice, questionId, recipientQuestionId: q.id },
      },
      deps.now(),
    );
    if (added) queued += 1;
  }
  return queued;
}

/** Answered on air: the episode, when, and the producer's summary of the answer (when written). */
export function notifyAnsweredOnAir(deps: NotifyDeps, questionId: number, episodeId: number | null, summary: string): number {
  const episode = episodeId === null ? null : getEpisode(deps.db, episodeId);
  const at = firstOnAir(deps.db, questionId) ?? deps.now();
  const values = (): Record<string, string> => ({
    episode: episode?.title || 'Akimat LIVE',
    date: formatCityTime(at, 'DD.MM.YYYY'),
    time: formatCityTime(at, 'HH:mm'),
    summary,
  });
  const template = summary.trim() === '' ? 'answered_on_air' : 'answered_on_airWithSummary';
  return notify(deps, questionId, 'answered_on_air', `answered_on_air:${questionId}`, template, values);
}

function departmentName(deps: NotifyDeps, handoff: HandoffRecord, lang: Language): string {
  return getDepartment(deps.db, handoff.departmentId)?.names[lang] ?? '';
}

/** Handed off: which department, the reference to quote, and the due date. */
export function notifyHandedOff(deps: NotifyDeps, handoff: HandoffRecord): number {
  return notify(deps, handoff.questionId, 'handed_off', `handed_off:${handoff.id}`, 'handed_off', (lang) => ({
    department: departmentName(deps, handoff, lang),
    handoffReference: handoff.reference,
    dueDate: cityDate(handoff.dueDate),
  }));
}

/** Answered by the department: its answer, once (a later correction of the answer is not sent again). */
export function notifyDepartmentAnswer(deps: NotifyDeps, handoff: HandoffRecord): number {
  return notify(deps, handoff.questionId, 'department_answered', `department_answered:${handoff.id}`, 'department_answered', (lang) => ({
    department: departmentName(deps, handoff, lang),
    handoffReference: handoff.reference,
    answer: handoff.answer,
  }));
}
