import { z } from 'zod';
import { CHANNELS, LANGUAGES } from '../domain';
import { CALENDAR_DAY_KINDS } from '../workingDays';
import { command, event } from './define';
import { PRODUCERS } from './roles';

export const HANDOFF_STATUSES = ['handed_off', 'in_progress', 'answered'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One question handed to a department, as the board shows it. `overdue` and `dueSoon` are derived
 * from the due date, the working-day calendar and the clock when it is read: never stored.
 */
export const handoffSchema = z.object({
  id: z.number().int(),
  /** What the citizen quotes: the question's reference and the department's code, "2026-0412/energy". */
  reference: z.string(),
  questionId: z.number().int(),
  questionReference: z.string(),
  /** The question as edited for air (the original may hold personal data). */
  questionText: z.string(),
  channel: z.enum(CHANNELS),
  language: z.enum(LANGUAGES),
  departmentId: z.number().int(),
  note: z.string(),
  dueDate: isoDateSchema,
  status: z.enum(HANDOFF_STATUSES),
  answer: z.string(),
  answeredAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  /** Working days left until the due date (0 on the day, and once it has passed). */
  workingDaysLeft: z.number().int(),
});
export type Handoff = z.infer<typeof handoffSchema>;

export const handoffUpdateSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().min(1),
  note: z.string().trim().max(2000).optional(),
  dueDate: isoDateSchema.optional(),
  status: z.enum(HANDOFF_STATUSES).optional(),
  /** Required (non-empty) to mark a hand-off answered. */
  answer: z.string().trim().max(4000).optional(),
});
export type HandoffUpdate = z.output<typeof handoffUpdateSchema>;

export const calendarDaySchema = z.object({
  day: isoDateSchema,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  /** Seeded from date-holidays, or entered (or corrected) by an admin. */
  source: z.enum(['date-holidays', 'admin']),
});
export type CalendarDayEntry = z.infer<typeof calendarDaySchema>;

const board = z.object({
  items: z.array(handoffSchema),
  /** Today in Almaty, the day `overdue` was derived on. */
  today: isoDateSchema,
});
const calendar = z.object({ year: z.number().int(), days: z.array(calendarDaySchema) });
const year = z.number().int().min(2000).max(2100);

export const handoffCommands = {
  /** Every hand-off, newest first, optionally of one department. */
  'handoff.board': command(PRODUCERS, z.object({ departmentId: z.number().int().positive().optional() }), board),
  /** Note, due date, status (handed_off → in_progress → answered) and answer; audited. */
  'handoff.update': command(PRODUCERS, handoffUpdateSchema, handoffSchema),
  /** The exceptions to the Monday–Friday week in one year. */
  'calendar.list': command(PRODUCERS, z.object({ year }), calendar),
  /** Adds or changes one day (a holiday, a transferred day off, a weekend worked); audited. */
  'calendar.save': command(
    PRODUCERS,
    z.object({ day: isoDateSchema, kind: z.enum(CALENDAR_DAY_KINDS), name: z.string().trim().max(200).default('') }),
    calendar,
  ),
  'calendar.remove': command(PRODUCERS, z.object({ day: isoDateSchema }), calendar),
};

export const handoffEvents = {
  'handoff.changed': event(PRODUCERS, handoffSchema),
};
