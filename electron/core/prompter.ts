import type { PrompterItem, PrompterState, Question } from '../../shared/protocol';
import { maskPersonalData } from './analysis/personalData';
import type { Db } from './store/db';
import { listByStatus } from './store/questions';

/** Only the first word of the name reaches the speaker: never a surname or contact. */
export function firstName(senderName: string): string {
  return senderName.trim().split(/\s+/u)[0] ?? '';
}

export function toPrompterItem(question: Question): PrompterItem {
  return {
    id: question.id,
    text: maskPersonalData(question.airText),
    askerFirstName: firstName(question.senderName),
    district: question.district,
  };
}

/** Current = the question on air; next = the one waiting longest in the queue, else approved. */
export function readPrompterState(db: Db): PrompterState {
  const current = listByStatus(db, 'on_air', 1)[0] ?? null;
  const queued = listByStatus(db, 'queued', 500);
  const approved = queued.length > 0 ? queued : listByStatus(db, 'approved', 500);
  const next = approved.at(-1) ?? null;
  return {
    current: current ? toPrompterItem(current) : null,
    next: next ? toPrompterItem(next) : null,
  };
}
