import type { Question } from '../../../shared/protocol';
import type { QuestionCommandDeps } from '../commands/questions';
import type { EventBus } from '../events';
import type { Db } from '../store/db';
import type { AnalysisPool } from './analysisPool';
import { createEnrichment } from './enrich';
import { PresenceBoard } from './presence';
import { RuleBook } from './ruleBook';
import type { TextAnalysis, TextToAnalyse } from './textAnalysis';
import { UndoLog } from './undo';

const PRESENCE_SWEEP_MS = 10_000;

export interface Moderation {
  /** Intake's hook: runs inside the commit of each new question. */
  onInserted: (db: Db, question: Question, analysis?: TextAnalysis) => Question;
  /** Analyses texts on the worker pool with the current rules, ahead of `onInserted` (absent without a pool). */
  analyse?: (texts: readonly TextToAnalyse[]) => Promise<TextAnalysis[]>;
  commandDeps: QuestionCommandDeps;
  /** The hub's hook: a socket has closed, and with it the presence sessions it reported. */
  disconnected(connection: number): void;
  close(): void;
}

/** Everything the console's commands and intake's analysis share, created once per core. */
export function createModeration(deps: { db: Db; bus: EventBus; now: () => number; analysisPool?: AnalysisPool }): Moderation {
  const { analysisPool, ...shared } = deps;
  const rules = new RuleBook(deps.db, deps.now);
  const presence = new PresenceBoard(deps.now);
  const sweep = setInterval(() => {
    if (presence.expire()) deps.bus.emit('presence.changed', { producers: presence.list() });
  }, PRESENCE_SWEEP_MS);
  sweep.unref();
  return {
    onInserted: createEnrichment({ now: deps.now, rules: () => rules.current() }),
    ...(analysisPool ? { analyse: (texts: readonly TextToAnalyse[]) => analysisPool.analyse(texts, rules.current()) } : {}),
    commandDeps: { ...shared, undo: new UndoLog(), presence, rules },
    disconnected: (connection) => {
      if (presence.disconnected(connection)) deps.bus.emit('presence.changed', { producers: presence.list() });
    },
    close: () => clearInterval(sweep),
  };
}
