import { z } from 'zod';
import { CHANNELS, DISTRICTS, LANGUAGES, type Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  commitmentSchema,
  COMMITMENT_STATES,
  HANDOFF_STATES,
  previousRange,
  rangeBounds,
  REJECT_REASONS,
  REPORT_TOTALS,
  type AnsweredItem,
  type CommitmentState,
  type HandoffItem,
  type HandoffState,
  type Report,
  type ReportCommitment,
  type ReportCount,
  type ReportEpisode,
  type ReportRange,
  type ReportTotal,
} from '../../../shared/protocol';
import { SUGGESTION_SPEAKERS } from '../../../shared/suggestionRules';
import { formatCityTime } from '../../../shared/time';
import { TOPICS } from '../../../shared/vocabulary';
import { maskPersonalData } from '../analysis/personalData';
import { translate } from '../messages';
import type { Db } from '../store/db';
import { episodeBefore, episodeForReport, handoffsIn, intakeCells, intakeStatuses, outcomesIn, type HandoffRow, type ReportWindow, type StatusCount } from '../store/reports';

/** What to report on: Almaty days (both included) or one episode. */
export type ReportScope = { kind: 'range'; range: ReportRange } | { kind: 'episode'; episodeId: number };

export interface ReportRequest {
  scope: ReportScope;
  lang: Language;
  /** Askers' first names, masked as on the teleprompter; off unless asked for. */
  personal: boolean;
  now: number;
}

const APPROVED: ReadonlySet<string> = new Set(['approved', 'queued', 'on_air', 'answered', 'handed_off', 'deferred', 'dropped']);
const PENDING: ReadonlySet<string> = new Set(['new', 'approved', 'queued', 'on_air']);
const BUSIEST = 5;

const commitmentsSchema = z.array(commitmentSchema);

/** Counts by key, in the vocabulary's order first (so charts keep their order), then the rest by count. */
function countBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string | null,
  labelOf: (key: string | null) => string,
  order: readonly string[] = [],
  weightOf: (item: T) => number = () => 1,
): ReportCount[] {
  const counts = new Map<string | null, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + weightOf(item));
  }
  const rank = (key: string | null) => (key === null ? Number.MAX_SAFE_INTEGER : order.indexOf(key) >= 0 ? order.indexOf(key) : order.length);
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y - x || String(a).localeCompare(String(b)))
    .map(([key, count]) => ({ key, label: labelOf(key), count }));
}

function busiest(counts: readonly ReportCount[]): ReportCount[] {
  return counts
    .filter((c) => c.key !== null && c.count > 0)
    .toSorted((a, b) => b.count - a.count)
    .slice(0, BUSIEST);
}

function totalsOf(cells: readonly StatusCount[], outcomes: readonly { kind: string }[]): Record<ReportTotal, number> {
  const sum = (pick: (c: StatusCount) => boolean) => cells.reduce((n, c) => (pick(c) ? n + c.n : n), 0);
  const outcome = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
  const totals: Record<ReportTotal, number> = {
    received: sum(() => true),
    approved: sum((c) => APPROVED.has(c.status)),
    rejected: sum((c) => c.status === 'rejected'),
    merged: sum((c) => c.status === 'merged'),
    pending: sum((c) => PENDING.has(c.status)),
    answered: outcome('answered'),
    handedOff: outcome('handed_off'),
    deferred: outcome('deferred'),
    dropped: outcome('dropped'),
  };
  return Object.fromEntries(REPORT_TOTALS.map((k) => [k, totals[k]])) as Record<ReportTotal, number>;
}

/** Answered on or before its due day (Almaty) is on time; unanswered past its due day is overdue. */
function handoffState(row: HandoffRow, today: string): HandoffState {
  if (row.status === 'answered') return formatCityTime(row.updatedAt, 'YYYY-MM-DD') <= row.dueDate ? 'onTime' : 'late';
  return row.dueDate < today ? 'overdue' : 'open';
}

function commitmentState(due: string | null, today: string): CommitmentState {
  if (due === null) return 'noDate';
  return due < today ? 'overdue' : 'upcoming';
}

interface ReportWindows {
  range: ReportRange;
  window: ReportWindow;
  episode: Report['episode'];
  previousRange: ReportRange;
  previousWindow: ReportWindow;
  previousEpisode: Report['previousEpisode'];
}

/** An episode's report counts what arrived on its air day and what the show itself decided. */
const episodeWindow = (episode: ReportEpisode) => {
  const range = { from: episode.airDate, to: episode.airDate };
  return { range, window: { ...rangeBounds(range), episodeId: episode.id } };
};

/**
 * What the report counts and what it is compared with: a range against the same number of days
 * just before it; an episode against the show before it (the day before, when it is the first).
 */
