import { z } from 'zod';
import { CHANNELS, DISTRICTS, LANGUAGES, QUESTION_STATUSES } from '../domain';
import { command, event } from './define';
import { PRODUCERS } from './roles';

/** Reasons a producer should look at a question before air; flagged, never deleted. */
export const QUESTION_FLAGS = ['profanity', 'rude', 'phone', 'iin', 'card', 'email', 'long_text', 'flood'] as const;
export type QuestionFlagName = (typeof QUESTION_FLAGS)[number];

const tagText = z.string().trim().min(1).max(80);

/** What the keyword rules suggest; shown to the producer, applied only when confirmed. */
export const suggestionsSchema = z.object({
  topic: z.string().nullable().default(null),
  district: z.enum(DISTRICTS).nullable().default(null),
  speaker: z.string().nullable().default(null),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;

/** A question as the producer console sees it (includes private contact data). */
export const questionSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  channel: z.enum(CHANNELS),
  senderName: z.string(),
  /** The first name the speaker reads out: parsed from the sender's name, corrected by a producer. */
  airName: z.string().default(''),
  /** The parser was unsure which word is the first name: a producer should confirm it before air. */
  airNameToCheck: z.boolean().default(false),
  senderContact: z.string().nullable(),
  district: z.enum(DISTRICTS).nullable(),
  topic: z.string().nullable(),
  language: z.enum(LANGUAGES).nullable(),
  originalText: z.string(),
  airText: z.string(),
  status: z.enum(QUESTION_STATUSES),
  rejectReason: z.string().nullable(),
  receivedAt: z.number(),
  updatedAt: z.number(),
  version: z.number().int(),
  flags: z.array(z.enum(QUESTION_FLAGS)).default([]),
  speaker: z.string().nullable().default(null),
  /** Near-duplicate group; every question has one once analysed (a group of one at first). */
  groupId: z.number().int().nullable().default(null),
  /** How many people asked this question, counting this one. */
  groupSize: z.number().int().default(1),
  suggestions: suggestionsSchema.default({ topic: null, district: null, speaker: null }),
});
export type Question = z.infer<typeof questionSchema>;

const questionRef = z.object({ id: z.number().int().positive(), version: z.number().int().min(1) });

