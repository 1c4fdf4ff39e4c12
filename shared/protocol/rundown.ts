import { z } from 'zod';
import { DISTRICTS, QUESTION_STATUSES } from '../domain';
import { command, event } from './define';
import { PRODUCERS } from './roles';
import { QUESTION_FLAGS, questionSchema } from './questions';

export const EPISODE_STATUSES = ['planned', 'live', 'done'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

export const OUTCOME_KINDS = ['answered', 'handed_off', 'deferred', 'dropped'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const shortText = (max: number) => z.string().trim().max(max);

/** A person on air in one episode, with the portfolio they answer for. */
export const speakerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  portfolio: z.string(),
  position: z.number().int(),
});
export type Speaker = z.infer<typeof speakerSchema>;

export const episodeSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  airDate: isoDate,
  startTime: clockTime,
  /** Planned start as UTC epoch ms, derived from date and time in Asia/Almaty. */
  plannedStart: z.number(),
  durationMin: z.number().int(),
  status: z.enum(EPISODE_STATUSES),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  activeSpeakerId: z.number().int().nullable(),
  version: z.number().int(),
  /** A rehearsal: run like a show, marked as one on every screen, left out of press reports. */
  rehearsal: z.boolean().default(false),
});
export type Episode = z.infer<typeof episodeSchema>;

/** A queued or on-air question in an episode's rundown (producer view: includes the sender). */
export const rundownItemSchema = z.object({
  questionId: z.number().int(),
  version: z.number().int(),
  reference: z.string(),
  status: z.enum(QUESTION_STATUSES),
  airText: z.string(),
  senderName: z.string(),
  district: z.enum(DISTRICTS).nullable(),
  speakerId: z.number().int(),
  position: z.number().int(),
  /** Time already spent on air, closed segments only. */
  airedMs: z.number(),
  /** When the current on-air segment began, if on air now. */
  onAirSince: z.number().nullable(),
  /** How many people asked it: its near-duplicate group, folded into this one item. */
  askedBy: z.number().int().min(1).default(1),
  /** What a producer decides the order by at a glance: its topic and what was flagged in it. */
  topic: z.string().nullable().default(null),
  flags: z.array(z.enum(QUESTION_FLAGS)).default([]),
});
export type RundownItem = z.infer<typeof rundownItemSchema>;

export const commitmentSchema = z.object({
  what: shortText(500).min(1),
  who: shortText(200).min(1),
  due: isoDate.nullable(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** How long an on-air change can be taken back (`show.undo`); screens show their undo for as long. */
export const AIR_UNDO_MS = 10_000;

/** What the producer records when the show moves on from a question. */
export const outcomeInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answered'),
    summary: shortText(2000).default(''),
    commitments: z.array(commitmentSchema).max(20).default([]),
  }),
  z.object({
    kind: z.literal('handed_off'),
    departmentId: z.number().int().positive(),
    /** Defaults to 15 working days from today (APPC art. 76). */
    dueDate: isoDate.optional(),
  }),
  z.object({
    kind: z.literal('deferred'),
    note: shortText(500).default(''),
    /** The later episode it goes to; null: no episode chosen yet. */
    toEpisodeId: z.number().int().positive().nullable().default(null),
  }),
  z.object({ kind: z.literal('dropped'), reason: shortText(500).min(1) }),
]);
export type OutcomeInput = z.output<typeof outcomeInputSchema>;

export const outcomeSchema = z.object({
  questionId: z.number().int(),
  episodeId: z.number().int().nullable(),
  reference: z.string(),
  /** The on-air wording with personal data masked (phones, IINs, cards, e-mails). */
  airText: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  summary: z.string(),
  reason: z.string(),
  commitments: z.array(commitmentSchema),
  departmentId: z.number().int().nullable(),
  handoffReference: z.string().nullable(),
  dueDate: isoDate.nullable(),
  /** For `deferred`: the episode it was deferred to, if one was chosen. */
  deferredToEpisodeId: z.number().int().nullable(),
  airedMs: z.number(),
  decidedAt: z.number(),
  /** How many people asked it (its group): every one of them got this outcome. */
  askedBy: z.number().int().min(1).default(1),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** A question deferred to this episode (its latest outcome), still waiting to be queued again. */
export const deferredHereSchema = z.object({
  questionId: z.number().int(),
  /** The episode it was deferred from; null when it was in no episode's queue. */
  fromEpisodeId: z.number().int().nullable(),
  fromTitle: z.string().nullable(),
  fromAirDate: isoDate.nullable(),
  note: z.string(),
});
export type DeferredHere = z.infer<typeof deferredHereSchema>;

export const departmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  names: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
});
export type Department = z.infer<typeof departmentSchema>;

