import { z } from 'zod';
import { CHANNELS, LANGUAGES } from '../domain';
import { command, event } from './define';
import { PRODUCERS } from './roles';

/** The steps a citizen is told about, through the channel they wrote from. */
export const NOTICES = ['answered_on_air', 'handed_off', 'department_answered'] as const;
export type Notice = (typeof NOTICES)[number];

/**
 * Where a message to a citizen stands. `paused`: waiting while a producer holds notifications;
 * `cancelled`: the question was rejected before it went, so it never will; `uncertain`: its send
 * was cut off (a crash, no answer) and it may or may not have arrived — never re-sent on its own;
 * `window_closed`: WhatsApp's 24-hour window had closed and no approved template was set.
 */
export const NOTIFICATION_STATES = ['waiting', 'paused', 'sent', 'failed', 'cancelled', 'uncertain', 'window_closed'] as const;
/** States a producer may resend from: it did not surely arrive. */
export const RESENDABLE_STATES: readonly NotificationState[] = ['uncertain', 'failed', 'window_closed'];
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** One message telling a citizen about a step of a question, as a producer sees it. */
export const notificationSchema = z.object({
  id: z.number().int(),
  notice: z.enum(NOTICES),
  /** The question the step happened to. */
  questionId: z.number().int(),
  questionReference: z.string(),
  /** The question whose sender is told: the same one, or a member of its duplicate group. */
  recipientQuestionId: z.number().int(),
  recipientReference: z.string(),
  channel: z.enum(CHANNELS),
  language: z.enum(LANGUAGES),
  text: z.string(),
  state: z.enum(NOTIFICATION_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  /** Sent as WhatsApp's approved template (outside the 24-hour window) rather than as free text. */
  sentAs: z.enum(['template']).nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationSettingsSchema = z.object({
  /** Held: new messages wait (shown as paused) and go when a producer resumes. */
  paused: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const list = z.object({ items: z.array(notificationSchema), settings: notificationSettingsSchema });

export const notificationCommands = {
  /** Messages about one question (to its sender and its group's), or the newest of all; newest first. */
  'notification.list': command(PRODUCERS, z.object({ questionId: z.number().int().positive().optional() }), list),
  /** Holds or releases every citizen notification; audited. */
  'notification.pause': command(PRODUCERS, notificationSettingsSchema, notificationSettingsSchema),
  /** Sends again a message that did not surely arrive (uncertain, failed, window closed); audited. */
  'notification.resend': command(PRODUCERS, z.object({ id: z.number().int().positive() }), notificationSchema),
};

export const notificationEvents = {
  /** A message was queued, sent, failed or cancelled. */
  'notification.changed': event(PRODUCERS, notificationSchema),
  'notification.settings': event(PRODUCERS, notificationSettingsSchema),
};
