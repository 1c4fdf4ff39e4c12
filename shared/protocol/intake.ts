import { z } from 'zod';
import { CHANNELS, DISTRICTS, LANGUAGES } from '../domain';
import { MAX_AKIMAT_NAME_CHARS, MAX_NAME_CHARS, MAX_QUESTION_CHARS } from '../forms';
import { command, event } from './define';
import { PRODUCERS } from './roles';

/** Health of one intake door as the console shows it. */
export const CHANNEL_STATUSES = ['off', 'ready', 'connecting', 'connected', 'error'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** One channel's live state: health, the reason of the last error, traffic. */
export const channelStateSchema = z.object({
  channel: z.enum(CHANNELS),
  status: z.enum(CHANNEL_STATUSES),
  /** Why the channel is in error (or what it last recovered from); never contains a secret. */
  error: z.string().nullable(),
  /** Last time a question arrived through this channel (UTC ms). */
  lastMessageAt: z.number().nullable(),
  /** Questions stored from this channel, all time. */
  count: z.number().int(),
  changedAt: z.number(),
});
export type ChannelState = z.infer<typeof channelStateSchema>;

/** A secret is never sent to a screen: only whether it is set and its last four characters. */
export const secretViewSchema = z.object({ set: z.boolean(), last4: z.string().nullable() });
export type SecretView = z.infer<typeof secretViewSchema>;

export const intakeSettingsViewSchema = z.object({
  telegram: z.object({ enabled: z.boolean(), token: secretViewSchema, apiRoot: z.string() }),
  whatsapp: z.object({
    enabled: z.boolean(),
    appSecret: secretViewSchema,
    verifyToken: secretViewSchema,
    accessToken: secretViewSchema,
    graphApiRoot: z.string(),
    notificationTemplate: z.string().nullable(),
  }),
  limits: z.object({ perSenderPerMinute: z.number().int() }),
  publicForm: z.object({ akimatName: z.string().nullable(), privacyUrl: z.string().nullable() }),
});
export type IntakeSettingsView = z.infer<typeof intakeSettingsViewSchema>;

const apiRoot = z.string().trim().url().max(300).regex(/^https?:\/\//);
/** Omitted: unchanged; empty string or null: cleared. */
const secretInput = z.string().trim().max(500).nullable().optional();
const limit = z.number().int().min(0).max(100_000).optional();

export const intakeSettingsUpdateSchema = z.object({
  telegram: z
    .object({ enabled: z.boolean().optional(), token: secretInput, apiRoot: apiRoot.optional() })
    .optional(),
  whatsapp: z
    .object({
      enabled: z.boolean().optional(),
      appSecret: secretInput,
      verifyToken: secretInput,
      accessToken: secretInput,
      graphApiRoot: apiRoot.optional(),
      /** Empty or null: none. Meta's template names are lower case, digits and underscores. */
      notificationTemplate: z.union([z.literal(''), z.string().trim().regex(/^[a-z0-9_]{1,512}$/)]).nullable().optional(),
    })
    .optional(),
  limits: z.object({ perSenderPerMinute: limit }).optional(),
  /** Empty or null: back to the form's default. The link must be http(s): it is shown to citizens. */
  publicForm: z
    .object({
      akimatName: z.string().trim().max(MAX_AKIMAT_NAME_CHARS).nullable().optional(),
      privacyUrl: z.union([z.literal(''), z.string().trim().max(500).url().regex(/^https?:\/\//)]).nullable().optional(),
    })
    .optional(),
});
export type IntakeSettingsUpdate = z.infer<typeof intakeSettingsUpdateSchema>;

export const integrationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  keyLast4: z.string(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  lastUsedAt: z.number().nullable(),
});
export type Integration = z.infer<typeof integrationSchema>;

export const phoneInSchema = z.object({
  /** Generated when the form opens, so a double submit stores one question. */
  entryId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1, 'error.name_required').max(MAX_NAME_CHARS),
  district: z.enum(DISTRICTS).nullable(),
  phone: z.string().trim().max(40).nullable().optional(),
  topic: z.string().trim().max(60).nullable().optional(),
  language: z.enum(LANGUAGES).nullable().optional(),
  text: z.string().trim().min(1, 'error.empty_text').max(MAX_QUESTION_CHARS, 'error.text_too_long'),
});

/** Fields a CSV column can be mapped onto. */
export const CSV_FIELDS = ['text', 'name', 'phone', 'district', 'topic', 'externalId', 'receivedAt'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** Field → column index in the file; `text` is required. */
export const csvMappingSchema = z.partialRecord(z.enum(CSV_FIELDS), z.number().int().min(0).max(500));
export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** POST /api/intake/csv body: the file as base64 (UTF-8 or Windows-1251), preview or import. */
export const csvRequestSchema = z.object({
  fileName: z.string().max(260),
  contentBase64: z.string().max(14 * 1024 * 1024),
  mapping: csvMappingSchema.optional(),
  commit: z.boolean().default(false),
});
export type CsvRequest = z.input<typeof csvRequestSchema>;

export interface CsvRowResult {
  /** 1-based row as a spreadsheet numbers it, the header being row 1. */
  line: number;
  values: string[];
  /** Translated reason the row cannot be imported. */
  error: string | null;
}

export interface CsvPreview {
  columns: string[];
  delimiter: string;
  encoding: 'utf-8' | 'windows-1251';
  mapping: CsvMapping;
  total: number;
  valid: number;
  rows: CsvRowResult[];
  errors: CsvRowResult[];
}

export interface CsvImportResult extends CsvPreview {
  created: number;
  duplicates: number;
}

export const intakeCommands = {
  /** `waiting`: messages accepted and answered whose questions are still being made (a flood's backlog). */
  'channel.list': command(PRODUCERS, z.object({}), z.object({ items: z.array(channelStateSchema), waiting: z.number().int() })),
  'intake.getSettings': command(PRODUCERS, z.object({}), intakeSettingsViewSchema),
  'intake.updateSettings': command(PRODUCERS, intakeSettingsUpdateSchema, intakeSettingsViewSchema),
  'integration.list': command(PRODUCERS, z.object({}), z.object({ items: z.array(integrationSchema) })),
  /** The key is returned once, here; only its hash is stored. */
  'integration.create': command(
    PRODUCERS,
    z.object({ name: z.string().trim().min(1).max(80) }),
    z.object({ integration: integrationSchema, key: z.string() }),
  ),
  'integration.revoke': command(PRODUCERS, z.object({ id: z.number().int().positive() }), integrationSchema),
  'phone.add': command(PRODUCERS, phoneInSchema, z.object({ reference: z.string(), created: z.boolean() })),
};

export const intakeEvents = {
  'channel.state': event(PRODUCERS, channelStateSchema),
  /** Pushed while the backlog of accepted messages changes (at most every 250 ms), and when it is empty again. */
  'intake.waiting': event(PRODUCERS, z.object({ waiting: z.number().int() })),
};