/** Everything the rundown screen shows for one episode. */
export const rundownSchema = z.object({
  episode: episodeSchema,
  speakers: z.array(speakerSchema),
  items: z.array(rundownItemSchema),
  outcomes: z.array(outcomeSchema),
  /** Questions deferred to this episode, in the order they were deferred. */
  deferredHere: z.array(deferredHereSchema),
});
export type Rundown = z.infer<typeof rundownSchema>;

const speakerInput = z.object({
  id: z.number().int().positive().optional(),
  name: shortText(200).min(1),
  portfolio: shortText(300).default(''),
});

const questionRef = z.object({ id: z.number().int().positive(), version: z.number().int().min(1) });

export const rundownCommands = {
  'episode.list': command(PRODUCERS, z.object({}), z.object({ items: z.array(episodeSchema) })),
  /** Without an id: the live episode, else the next planned one, else the latest. */
  'episode.get': command(PRODUCERS, z.object({ id: z.number().int().positive().optional() }), rundownSchema.nullable()),
  /** Creates (no id) or edits an episode and its speakers. */
  'episode.save': command(
    PRODUCERS,
    z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().min(1).optional(),
      title: shortText(200).min(1),
      airDate: isoDate,
      startTime: clockTime,
      durationMin: z.number().int().min(1).max(600),
      rehearsal: z.boolean().default(false),
      speakers: z.array(speakerInput).min(1).max(12),
    }),
    rundownSchema,
  ),
  'episode.start': command(PRODUCERS, z.object({ id: z.number().int().positive() }), rundownSchema),
  /**
   * Refused while any queued or on-air question has no outcome — unless `deferRest`: then every
   * one of them is deferred (to `toEpisodeId`, or to no episode yet) in the same step.
   */
  'episode.end': command(
    PRODUCERS,
    z.object({
      id: z.number().int().positive(),
      deferRest: z
        .object({ toEpisodeId: z.number().int().positive().nullable().default(null), note: shortText(500).default('') })
        .optional(),
    }),
    rundownSchema,
  ),
  'episode.setActiveSpeaker': command(
    PRODUCERS,
    z.object({ id: z.number().int().positive(), speakerId: z.number().int().positive() }),
    rundownSchema,
  ),
  /** Queues an approved question; default speaker: the live (else next planned) episode's first. */
  'queue.add': command(
    PRODUCERS,
    questionRef.extend({ speakerId: z.number().int().positive().optional() }),
    z.object({ question: questionSchema, episodeId: z.number().int(), speakerId: z.number().int() }),
  ),
  /** Moves a queued question to `index` in a speaker's queue (same or another speaker). */
  'queue.move': command(
    PRODUCERS,
    z.object({
      questionId: z.number().int().positive(),
      speakerId: z.number().int().positive(),
      index: z.number().int().min(0),
    }),
    rundownSchema,
  ),
  /** Takes a question out of the queue: it goes back to approved. */
  'queue.remove': command(PRODUCERS, questionRef, questionSchema),
  'outcome.record': command(PRODUCERS, questionRef.extend({ outcome: outcomeInputSchema }), questionSchema),
  /** What still needs an outcome: on air first, then each speaker's queue in order. */
  'episode.pending': command(
    PRODUCERS,
    z.object({ id: z.number().int().positive() }),
    z.object({ items: z.array(rundownItemSchema) }),
  ),
  /**
   * Take next: with `outcome`, the question on air is decided first; without, it is refused while
   * a question is on air unless `confirm` (then it goes back to the front of its queue).
   */
  'show.next': command(
    PRODUCERS,
    z.object({ outcome: outcomeInputSchema.optional(), confirm: z.boolean().default(false) }),
    z.object({ onAir: questionSchema.nullable() }),
  ),
  /** Takes back the last on-air change, within a few seconds of it. */
  'show.undo': command(PRODUCERS, z.object({}), z.object({ onAir: questionSchema.nullable() })),
  'department.list': command(PRODUCERS, z.object({}), z.object({ items: z.array(departmentSchema) })),
};

export const rundownEvents = {
  'rundown.changed': event(PRODUCERS, rundownSchema),
};
