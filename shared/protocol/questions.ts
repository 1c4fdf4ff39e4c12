import { z } from 'zod';
import { CHANNELS, DISTRICTS, LANGUAGES, QUESTION_STATUSES } from '../domain';
import { command } from './define';

/** A question as the producer console sees it (includes private contact data). */
export const questionSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  channel: z.enum(CHANNELS),
  senderName: z.string(),
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
});
export type Question = z.infer<typeof questionSchema>;

const questionRef = z.object({ id: z.number().int().positive(), version: z.number().int().min(1) });

export const REJECT_REASONS = ['spam', 'abuse', 'off_topic', 'duplicate', 'other'] as const;

export const questionCommands = {
  /** Newest first; the console pages through it. */
  'inbox.list': command(
    z.object({
      limit: z.number().int().min(1).max(500).default(200),
      beforeId: z.number().int().positive().optional(),
    }),
    z.object({ items: z.array(questionSchema) }),
  ),
  'question.approve': command(questionRef, questionSchema),
  'question.reject': command(
    questionRef.extend({ reason: z.enum(REJECT_REASONS), note: z.string().max(500).optional() }),
    questionSchema,
  ),
  'question.putOnAir': command(questionRef, questionSchema),
};

export const questionEvents = {
  'question.created': questionSchema,
  'question.updated': questionSchema,
};
