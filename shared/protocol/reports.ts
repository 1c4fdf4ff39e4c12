import dayjs from 'dayjs';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../domain';
import { CITY_TZ } from '../time';

/** The press report: what it covers, its figures and lists. Read over HTTP (`/api/reports`). */

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report covers at most a year: longer ranges are an archive export, not a press report. */
export const MAX_REPORT_DAYS = 366;

const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((v) => dayjs(v).format('YYYY-MM-DD') === v, 'not a calendar date');

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/**
 * The query of `GET /api/reports`: a date range in Almaty time (`from`/`to`, both days included)
 * or an episode; `personal=1` adds askers' first names (masked as on the teleprompter).
 */
export const reportQuerySchema = z
  .object({
    from: realDate.optional(),
    to: realDate.optional(),
    episode: z.coerce.number().int().positive().optional(),
    lang: z.enum(LANGUAGES).default('ru'),
    format: z.enum(REPORT_FORMATS).default('json'),
    personal: flag.default(false),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.episode !== undefined) {
      if (q.from !== undefined || q.to !== undefined) ctx.addIssue({ code: 'custom', path: ['episode'], message: 'give either episode or from/to' });
      return;
    }
    if (q.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required' });
    if (q.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'required' });
    if (q.from === undefined || q.to === undefined) return;
    const days = dayjs(q.to).diff(dayjs(q.from), 'day') + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from' });
    else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `more than ${MAX_REPORT_DAYS} days after from` });
  });
export type ReportQuery = z.output<typeof reportQuerySchema>;

/** Days in Almaty time, both included. */
export interface ReportRange {
  from: string;
  to: string;
}

/** The UTC milliseconds [start, end) of a range of Almaty days (the offset changed in 2024: never hard-coded). */
export function rangeBounds(range: ReportRange): { start: number; end: number } {
  return {
    start: dayjs.tz(`${range.from}T00:00:00`, CITY_TZ).valueOf(),
    end: dayjs.tz(`${range.to}T00:00:00`, CITY_TZ).add(1, 'day').valueOf(),
  };
}

/** The Monday–Sunday week holding `date`. */
export function weekOf(date: string): ReportRange {
  const day = dayjs(date);
  const monday = day.subtract((day.day() + 6) % 7, 'day');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}

/** The range of the same length just before `range`: what "change" is measured against. */
export function previousRange(range: ReportRange): ReportRange {
  const days = dayjs(range.to).diff(dayjs(range.from), 'day') + 1;
  return {
    from: dayjs(range.from).subtract(days, 'day').format('YYYY-MM-DD'),
    to: dayjs(range.from).subtract(1, 'day').format('YYYY-MM-DD'),
  };
}

/** The main figures, also computed for the previous range. */
export const REPORT_TOTALS = ['received', 'approved', 'rejected', 'merged', 'pending', 'answered', 'handedOff', 'deferred', 'dropped'] as const;
export type ReportTotal = (typeof REPORT_TOTALS)[number];

/** One bar of a breakdown: a stored id (null: not set) and its name in the report's language. */
export interface ReportCount {
  key: string | null;
  label: string;
  count: number;
}

export const HANDOFF_STATES = ['onTime', 'late', 'open', 'overdue'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export const COMMITMENT_STATES = ['upcoming', 'overdue', 'noDate'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

export interface ReportCommitment {
  what: string;
  who: string;
  due: string | null;
  state: CommitmentState;
}

/** A question answered on air, as the press may quote it. */
export interface AnsweredItem {
  reference: string;
  decidedAt: number;
  episode: string | null;
  topic: string;
  district: string;
  speaker: string;
  question: string;
  summary: string;
  /** How many people asked it (the size of its group of near-duplicates). */
  askedBy: number;
  commitments: ReportCommitment[];
  /** Only when personal data was asked for: the first name, as the teleprompter shows it. */
  asker: string | null;
}

export interface HandoffItem {
  reference: string;
  questionReference: string;
  department: string;
  createdAt: number;
  due: string;
  state: HandoffState;
  question: string;
}

/** An episode the press screen offers to report on. */
export interface ReportEpisode {
  id: number;
  title: string;
  airDate: string;
}

export interface Report {
  lang: Language;
  range: ReportRange;
  /** Set when the report is one episode's. */
  episode: ReportEpisode | null;
  /** Days the figures are compared with: the same number just before, or the episode before's air day. */
  previousRange: ReportRange;
  /** Set when an episode's report is compared with the episode before it. */
  previousEpisode: ReportEpisode | null;
  generatedAt: number;
  personal: boolean;
  totals: Record<ReportTotal, number>;
  previousTotals: Record<ReportTotal, number>;
  rejectedByReason: ReportCount[];
  byChannel: ReportCount[];
  byTopic: ReportCount[];
  byDistrict: ReportCount[];
  byLanguage: ReportCount[];
  bySpeaker: ReportCount[];
  byDepartment: ReportCount[];
  handoffs: Record<HandoffState, number>;
  commitments: Record<CommitmentState, number>;
  busiestTopics: ReportCount[];
  busiestDistricts: ReportCount[];
  answered: AnsweredItem[];
  handoffList: HandoffItem[];
}