export const REJECT_REASONS = ['spam', 'abuse', 'off_topic', 'duplicate', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * The inbox's orders: newest first (the default), oldest first, or the most asked groups first.
 * Group size has no further pages: it lists the first GROUP_SIZE_SORT_LIMIT rows only.
 */
export const INBOX_SORTS = ['newest', 'oldest', 'groupSize'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
export const GROUP_SIZE_SORT_LIMIT = 500;

/** The inbox filter; every field is optional and they combine with AND. */
export const inboxFilterSchema = z.object({
  status: z.enum(QUESTION_STATUSES).optional(),
  /** Any of these statuses: the console's tabs (review, approved, on air and done, rejected). */
  statuses: z.array(z.enum(QUESTION_STATUSES)).min(1).max(QUESTION_STATUSES.length).optional(),
  channel: z.enum(CHANNELS).optional(),
  topic: tagText.optional(),
  district: z.enum(DISTRICTS).optional(),
  language: z.enum(LANGUAGES).optional(),
  speaker: tagText.optional(),
  flagged: z.boolean().optional(),
  /** Only questions carrying this flag (obscene and rude apart). */
  flag: z.enum(QUESTION_FLAGS).optional(),
  /** Received at or after, UTC epoch ms. */
  from: z.number().int().optional(),
  /** Received before, UTC epoch ms. */
  to: z.number().int().optional(),
  /** Full-text search in Russian and Kazakh; every word is matched as a prefix. */
  text: z.string().trim().max(200).optional(),
  /** Absent: newest first. */
  sort: z.enum(INBOX_SORTS).optional(),
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

export const savedViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  filter: inboxFilterSchema,
  createdBy: z.string(),
  createdAt: z.number(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const SUGGESTION_KINDS = ['topic', 'district', 'speaker'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** One editable keyword rule: any keyword (a word prefix, kk or ru) suggests `value`. */
export const suggestionRuleSchema = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  value: tagText,
  keywords: z.array(z.string().trim().min(2).max(60)).min(1).max(200),
});
export type SuggestionRule = z.infer<typeof suggestionRuleSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** A question the same person asked before, and what became of it. */
export const earlierQuestionSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  originalText: z.string(),
  status: z.enum(QUESTION_STATUSES),
  rejectReason: z.string().nullable(),
  receivedAt: z.number(),
});

/** What one producer is looking at and doing, for the other producers' screens. */
export const PRESENCE_ACTIVITIES = ['viewing', 'editing', 'rejecting', 'merging'] as const;
export const presenceSchema = z.object({
  session: z.string(),
  name: z.string(),
  questionId: z.number().int().nullable(),
  activity: z.enum(PRESENCE_ACTIVITIES),
  at: z.number(),
});
export type Presence = z.infer<typeof presenceSchema>;

const tagPatch = z
  .object({
    topic: tagText.nullable().optional(),
    district: z.enum(DISTRICTS).nullable().optional(),
    speaker: tagText.nullable().optional(),
  })
  .refine((p) => p.topic !== undefined || p.district !== undefined || p.speaker !== undefined, {
    message: 'nothing to tag',
  });

export const BULK_ACTIONS = ['approve', 'reject', 'tag'] as const;

export const questionCommands = {
  /**
   * Filtered, in the filter's sort; the console pages newest first with `beforeId`, oldest first
   * with `afterId`; the group-size order has one page.
   */
  'inbox.list': command(
    PRODUCERS,
    z.object({
      limit: z.number().int().min(1).max(500).default(200),
      beforeId: z.number().int().positive().optional(),
      afterId: z.number().int().nonnegative().optional(),
      filter: inboxFilterSchema.default({}),
    }),
    z.object({ items: z.array(questionSchema), hasMore: z.boolean() }),
  ),
  'question.approve': command(PRODUCERS, questionRef, questionSchema),
  'question.reject': command(
    PRODUCERS,
    questionRef.extend({ reason: z.enum(REJECT_REASONS), note: z.string().max(500).optional() }),
    questionSchema,
  ),
  /**
   * Only inside the live episode. Refused while another question is on air unless `confirm`:
   * then that one goes back to the front of its queue, its outcome still to be recorded.
   */
  'question.putOnAir': command(PRODUCERS, questionRef.extend({ confirm: z.boolean().default(false) }), questionSchema),
  /** Changes the wording read on air; the original text never changes. */
  'question.edit': command(PRODUCERS, questionRef.extend({ airText: z.string().trim().min(1).max(4000) }), questionSchema),
  /** Sets the first name read on air (never a surname); audited, undoable, no longer to check. */
  'question.setAirName': command(PRODUCERS, questionRef.extend({ airName: z.string().trim().min(1).max(60) }), questionSchema),
  /** Sets topic, district and/or speaker (null clears); also how a suggestion is confirmed. */
  'question.tag': command(PRODUCERS, questionRef.and(tagPatch), questionSchema),
  /** Marks `id` a duplicate of `intoId`: it joins that question's group with status merged. */
  'question.merge': command(PRODUCERS, questionRef.extend({ intoId: z.number().int().positive() }), questionSchema),
  /** Takes a wrongly grouped question out of its group into a group of its own. */
  'question.split': command(PRODUCERS, questionRef, questionSchema),
  /** One action on a selection, all or nothing: a stale member refuses the whole batch. */
  'question.bulk': command(
    PRODUCERS,
    z.object({
      items: z.array(questionRef).min(1).max(500),
      action: z.enum(BULK_ACTIONS),
      reason: z.enum(REJECT_REASONS).optional(),
      tag: tagPatch.optional(),
    }),
    z.object({ items: z.array(questionSchema) }),
  ),
  /** Reverts this producer's last action, if nobody changed those questions since. */
  'question.undo': command(PRODUCERS, z.object({}), z.object({ items: z.array(questionSchema), action: z.string() })),
  'question.history': command(
    PRODUCERS,
    z.object({ id: z.number().int().positive() }),
    z.object({
      audit: z.array(auditEntrySchema),
      earlier: z.array(earlierQuestionSchema),
      group: z.array(questionSchema),
    }),
  ),
  'view.list': command(PRODUCERS, z.object({}), z.object({ items: z.array(savedViewSchema) })),
  'view.save': command(PRODUCERS, z.object({ name: tagText, filter: inboxFilterSchema }), savedViewSchema),
  'view.delete': command(PRODUCERS, z.object({ id: z.number().int().positive() }), z.object({ id: z.number().int() })),
  'rule.list': command(PRODUCERS, z.object({}), z.object({ items: z.array(suggestionRuleSchema) })),
  'rule.save': command(PRODUCERS, z.object({ items: z.array(suggestionRuleSchema).max(500) }), z.object({ items: z.array(suggestionRuleSchema) })),
  'presence.update': command(
    PRODUCERS,
    z.object({
      session: z.string().min(8).max(64),
      name: z.string().trim().min(1).max(60),
      questionId: z.number().int().positive().nullable(),
      activity: z.enum(PRESENCE_ACTIVITIES),
    }),
    z.object({ producers: z.array(presenceSchema) }),
  ),
};

export const questionEvents = {
  'question.created': event(PRODUCERS, questionSchema),
  'question.updated': event(PRODUCERS, questionSchema),
  'presence.changed': event(PRODUCERS, z.object({ producers: z.array(presenceSchema) })),
};
