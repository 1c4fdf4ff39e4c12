import type { QuestionSnapshot } from '../store/questions';

/** How to put one question back: its state before the action and the version the action left. */
export interface UndoEntry {
  id: number;
  versionAfter: number;
  before: QuestionSnapshot;
  groupBefore: number | null;
}

export interface UndoRecord {
  action: string;
  entries: UndoEntry[];
}

/**
 * Each producer's last action, in memory: undo is for the slip made a second ago, not for
 * yesterday (the audit trail keeps everything). An undo is refused as stale when anyone has
 * changed those questions since.
 */
export class UndoLog {
  private readonly last = new Map<string, UndoRecord>();

  record(actor: string, record: UndoRecord): void {
    this.last.set(actor, record);
  }

  take(actor: string): UndoRecord | undefined {
    const record = this.last.get(actor);
    this.last.delete(actor);
    return record;
  }
}