function windowsFor(db: Db, scope: ReportScope): ReportWindows {
  const before = (range: ReportRange) => {
    const previous = previousRange(range);
    return { previousRange: previous, previousWindow: { ...rangeBounds(previous), episodeId: null }, previousEpisode: null };
  };
  if (scope.kind === 'range') return { range: scope.range, window: { ...rangeBounds(scope.range), episodeId: null }, episode: null, ...before(scope.range) };
  const episode = episodeForReport(db, scope.episodeId);
  if (!episode) throw new AppError('not_found', { field: 'episode' });
  const { range, window } = episodeWindow(episode);
  const previousEpisode = episodeBefore(db, episode.id);
  if (!previousEpisode) return { range, window, episode, ...before(range) };
  const previous = episodeWindow(previousEpisode);
  return { range, window, episode, previousRange: previous.range, previousWindow: previous.window, previousEpisode };
}

/** The press report for a range or an episode, with every label in `lang`. */
export function buildReport(db: Db, request: ReportRequest): Report {
  const { lang, personal, now } = request;
  const t = (key: string, vars?: Record<string, unknown>) => translate(lang, key, vars);
  const notSet = t('press.notSet');
  const named = (prefix: string, known: readonly string[]) => (key: string | null) =>
    key === null ? notSet : known.includes(key) ? t(`${prefix}.${key}`) : key;
  const topicName = named('topic', TOPICS);
  const districtName = named('district', DISTRICTS);
  const speakerName = named('console.speakerName', SUGGESTION_SPEAKERS);
  const today = formatCityTime(now, 'YYYY-MM-DD');

  const { range, window, episode, previousRange: previous, previousWindow, previousEpisode } = windowsFor(db, request.scope);

  const cells = intakeCells(db, window);
  const outcomes = outcomesIn(db, window);
  const handoffRows = handoffsIn(db, window);
  const answeredRows = outcomes.filter((o) => o.kind === 'answered');

  const answered: AnsweredItem[] = answeredRows.map((o) => ({
    reference: o.reference,
    decidedAt: o.decidedAt,
    episode: o.episodeTitle,
    topic: topicName(o.topic),
    district: districtName(o.district),
    speaker: o.speakerName ?? speakerName(o.suggestedSpeaker),
    question: maskPersonalData(o.airText),
    summary: maskPersonalData(o.summary),
    askedBy: o.askedBy,
    commitments: commitmentsSchema.catch([]).parse(JSON.parse(o.commitments)).map(
      (c): ReportCommitment => ({ what: maskPersonalData(c.what), who: c.who, due: c.due, state: commitmentState(c.due, today) }),
    ),
    asker: personal ? o.airName : null,
  }));

  const nameColumn = ({ kk: 'nameKk', ru: 'nameRu', en: 'nameEn' } as const)[lang];
  const handoffList: HandoffItem[] = handoffRows.map((h) => ({
    reference: h.reference,
    questionReference: h.questionReference,
    department: h[nameColumn],
    createdAt: h.createdAt,
    due: h.dueDate,
    state: handoffState(h, today),
    question: maskPersonalData(h.airText),
  }));

  const byTopic = countBy(cells, (c) => c.topic, topicName, TOPICS, (c) => c.n);
  const byDistrict = countBy(cells, (c) => c.district, districtName, DISTRICTS, (c) => c.n);
  const commitments = answered.flatMap((a) => a.commitments);

  return {
    lang,
    range,
    episode,
    previousRange: previous,
    previousEpisode,
    generatedAt: now,
    personal,
    totals: totalsOf(cells, outcomes),
    previousTotals: totalsOf(intakeStatuses(db, previousWindow), outcomesIn(db, previousWindow)),
    rejectedByReason: countBy(
      cells.filter((c) => c.status === 'rejected'),
      (c) => c.reason,
      named('console.rejectReason', REJECT_REASONS),
      REJECT_REASONS,
      (c) => c.n,
    ),
    byChannel: countBy(cells, (c) => c.channel, named('channel', CHANNELS), CHANNELS, (c) => c.n),
    byTopic,
    byDistrict,
    byLanguage: countBy(cells, (c) => c.language, named('languageName', LANGUAGES), LANGUAGES, (c) => c.n),
    bySpeaker: countBy(answeredRows, (o) => o.speakerName ?? o.suggestedSpeaker, (key) => (key === null ? notSet : speakerName(key))),
    byDepartment: countBy(handoffRows, (h) => h.departmentCode, (code) => handoffRows.find((h) => h.departmentCode === code)?.[nameColumn] ?? notSet),
    handoffs: Object.fromEntries(HANDOFF_STATES.map((s) => [s, handoffList.filter((h) => h.state === s).length])) as Report['handoffs'],
    commitments: Object.fromEntries(COMMITMENT_STATES.map((s) => [s, commitments.filter((c) => c.state === s).length])) as Report['commitments'],
    busiestTopics: busiest(byTopic),
    busiestDistricts: busiest(byDistrict),
    answered,
    handoffList,
  };
}
